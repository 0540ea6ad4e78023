/** Runs `runrate` in-process against the fixture book in test/fixtures/cli. */
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../../cli/main.js';

export const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/cli');

export interface RunResult {
  code: number;
  out: string;
  err: string;
}

export async function run(
  args: string[],
  opts: { cwd?: string; examplesDir?: string; outDir?: string } = {},
): Promise<RunResult> {
  let out = '';
  let err = '';
  const code = await main(args, {
    stdout: { write: (s: string) => (out += s) },
    stderr: { write: (s: string) => (err += s) },
    cwd: opts.cwd ?? FIXTURES,
    examplesDir: opts.examplesDir,
    // demo writes its board pack here, not into the fixtures (or / when cwd is /).
    outDir: opts.outDir ?? path.join(tmpdir(), 'runrate-test-demo-out'),
  });
  return { code, out, err };
}
