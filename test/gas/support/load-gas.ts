/**
 * Loads the built Apps Script project (dist/gas/*.js) into a Node `vm` context the way Apps Script
 * runs it: every .js file as a plain script, in clasp's push order (by name), into one fresh global
 * scope: no module system, no `require`, no Node globals (no `process`, `Buffer`, `TextEncoder`,
 * `setTimeout`). The context gets only the Apps Script services a custom function may use:
 * - `SpreadsheetApp.getActive().getSpreadsheetTimeZone()`: the spreadsheet's zone (a parameter);
 * - `Utilities.formatDate(date, zone, pattern)`, implemented with Intl (yyyy, MM, dd, HH, mm, ss);
 * - `Logger.log` and `console` that record;
 * - `UrlFetchApp.fetch` and `fetch` that record the call and throw: a custom function must never
 *   reach the network (and appsscript.json grants no external requests).
 *
 * Plain Node (no vitest), so the benchmark uses it too. `ensureGasBuilt()` runs
 * `node scripts/build-gas.mjs` when dist/gas is missing or older than any source it is built from.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

/** The repository root: the nearest folder up from here whose package.json is RunRate's. */
export function repoRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = path.join(dir, 'package.json');
    if (existsSync(pkg) && JSON.parse(readFileSync(pkg, 'utf8')).name === 'runrate') return dir;
    const up = path.dirname(dir);
    if (up === dir) throw new Error('load-gas: RunRate repository root not found');
    dir = up;
  }
}

export const GAS_DIR = (): string => path.join(repoRoot(), 'dist', 'gas');

/** Newest modification time of the files under `dir` (recursively). */
function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

/** True when dist/gas is missing or older than src/, gas/, the build scripts or package.json. */
export function gasBuildIsStale(): boolean {
  const root = repoRoot();
  const outputs = ['runrate.js', 'functions.js', 'appsscript.json'].map((f) => path.join(GAS_DIR(), f));
  if (!outputs.every(existsSync)) return true;
  const built = Math.min(...outputs.map((f) => statSync(f).mtimeMs));
  const sources = Math.max(
    newest(path.join(root, 'src')),
    newest(path.join(root, 'gas')),
    statSync(path.join(root, 'scripts', 'build-gas.mjs')).mtimeMs,
    statSync(path.join(root, 'scripts', 'gas-wrappers.mjs')).mtimeMs,
    statSync(path.join(root, 'package.json')).mtimeMs,
  );
  return built < sources;
}

/** Builds dist/gas when it is missing or stale; returns whether it built. */
export function ensureGasBuilt(): boolean {
  if (!gasBuildIsStale()) return false;
  execFileSync(process.execPath, [path.join(repoRoot(), 'scripts', 'build-gas.mjs')], {
    cwd: repoRoot(),
    stdio: 'pipe',
  });
  return true;
}

/** The .js files of dist/gas in clasp's push order, with their text. */
export function gasScripts(): { name: string; code: string }[] {
  return readdirSync(GAS_DIR())
    .filter((f) => f.endsWith('.js'))
    .sort((a, b) => a.localeCompare(b))
    .map((name) => ({ name, code: readFileSync(path.join(GAS_DIR(), name), 'utf8') }));
}

const formatters = new Map<string, Intl.DateTimeFormat>();
/** A cached formatter of every calendar and clock field (24-hour, 2-digit) in a zone. */
function fieldsIn(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

function parts(ms: number, timeZone: string): Record<string, string> {
  const p: Record<string, string> = {};
  for (const x of fieldsIn(timeZone).formatToParts(new Date(ms))) p[x.type] = x.value;
  return p;
}

const midnights = new Map<string, number>();
/** UTC milliseconds of midnight starting the calendar day y-m-d in an IANA zone. */
export function zonedMidnight(y: number, m: number, d: number, timeZone: string): number {
  const key = `${timeZone} ${y}-${m}-${d}`;
  const known = midnights.get(key);
  if (known !== undefined) return known;
  // The zone's offset at an instant: its wall clock read as UTC, minus the instant.
  const offset = (t: number): number => {
    const p = parts(t, timeZone);
    return Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute, +p.second) - t;
  };
  const wall = Date.UTC(y, m - 1, d);
  let t = wall - offset(wall);
  t = wall - offset(t); // again at the found instant, in case a DST change lies between
  midnights.set(key, t);
  return t;
}

/** `Utilities.formatDate` for the patterns the tests need: yyyy, MM, dd, HH, mm, ss and literals. */
export function formatDate(date: Date, timeZone: string, pattern: string): string {
  const p = parts(date.getTime(), timeZone);
  const tokens: Record<string, string> = {
    yyyy: p.year.padStart(4, '0'),
    MM: p.month,
    dd: p.day,
    HH: p.hour,
    mm: p.minute,
    ss: p.second,
  };
  return pattern.replace(/yyyy|MM|dd|HH|mm|ss/g, (t) => tokens[t]);
}

export interface GasOptions {
  /** The spreadsheet's time zone (File > Settings), as getSpreadsheetTimeZone() returns it. */
  spreadsheetTimeZone: string;
  /** More (or replacement) globals, e.g. a SpreadsheetApp with getUi for the menu. */
  globals?: Record<string, unknown>;
}

export interface GasRuntime {
  context: vm.Context;
  /**
   * Calls a top-level function of the project by name, as Sheets or a menu would, with the
   * arguments copied into the context's realm (arrays and Dates; Sheets hands the script its own)
   * and the result copied out (arrays); a thrown error is rethrown as this realm's Error.
   */
  call(name: string, ...args: unknown[]): unknown;
  /** The same without copying (arguments already made with `toRealm`): for timing. */
  callRaw(name: string, ...args: unknown[]): unknown;
  /** A value copied into the context's realm: arrays become its arrays, Dates its Dates. */
  toRealm(value: unknown): unknown;
  /** Top-level names the scripts defined (functions and vars). */
  globals(): string[];
  /** A Date of the context's realm: midnight starting y-m-d in the spreadsheet's zone, as Sheets passes a date cell. */
  sheetDate(y: number, m: number, d: number): Date;
  /** A Date of the context's realm at an instant. */
  instant(ms: number): Date;
  /** Counts of service calls. */
  calls: { getSpreadsheetTimeZone: number; formatDate: number };
  /** Network attempts (UrlFetchApp.fetch, fetch): must stay empty. */
  network: string[];
  logs: string[];
}

/** Loads dist/gas into a fresh context (build it first with ensureGasBuilt). */
export function loadGas(opts: GasOptions): GasRuntime {
  const calls = { getSpreadsheetTimeZone: 0, formatDate: 0 };
  const network: string[] = [];
  const logs: string[] = [];
  const refuse = (what: string) => (url: unknown) => {
    network.push(`${what} ${String(url)}`);
    throw new Error(`${what}: no network in a RunRate custom function`);
  };
  const spreadsheet = {
    getSpreadsheetTimeZone: () => {
      calls.getSpreadsheetTimeZone++;
      return opts.spreadsheetTimeZone;
    },
  };
  const record = (...a: unknown[]) => {
    logs.push(a.map(String).join(' '));
  };
  const context = vm.createContext({
    SpreadsheetApp: { getActive: () => spreadsheet, getActiveSpreadsheet: () => spreadsheet },
    Utilities: {
      formatDate: (date: Date, tz: string, pattern: string) => {
        calls.formatDate++;
        return formatDate(date, tz, pattern);
      },
    },
    Logger: { log: record },
    console: { log: record, info: record, warn: record, error: record },
    UrlFetchApp: { fetch: refuse('UrlFetchApp.fetch'), fetchAll: refuse('UrlFetchApp.fetchAll') },
    fetch: refuse('fetch'),
    ...opts.globals,
  });
  const own = new Set(Object.getOwnPropertyNames(context));
  for (const s of gasScripts()) vm.runInContext(s.code, context, { filename: s.name });
  const VmDate = vm.runInContext('Date', context) as DateConstructor;
  const VmArray = vm.runInContext('Array', context) as ArrayConstructor;
  const isDate = (v: unknown): v is Date => Object.prototype.toString.call(v) === '[object Date]';
  const toRealm = (v: unknown): unknown => {
    if (Array.isArray(v)) {
      const a = new VmArray(v.length);
      for (let i = 0; i < v.length; i++) a[i] = toRealm(v[i]);
      return a;
    }
    if (isDate(v) && !((v as unknown) instanceof VmDate)) return new VmDate(v.getTime());
    return v;
  };
  const fromRealm = (v: unknown): unknown => (Array.isArray(v) ? v.map(fromRealm) : v);
  const callRaw = (name: string, ...args: unknown[]): unknown => {
    const f = (context as Record<string, unknown>)[name];
    if (typeof f !== 'function') throw new Error(`load-gas: no top-level function ${name}`);
    return (f as (...a: unknown[]) => unknown)(...args);
  };
  return {
    context,
    call: (name, ...args) => {
      let r: unknown;
      try {
        r = callRaw(name, ...args.map(toRealm));
      } catch (e) {
        const message = (e as { message?: unknown })?.message;
        throw new Error(typeof message === 'string' ? message : String(e));
      }
      return fromRealm(r);
    },
    callRaw,
    toRealm,
    globals: () => Object.getOwnPropertyNames(context).filter((n) => !own.has(n)),
    sheetDate: (y, m, d) => new VmDate(zonedMidnight(y, m, d, opts.spreadsheetTimeZone)),
    instant: (ms) => new VmDate(ms),
    calls,
    network,
    logs,
  };
}
