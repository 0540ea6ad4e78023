// Writes addin/functions/functions.generated.ts (the Excel custom-function wrappers) from the core
// descriptors; `npm run gen:functions`, and the first step of `npm run build:addin` and `dev-server`.
import path from 'node:path';
import { loadFunctions, writeExcelFunctions } from './function-docs.mjs';

const functions = await loadFunctions();
const file = writeExcelFunctions(functions);
console.log(`${path.relative(process.cwd(), file)}: ${functions.length} functions`);
