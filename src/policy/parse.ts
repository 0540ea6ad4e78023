/**
 * The policy table: parse and validate it, fill in defaults, write it back, and hash it.
 *
 * A policy is a two-column key/value range (methodology section 1). Reading rules:
 * - blank rows are skipped; Excel's blank-as-0 counts as blank in the key and extra columns;
 * - the first non-blank row may be a header (`Key`/`Setting` and `Value`, any case);
 * - keys match case-insensitively, ignoring spaces, `_` and `-` (`Reporting Currency`);
 * - values are trimmed; enum values match the same way (`Half-Up` is `half_up`); a yes/no key
 *   also takes a checkbox (TRUE/FALSE);
 * - a key set twice, an unknown key, a bad value, or a non-blank third column is an error;
 * - a blank value is an error too (write the default, or drop the row, to get the default).
 *   Numeric keys cannot tell Excel desktop's blank-as-0 from a typed 0; both read as 0.
 * - the whole range blank (`null`, `[[null]]`, `[[""]]`, `[[0]]`, ...) means "no policy": defaults.
 *
 * Overrides (the CLI's `--set key=value`) are applied after the table with the same validation
 * and may replace a table value.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { CellError, isBlankOrZero, readNumber, showCell } from '../cells/index.js';
import { POLICY_KEYS, type KeySpec, type Policy, type PolicyValues } from './keys.js';

/** Lower case without spaces, `_` and `-`: how keys and enum values are compared. */
function normalize(s: string): string {
  return s.toLowerCase().replace(/[\s_-]+/g, '');
}

const KEY_BY_NAME = new Map<string, KeySpec>(POLICY_KEYS.map((spec) => [normalize(spec.key), spec]));

/** The key a name means (`Reporting Currency`, `reporting_currency` ...), or undefined. */
export function findPolicyKey(name: string): KeySpec | undefined {
  return KEY_BY_NAME.get(normalize(name.trim()));
}

/** `a or b`, `a, b or c`. */
function orList(items: readonly string[]): string {
  return items.length <= 1
    ? items.join('')
    : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

/** What a key accepts, as the end of `... is not allowed; use ...`. */
function allowedValues(spec: KeySpec): string {
  switch (spec.kind) {
    case 'enum':
      return orList(spec.values);
    case 'number':
      return `${spec.integer ? 'a whole number' : 'a number'}, ${spec.min} or more`;
    case 'currency':
      return 'a 3-letter currency code such as USD or EUR';
    case 'bands':
      return 'ascending positive numbers separated by commas, e.g. 25000,100000';
    case 'text':
      return 'a label of at most 100 characters on one line, e.g. 1 or 2024-Q1';
  }
}

const BAD = Symbol('bad value');
type Parsed = PolicyValues[keyof PolicyValues] | typeof BAD;

/** A JavaScript number literal (`1e+21`, `.5`), the form `String(n)` may write. */
const JS_NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;

/** A number from a number cell or its text (`1,000`, `$50,000`, `1e+21`); NaN when it is not one. */
function numberOf(raw: unknown): number {
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : NaN;
  if (typeof raw !== 'string') return NaN;
  const n = readNumber(raw);
  if (typeof n === 'number') return n;
  const s = raw.trim();
  return JS_NUMBER.test(s) ? Number(s) : NaN;
}

/** True when the text holds a control character (a line break would break the canonical form). */
function hasControl(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c === 0x7f) return true;
  }
  return false;
}

/** A cell's value for a key, or BAD. */
function parseValue(spec: KeySpec, raw: unknown): Parsed {
  switch (spec.kind) {
    case 'enum': {
      if (typeof raw === 'boolean' && spec.values.length === 2 && spec.values.includes('yes')) {
        return raw ? 'yes' : 'no';
      }
      if (typeof raw !== 'string') return BAD;
      const want = normalize(raw.trim());
      const found = spec.values.find((v) => normalize(v) === want);
      return found === undefined || want === '' ? BAD : (found as Parsed);
    }
    case 'number': {
      let n: number;
      if (spec.key === 'reconTolerancePct' && typeof raw === 'string' && raw.trim().endsWith('%')) {
        n = numberOf(raw.trim().slice(0, -1));
      } else {
        n = numberOf(raw);
      }
      if (!Number.isFinite(n) || n < spec.min || (spec.integer && !Number.isSafeInteger(n))) return BAD;
      return n + 0; // no -0
    }
    case 'currency': {
      if (typeof raw !== 'string') return BAD;
      const s = raw.trim();
      return /^[A-Za-z]{3}$/.test(s) ? s.toUpperCase() : BAD;
    }
    case 'text': {
      let s: string;
      if (typeof raw === 'string') s = raw.trim();
      else if (typeof raw === 'number' && Number.isFinite(raw) && raw !== 0) s = String(raw);
      else return BAD;
      return s === '' || s.length > 100 || hasControl(s) ? BAD : s;
    }
    case 'bands':
      return parseBands(raw);
  }
}

/**
 * Band edges: a number, or text of numbers separated by commas (`25000,100000`). When the text
 * holds a semicolon, semicolons separate and commas may group thousands (`25,000; 100,000`).
 */
function parseBands(raw: unknown): number[] | typeof BAD {
  let parts: unknown[];
  if (typeof raw === 'number') parts = [raw];
  else if (typeof raw === 'string') parts = raw.split(raw.includes(';') ? ';' : ',');
  else return BAD;
  const edges: number[] = [];
  for (const part of parts) {
    const n = numberOf(part);
    if (!Number.isFinite(n) || n <= 0 || (edges.length > 0 && n <= edges[edges.length - 1])) return BAD;
    edges.push(n);
  }
  return edges;
}

/** The canonical text of a value: enum and text as is, numbers as JavaScript writes them, bands `a,b`. */
export function formatPolicyValue(spec: KeySpec, value: unknown): string {
  if (spec.kind === 'bands') return (value as readonly number[]).map((n) => String(n)).join(',');
  return String(value);
}

const DEFAULT_VALUES: Readonly<Record<string, Parsed>> = Object.fromEntries(
  POLICY_KEYS.map((spec) => {
    const v = parseValue(spec, spec.default);
    if (v === BAD) throw new Error(`policy key ${spec.key}: default ${spec.default} does not parse`);
    return [spec.key, v];
  }),
);

function buildPolicy(values: Record<string, Parsed>, explicit: ReadonlySet<string>): Policy {
  const policy: Record<string, unknown> = {};
  for (const spec of POLICY_KEYS) {
    const v = values[spec.key];
    policy[spec.key] = Array.isArray(v) ? v.slice() : v;
  }
  policy.explicitKeys = POLICY_KEYS.filter((spec) => explicit.has(spec.key)).map((spec) => spec.key);
  return policy as unknown as Policy;
}

/** Every key at its default; `explicitKeys` empty. */
export function defaultPolicy(): Policy {
  return buildPolicy({ ...DEFAULT_VALUES }, new Set());
}

/** Levenshtein distance, for "did you mean". */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length];
}

function unknownKeyMessage(where: string, raw: unknown): string {
  const shown = showCell(raw);
  const want = typeof raw === 'string' ? normalize(raw.trim()) : '';
  let best: KeySpec | undefined;
  let bestDistance = 3;
  for (const spec of want === '' ? [] : POLICY_KEYS) {
    const name = normalize(spec.key);
    const d = want.length >= 4 && name.includes(want) ? 1 : distance(want, name);
    if (d < bestDistance) {
      best = spec;
      bestDistance = d;
    }
  }
  const hint = best ? ` (did you mean ${best.key}?)` : '';
  return `${where}: ${shown} is not a policy key${hint}; keys: ${POLICY_KEYS.map((s) => s.key).join(', ')}`;
}

function badValue(where: string, spec: KeySpec, raw: unknown, row?: number, column?: string): CellError {
  return new CellError(
    '#VALUE!',
    `${where}, ${spec.key}: ${showCell(raw)} is not allowed; use ${allowedValues(spec)}`,
    row,
    column,
  );
}

const isBlankRow = (row: unknown): boolean =>
  Array.isArray(row) ? row.every(isBlankOrZero) : isBlankOrZero(row);

const HEADER_KEYS = new Set(['key', 'setting']);

/**
 * Reads a policy table (and CLI overrides) into a full policy, defaults filled in.
 * Errors name the policy row (row 1 = the range's first row) and the key.
 */
export function parsePolicy(
  table?: unknown[][] | null,
  overrides?: Record<string, string>,
): Policy | CellError {
  const values: Record<string, Parsed> = { ...DEFAULT_VALUES };
  const explicit = new Set<string>();
  const setAt = new Map<string, number>();

  if (!isBlankRow(table) && !(Array.isArray(table) && table.every(isBlankRow))) {
    if (!Array.isArray(table)) {
      return new CellError('#VALUE!', 'the policy must be a range of two columns: key and value');
    }
    let keyColumn = 'Key';
    let valueColumn = 'Value';
    let first = true;
    for (let i = 0; i < table.length; i++) {
      const row: unknown = table[i];
      const r = i + 1;
      if (!Array.isArray(row)) {
        return new CellError('#VALUE!', 'the policy must be a range of two columns: key and value');
      }
      for (let c = 2; c < row.length; c++) {
        if (!isBlankOrZero(row[c])) {
          return new CellError(
            '#VALUE!',
            `policy row ${r}: the policy has two columns (key, value), but column ${c + 1} holds ${showCell(row[c])}`,
            r,
          );
        }
      }
      const rawKey: unknown = row[0];
      const rawValue: unknown = row[1];
      if (isBlankOrZero(rawKey) && isBlankOrZero(rawValue)) continue;
      if (
        first &&
        typeof rawKey === 'string' &&
        typeof rawValue === 'string' &&
        HEADER_KEYS.has(normalize(rawKey)) &&
        normalize(rawValue) === 'value'
      ) {
        first = false;
        keyColumn = rawKey.trim();
        valueColumn = rawValue.trim();
        continue;
      }
      first = false;
      if (isBlankOrZero(rawKey)) {
        return new CellError(
          '#VALUE!',
          `policy row ${r}: the value ${showCell(rawValue)} has no key`,
          r,
          keyColumn,
        );
      }
      const spec = typeof rawKey === 'string' ? findPolicyKey(rawKey) : undefined;
      if (!spec) return new CellError('#VALUE!', unknownKeyMessage(`policy row ${r}`, rawKey), r, keyColumn);
      const previous = setAt.get(spec.key);
      if (previous !== undefined) {
        return new CellError(
          '#VALUE!',
          `policy row ${r}, ${spec.key}: the key is set twice (rows ${previous} and ${r}); keep one`,
          r,
          keyColumn,
        );
      }
      const v = parseValue(spec, rawValue);
      if (v === BAD) return badValue(`policy row ${r}`, spec, rawValue, r, valueColumn);
      setAt.set(spec.key, r);
      values[spec.key] = v;
      explicit.add(spec.key);
    }
  }

  if (overrides) {
    const overridden = new Map<string, string>();
    for (const [name, rawValue] of Object.entries(overrides)) {
      const spec = findPolicyKey(name);
      if (!spec) return new CellError('#VALUE!', unknownKeyMessage('policy override', name));
      const previous = overridden.get(spec.key);
      if (previous !== undefined) {
        return new CellError(
          '#VALUE!',
          `policy override, ${spec.key}: the key is set twice (as ${JSON.stringify(previous)} and ${JSON.stringify(name)}); keep one`,
        );
      }
      overridden.set(spec.key, name);
      const v = parseValue(spec, rawValue);
      if (v === BAD) return badValue('policy override', spec, rawValue);
      values[spec.key] = v;
      explicit.add(spec.key);
    }
  }

  return buildPolicy(values, explicit);
}

/** `[['Key','Value'], [key, value] ...]` in POLICY_KEYS order, values in canonical text. */
export function policyTable(policy: Policy = defaultPolicy()): string[][] {
  const rows: string[][] = [['Key', 'Value']];
  for (const spec of POLICY_KEYS) rows.push([spec.key, formatPolicyValue(spec, policy[spec.key])]);
  return rows;
}

/**
 * `key=value\n` for every key in POLICY_KEYS order. Only the values count: `explicitKeys` is not
 * part of it, so a table that spells out a default is the same policy as no table.
 */
export function canonicalPolicy(policy: Policy): string {
  let text = '';
  for (const spec of POLICY_KEYS) text += `${spec.key}=${formatPolicyValue(spec, policy[spec.key])}\n`;
  return text;
}

/** The first 12 hex characters of the SHA-256 of the canonical form (UTF-8). */
export function policyHash(policy: Policy): string {
  return bytesToHex(sha256(utf8ToBytes(canonicalPolicy(policy)))).slice(0, 12);
}
