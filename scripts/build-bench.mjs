/**
 * Bundles every bench/*.ts into dist/bench/ (ESM, Node) with esbuild. Packages stay external, so
 * the DuckDB native binding is loaded from node_modules at run time.
 */
import { build } from 'esbuild';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const entryPoints = readdirSync('bench')
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
  .map((f) => join('bench', f));

await build({
  entryPoints,
  outdir: 'dist/bench',
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
