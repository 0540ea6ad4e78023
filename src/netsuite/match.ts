/**
 * Customer matching (docs/reconcile.md, "Matching customers"): contract customer keys <-> NetSuite
 * entities. For each entity, the first rule that gives exactly one contract key:
 * 1. `exact`: the entity as exported equals a key; `id`: its entity number (ID column, or the
 *    leading `C1004` of `C1004 Initech, LLC`) equals a key (case-insensitive);
 * 2. `mapping`: a row of the user's mapping table (contract key, NetSuite name or id) names the
 *    entity (its name, case and spaces aside, or its number);
 * 3. `name`: the normalised name (normaliseName) equals exactly one key's normalised name;
 *    `leaf` / `parent`: for `Parent : Child`, the leaf's, then each parent's (nearest first).
 * Nothing else merges: a fuzzy likeness is never a match. Entities and keys left over are listed
 * with their best candidates (similarity, a Dice coefficient on letter pairs, 0..1) for the user to
 * confirm in the mapping table. Deterministic: the same inputs give the same output in any order of
 * evaluation; candidates are sorted by score, then name.
 */
import { CellError } from '../cells/error.js';
import { entityNumber, hierarchy, trimCell, withoutEntityNumber } from './cells.js';
import type {
  CustomerMatchResult,
  MatchCandidate,
  MatchRule,
  NetSuiteEntity,
  UnmatchedName,
} from './types.js';

/** Legal-form suffixes dropped from the end of a name (repeatedly: `Acme Holdings Co Ltd`). */
const SUFFIXES = new Set([
  'inc',
  'incorporated',
  'llc',
  'llp',
  'lp',
  'ltd',
  'limited',
  'gmbh',
  'sa',
  'sas',
  'sarl',
  'bv',
  'nv',
  'corp',
  'corporation',
  'co',
  'company',
  'plc',
  'ag',
  'pty',
]);

const MARKS = /[\u0300-\u036f]/g;

/**
 * A name as compared: accents, case, punctuation, spaces (non-breaking too), a leading entity number,
 * `&` as `and`, a leading `The` and legal-form suffixes dropped. `C1004 Initech, L.L.C.` ->
 * `initech`; `The Procter & Gamble Company` -> `procter and gamble`. Applied to one level of a
 * hierarchy (see `nameForms`).
 */
export function normaliseName(segment: string): string {
  let s = withoutEntityNumber(segment.replace(/[\u00a0\u202f\u2007]/g, ' '));
  s = s.normalize('NFKD').replace(MARKS, '').toLowerCase();
  s = s
    .replace(/&/g, ' and ')
    .replace(/[.'\u2019`]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
  let words = s === '' ? [] : s.split(' ');
  if (words.length > 1 && words[0] === 'the') words = words.slice(1);
  while (words.length > 1 && SUFFIXES.has(words[words.length - 1])) words.pop();
  return words.join(' ');
}

/** The forms of an entity name tried in turn: the whole name, then the leaf, then parents nearest first. */
export function nameForms(name: string): { form: string; rule: MatchRule }[] {
  const parts = hierarchy(trimCell(name));
  if (parts.length === 1) return [{ form: normaliseName(parts[0]), rule: 'name' }];
  const out: { form: string; rule: MatchRule }[] = [
    {
      form: parts
        .map(normaliseName)
        .filter((p) => p !== '')
        .join(' '),
      rule: 'name',
    },
  ];
  out.push({ form: normaliseName(parts[parts.length - 1]), rule: 'leaf' });
  for (let i = parts.length - 2; i >= 0; i--) out.push({ form: normaliseName(parts[i]), rule: 'parent' });
  return out;
}

/** Text compared for exact and mapping matches: trimmed, spaces collapsed, lower case. */
const loose = (s: string): string =>
  trimCell(s)
    .replace(/[\s\u00a0\u202f]+/g, ' ')
    .toLowerCase();

// ---- similarity ----------------------------------------------------------------------------------

/** The distinct letter pairs of a normalised name (spaces removed), as sorted codes. */
function pairs(norm: string): Int32Array {
  const s = norm.replace(/ /g, '');
  const set = new Set<number>();
  for (let i = 0; i + 1 < s.length; i++) set.add(s.charCodeAt(i) * 65536 + s.charCodeAt(i + 1));
  if (s.length === 1) set.add(s.charCodeAt(0) * 65536);
  return Int32Array.from([...set].sort((a, b) => a - b));
}

/** Dice coefficient of two pair sets: 2|A and B| / (|A| + |B|), two decimals. */
function dice(a: Int32Array, b: Int32Array): number {
  if (a.length === 0 || b.length === 0) return 0;
  let i = 0;
  let j = 0;
  let both = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      both++;
      i++;
      j++;
    } else if (a[i] < b[j]) i++;
    else j++;
  }
  return Math.round((200 * both) / (a.length + b.length)) / 100;
}

/** Similarity of two names 0..1 (1: the same normalised name), as shown with candidates. */
export function similarity(a: string, b: string): number {
  const na = normaliseName(a);
  const nb = normaliseName(b);
  if (na === nb) return na === '' ? 0 : 1;
  return dice(pairs(na), pairs(nb));
}

const MIN_SCORE = 0.3;
const MAX_CANDIDATES = 3;

interface Pool {
  names: string[];
  norms: string[];
  pairs: Int32Array[];
}

function pool(names: string[], normOf: (n: string) => string): Pool {
  const norms = names.map(normOf);
  return { names, norms, pairs: norms.map(pairs) };
}

function candidatesFor(norm: string, p: Pool): MatchCandidate[] {
  const mine = pairs(norm);
  const out: MatchCandidate[] = [];
  for (let i = 0; i < p.names.length; i++) {
    const score = norm !== '' && norm === p.norms[i] ? 1 : dice(mine, p.pairs[i]);
    if (score >= MIN_SCORE) out.push({ name: p.names[i], score });
  }
  out.sort((x, y) => y.score - x.score || (x.name < y.name ? -1 : x.name > y.name ? 1 : 0));
  return out.length > MAX_CANDIDATES ? out.slice(0, MAX_CANDIDATES) : out;
}

/** The normalised form an entity is compared by for candidates: its leaf (the customer itself). */
const entityNorm = (name: string): string => {
  const parts = hierarchy(trimCell(name));
  return normaliseName(parts[parts.length - 1]);
};

// ---- matching ------------------------------------------------------------------------------------

function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  return trimCell(String(v));
}

/**
 * Matches NetSuite entities to contract keys. `mapping` is a range (contract key, NetSuite name or
 * id), its first row a header unless its first cell is a contract key; blank rows are skipped. A
 * mapping row naming no contract key, or one NetSuite name mapped to two keys, is an error naming
 * the row.
 */
export function matchCustomers(
  keys: string[],
  entities: (NetSuiteEntity | string)[],
  mapping: unknown[][] | null = null,
): CustomerMatchResult | CellError {
  const ents: NetSuiteEntity[] = entities.map((e) => (typeof e === 'string' ? { name: e } : e));
  const exact = new Map<string, number>();
  const byId = new Map<string, number>();
  keys.forEach((k, i) => {
    const t = trimCell(k);
    if (!exact.has(t)) exact.set(t, i);
    const l = t.toLowerCase();
    if (!byId.has(l)) byId.set(l, i);
  });
  // Normalised key -> key index, or -2 when two keys share it (then it matches nothing).
  const byNorm = new Map<string, number>();
  keys.forEach((k, i) => {
    const n = normaliseName(k);
    if (n === '') return;
    const had = byNorm.get(n);
    byNorm.set(n, had === undefined ? i : had === i ? i : -2);
  });

  // The mapping table.
  const mapped = new Map<string, { key: number; row: number }>();
  if (mapping && mapping.length > 0) {
    const first = mapping[0] ?? [];
    const start = exact.has(cellText(first[0])) ? 0 : 1;
    for (let r = start; r < mapping.length; r++) {
      const row = mapping[r] ?? [];
      const k = cellText(row[0]);
      const e = cellText(row[1]);
      if (k === '' && e === '') continue;
      const ki = exact.get(k);
      if (ki === undefined) {
        return new CellError(
          '#VALUE!',
          `mapping row ${r + 1}: ${JSON.stringify(k)} is not a contract customer key`,
          r + 1,
        );
      }
      if (e === '') {
        return new CellError(
          '#VALUE!',
          `mapping row ${r + 1}: no NetSuite name or id for ${JSON.stringify(k)}`,
          r + 1,
        );
      }
      const at = loose(e);
      const had = mapped.get(at);
      if (had && had.key !== ki) {
        return new CellError(
          '#VALUE!',
          `mapping row ${r + 1}: ${JSON.stringify(e)} is already mapped to ${JSON.stringify(keys[had.key])} (row ${had.row})`,
          r + 1,
        );
      }
      if (!had) mapped.set(at, { key: ki, row: r + 1 });
    }
  }

  const n = ents.length;
  const entityCustomer = new Int32Array(n).fill(-1);
  const rule: (MatchRule | null)[] = new Array<MatchRule | null>(n).fill(null);
  for (let x = 0; x < n; x++) {
    const name = trimCell(ents[x].name ?? '');
    const id = trimCell(ents[x].id ?? '') || entityNumber(name) || '';
    let k = exact.get(name);
    let how: MatchRule | null = k === undefined ? null : 'exact';
    if (k === undefined && id !== '') {
      k = byId.get(id.toLowerCase());
      if (k !== undefined) how = 'id';
    }
    if (k === undefined) {
      const m = mapped.get(loose(name)) ?? (id !== '' ? mapped.get(loose(id)) : undefined);
      if (m) {
        k = m.key;
        how = 'mapping';
      }
    }
    if (k === undefined) {
      for (const f of nameForms(name)) {
        const hit = f.form === '' ? undefined : byNorm.get(f.form);
        if (hit === -2) break; // two keys look the same: never pick one
        if (hit !== undefined) {
          k = hit;
          how = f.rule;
          break;
        }
      }
    }
    if (k !== undefined) {
      entityCustomer[x] = k;
      rule[x] = how;
    }
  }

  // What is left, with candidates.
  const used = new Uint8Array(keys.length);
  for (let x = 0; x < n; x++) if (entityCustomer[x] >= 0) used[entityCustomer[x]] = 1;
  const freeEntities: string[] = [];
  const seenEntity = new Set<string>();
  for (let x = 0; x < n; x++) {
    const name = trimCell(ents[x].name ?? '');
    if (entityCustomer[x] < 0 && !seenEntity.has(name)) {
      seenEntity.add(name);
      freeEntities.push(name);
    }
  }
  const entityPool = pool(freeEntities, entityNorm);
  const keyPool = pool(keys, normaliseName);
  const contracts: UnmatchedName[] = [];
  keys.forEach((k, i) => {
    if (!used[i]) contracts.push({ name: k, candidates: candidatesFor(normaliseName(k), entityPool) });
  });
  const netsuite: UnmatchedName[] = freeEntities.map((e, i) => ({
    name: e,
    candidates: candidatesFor(entityPool.norms[i], keyPool),
  }));
  return { entityCustomer, rule, unmatched: { contracts, netsuite } };
}
