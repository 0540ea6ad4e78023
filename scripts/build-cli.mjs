// Bundles the command line: cli/runrate.ts -> dist/cli/runrate.js (ESM, Node 20, dependencies
// external so exceljs and papaparse load from node_modules). Run from any directory.
import { chmod } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outfile = path.join(root, 'dist', 'cli', 'runrate.js');

await build({
  absWorkingDir: root,
  entryPoints: [path.join(root, 'cli', 'runrate.ts')],
  outfile,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  banner: { js: '#!/usr/bin/env node' },
  legalComments: 'none',
  logLevel: 'warning',
});
await chmod(outfile, 0o755);
