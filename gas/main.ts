/**
 * The Apps Script bundle's entry: scripts/build-gas.mjs bundles this file into dist/gas/runrate.js,
 * an IIFE that defines one global, `RunRate`. Apps Script needs real top-level `function`
 * declarations for custom functions, menu handlers, triggers and `google.script.run` endpoints, so
 * the build writes them into dist/gas/functions.js, each delegating here:
 *
 *   function ARR(contracts, asOf, policy, rates, by) { return RunRate.callSheets('ARR', [...]); }
 *   function onOpen(...args) { return RunRate.server('onOpen', args); }
 *
 * The build reads the custom functions' names, arguments and help from `FUNCTIONS` and the server
 * functions' names and docs from `SERVER_FUNCTIONS`, in the built bundle itself.
 */
import { installTextEncoder } from './functions/text-encoder.js';
import { SERVER_FUNCTIONS } from './server/index.js';

// Apps Script's V8 has no TextEncoder; the core's SHA-256 needs one (policy and snapshot hashes).
installTextEncoder();

export { callSheets } from './functions/sheets-adapter.js';
export { FUNCTIONS } from '../src/functions/registry.js';
export { SERVER_FUNCTIONS };

let byName: Map<string, (typeof SERVER_FUNCTIONS)[number]> | undefined;

/** Runs a server function (menu item, trigger, google.script.run endpoint) by name. */
export function server(name: string, args: unknown[]): unknown {
  byName ??= new Map(SERVER_FUNCTIONS.map((f) => [f.name, f]));
  const f = byName.get(name);
  if (!f) throw new Error(`RunRate: no server function ${name}`);
  return f.fn(...args);
}
