/**
 * The `runrate` executable (bundled to dist/cli/runrate.js by scripts/build-cli.mjs). All the work
 * is in `main`; this file only wires it to the process.
 */
import { main } from './main.js';

// A closed pipe (`runrate ... | head`) is not an error worth a stack trace.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
  process.stderr.write(`runrate: cannot write the output: ${e.message.split('\n')[0]}\n`);
  process.exit(1);
});

main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd() }).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(
      `runrate: internal error: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}\n`,
    );
    process.exitCode = 1;
  },
);
