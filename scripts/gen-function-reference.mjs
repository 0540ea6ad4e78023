// Writes the README's "Excel and Sheets function reference" (between its markers) from the core
// descriptors; `npm run gen:reference`. test/addin/functions/readme-reference.test.ts fails when
// the README drifts from the descriptors.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { functionReferenceMarkdown, loadFunctions, README_BEGIN, README_END } from './function-docs.mjs';

const README = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'README.md');
const text = readFileSync(README, 'utf8');
const begin = text.indexOf(README_BEGIN);
const end = text.indexOf(README_END);
if (begin < 0 || end < begin) {
  console.error(`README.md has no ${README_BEGIN} ... ${README_END} markers`);
  process.exit(1);
}
const reference = functionReferenceMarkdown(await loadFunctions());
writeFileSync(README, text.slice(0, begin) + reference + text.slice(end + README_END.length));
console.log('README.md: function reference written');
