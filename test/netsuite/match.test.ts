import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CellError } from '../../src/cells/error.js';
import {
  matchCustomers,
  nameForms,
  normaliseName,
  readNetSuiteExport,
  similarity,
  type CustomerMatchResult,
  type NetSuiteExport,
} from '../../src/netsuite/index.js';

function match(...args: Parameters<typeof matchCustomers>): CustomerMatchResult {
  const m = matchCustomers(...args);
  if (m instanceof CellError) throw new Error(m.message);
  return m;
}

/** entity -> matched key (or null) and the rule. */
function pairsOf(keys: string[], entities: string[], m: CustomerMatchResult) {
  return entities.map((e, i) => [e, m.entityCustomer[i] < 0 ? null : keys[m.entityCustomer[i]], m.rule[i]]);
}

describe('normalised names', () => {
  it.each([
    ['C1004 Initech, LLC', 'initech'],
    ['Initech L.L.C.', 'initech'],
    ['INITECH  inc.', 'initech'],
    ['Initech\u00a0Inc', 'initech'],
    ['Globex Corporation', 'globex'],
    ['Globex Corp.', 'globex'],
    ['Umbrella Co Ltd', 'umbrella'],
    ['Müller GmbH', 'muller'],
    ['Société Générale S.A.', 'societe generale'],
    ['Zeewind B.V.', 'zeewind'],
    ['The Procter & Gamble Company', 'procter and gamble'],
    ['Acme Holdings PLC', 'acme holdings'],
    ['Siemens AG', 'siemens'],
    ["O'Brien & Sons Limited", 'obrien and sons'],
    ['Company Inc', 'company'],
    ['3M Company', '3m'],
  ])('%j -> %j', (name, norm) => {
    expect(normaliseName(name)).toBe(norm);
  });

  it('hierarchy forms: whole name, leaf, then parents nearest first', () => {
    expect(nameForms('C1001 Acme Group : C1002 Acme Holdings : C1003 Acme EMEA Ltd')).toEqual([
      { form: 'acme group acme holdings acme emea', rule: 'name' },
      { form: 'acme emea', rule: 'leaf' },
      { form: 'acme holdings', rule: 'parent' },
      { form: 'acme group', rule: 'parent' },
    ]);
  });

  it('similarity: 1 for the same normalised name, Dice on letter pairs otherwise', () => {
    expect(similarity('Initech, LLC', 'INITECH Inc.')).toBe(1);
    // "initech" pairs: in ni it te ec ch (6); "initek": in ni it te ek (5); shared 4 -> 8/11
    expect(similarity('Initech', 'Initek')).toBe(0.73);
    expect(similarity('Initech', 'Globex')).toBe(0);
  });
});

describe('matching rules, in order', () => {
  it('exact name, then entity number', () => {
    const keys = ['Acme Corp', 'C1005'];
    const ents = ['Acme Corp', 'C1005 Globex Corporation'];
    const m = match(keys, ents);
    expect(pairsOf(keys, ents, m)).toEqual([
      ['Acme Corp', 'Acme Corp', 'exact'],
      ['C1005 Globex Corporation', 'C1005', 'id'],
    ]);
  });

  it('an id column counts too (case-insensitive)', () => {
    const m = match(['c1007'], [{ name: 'Hooli', id: 'C1007' }]);
    expect(m.rule).toEqual(['id']);
  });

  it('the mapping table by name or by id, before the normalised name', () => {
    const keys = ['Wayne Enterprises', 'Initech', 'Initech Labs'];
    const ents = ['C1006 WE Holdings', 'C1003 Initech, LLC', { name: 'C1009 Initech Research', id: 'C1009' }];
    const mapping = [
      ['Contract customer', 'NetSuite customer'],
      ['Wayne Enterprises', 'c1006  we holdings'],
      ['Initech Labs', 'C1009'],
    ];
    const m = match(keys, ents, mapping);
    expect(Array.from(m.entityCustomer)).toEqual([0, 1, 2]);
    expect(m.rule).toEqual(['mapping', 'name', 'mapping']);
    expect(m.unmatched).toEqual({ contracts: [], netsuite: [] });
  });

  it('a mapping table without a header row', () => {
    const m = match(['Wayne Enterprises'], ['WE Holdings'], [['Wayne Enterprises', 'WE Holdings']]);
    expect(m.rule).toEqual(['mapping']);
  });

  it('normalised name, then the leaf, then each parent', () => {
    const keys = ['Initech', 'Acme EMEA', 'Corvane Holdings'];
    const ents = [
      'C1004 Initech, LLC',
      'C1001 Acme Holdings : C1002 Acme EMEA GmbH',
      'C1010 Corvane Holdings : C1011 Corvane Freight',
      'Corvane Holdings Inc.',
    ];
    const m = match(keys, ents);
    expect(pairsOf(keys, ents, m)).toEqual([
      ['C1004 Initech, LLC', 'Initech', 'name'],
      ['C1001 Acme Holdings : C1002 Acme EMEA GmbH', 'Acme EMEA', 'leaf'],
      ['C1010 Corvane Holdings : C1011 Corvane Freight', 'Corvane Holdings', 'parent'],
      ['Corvane Holdings Inc.', 'Corvane Holdings', 'name'],
    ]);
  });

  it('two keys with the same normalised name match nothing by name (never a pick)', () => {
    const keys = ['Acme Inc', 'ACME, Inc.'];
    const m = match(keys, ['Acme LLC']);
    expect(m.entityCustomer[0]).toBe(-1);
    expect(m.unmatched.netsuite).toEqual([
      {
        name: 'Acme LLC',
        candidates: [
          { name: 'ACME, Inc.', score: 1 },
          { name: 'Acme Inc', score: 1 },
        ],
      },
    ]);
  });
});

describe('unmatched names and candidates', () => {
  it('lists both sides with their best candidates, never merging a fuzzy likeness', () => {
    const keys = ['Initech', 'Globex', 'Hooli'];
    const ents = ['C1001 Initek Systems', 'C1002 Globex Corporation', 'C1003 Vandelay Industries'];
    const m = match(keys, ents);
    expect(m.rule).toEqual([null, 'name', null]);
    expect(m.unmatched.contracts).toEqual([
      // "initech" (in ni it te ec ch) vs "initeksystems" (in ni it te ek ks sy ys st em ms):
      // 6 and 11 distinct pairs, 4 shared -> 8/17 = 0.47
      { name: 'Initech', candidates: [{ name: 'C1001 Initek Systems', score: 0.47 }] },
      { name: 'Hooli', candidates: [] },
    ]);
    expect(m.unmatched.netsuite.map((u) => u.name)).toEqual([
      'C1001 Initek Systems',
      'C1003 Vandelay Industries',
    ]);
    expect(m.unmatched.netsuite[0].candidates[0]).toEqual({ name: 'Initech', score: 0.47 });
  });

  it('candidates: at most three, best first, then by name', () => {
    const keys = ['Acme Alpha', 'Acme Beta', 'Acme Gamma', 'Acme Delta'];
    const m = match(keys, ['Acme']);
    const c = m.unmatched.netsuite[0].candidates;
    expect(c).toHaveLength(3);
    for (let i = 1; i < c.length; i++) {
      expect(
        c[i - 1].score > c[i].score || (c[i - 1].score === c[i].score && c[i - 1].name < c[i].name),
      ).toBe(true);
    }
  });

  it('lists an entity once however often it appears', () => {
    const m = match(['A'], ['Zed', 'Zed']);
    expect(m.unmatched.netsuite.map((u) => u.name)).toEqual(['Zed']);
    expect(Array.from(m.entityCustomer)).toEqual([-1, -1]);
  });
});

describe('mapping table errors', () => {
  it('a key that is not a contract customer', () => {
    const e = matchCustomers(
      ['A'],
      ['X'],
      [
        ['Customer', 'NetSuite'],
        ['B', 'X'],
      ],
    ) as CellError;
    expect(e.message).toBe('mapping row 2: "B" is not a contract customer key');
    expect(e.row).toBe(2);
  });
  it('one NetSuite name mapped to two keys', () => {
    const e = matchCustomers(
      ['A', 'B'],
      ['X'],
      [
        ['Customer', 'NetSuite'],
        ['A', 'X'],
        ['B', 'x'],
      ],
    ) as CellError;
    expect(e.message).toBe('mapping row 3: "x" is already mapped to "A" (row 2)');
  });
  it('a row without a NetSuite name', () => {
    const e = matchCustomers(
      ['A'],
      ['X'],
      [
        ['Customer', 'NetSuite'],
        ['A', ''],
      ],
    ) as CellError;
    expect(e.message).toBe('mapping row 2: no NetSuite name or id for "A"');
  });
  it('blank rows are skipped', () => {
    expect(
      match(
        ['A'],
        ['X'],
        [
          ['Customer', 'NetSuite'],
          ['', ''],
          [null, undefined],
        ],
      ).rule,
    ).toEqual([null]);
  });
});

describe('the customer list fixture', () => {
  const x = readNetSuiteExport(
    new Uint8Array(readFileSync(join(__dirname, '..', 'fixtures', 'netsuite', 'customers.csv'))),
  ) as NetSuiteExport;
  const entities = x.entities.map((name, i) => ({ name, id: x.entityIds[i] }));
  const keys = ['Acme Holdings', 'Acme EMEA', 'Initech', 'Globex', 'Umbrella Health', 'Hooli'];
  const mapping = [
    ['Contract customer', 'NetSuite name or id'],
    ['Umbrella Health', 'C1006'],
    ['Hooli', 'C1099 Hooli XYZ'],
  ];

  it('matches every entity, each by its rule', () => {
    const m = match(keys, entities, mapping);
    expect(pairsOf(keys, x.entities, m)).toEqual([
      ['C1001 Acme Holdings', 'Acme Holdings', 'name'],
      ['C1001 Acme Holdings : C1002 Acme EMEA', 'Acme EMEA', 'leaf'],
      ['C1004 Initech, LLC', 'Initech', 'name'],
      ['C1005 Globex Corporation', 'Globex', 'name'],
      ['C1006 Umbrella Corp', 'Umbrella Health', 'mapping'],
    ]);
    expect(m.unmatched.contracts.map((u) => u.name)).toEqual(['Hooli']);
    expect(m.unmatched.netsuite).toEqual([]);
  });

  it('removing a mapping row moves exactly that customer (and its entity) to unmatched', () => {
    const before = match(keys, entities, mapping);
    const after = match(keys, entities, [mapping[0], mapping[2]]);
    const changed = x.entities.filter((_, i) => before.entityCustomer[i] !== after.entityCustomer[i]);
    expect(changed).toEqual(['C1006 Umbrella Corp']);
    expect(after.unmatched.contracts.map((u) => u.name)).toEqual(['Umbrella Health', 'Hooli']);
    expect(after.unmatched.netsuite.map((u) => u.name)).toEqual(['C1006 Umbrella Corp']);
    // The user is shown the right candidate to confirm: "umbrella" vs "umbrellahealth",
    // letter pairs 7 and 13, shared 7 -> 14/20 = 0.7.
    expect(after.unmatched.netsuite[0].candidates[0]).toEqual({ name: 'Umbrella Health', score: 0.7 });
    expect(after.unmatched.contracts[0].candidates[0]).toEqual({ name: 'C1006 Umbrella Corp', score: 0.7 });
  });
});

describe('determinism and the mapping property', () => {
  const name = fc.constantFrom(
    'Acme',
    'Acme Inc',
    'Globex Corporation',
    'Initech, LLC',
    'Hooli',
    'Umbrella Corp',
    'Wayne Enterprises',
    'Stark Industries',
    'Acme Holdings : Acme EMEA',
    'C1004 Initech',
    'Vandelay',
  );

  it('the same input gives the same output; removing one mapping row changes only its entities (property)', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(name, { minLength: 1, maxLength: 8 }),
        fc.array(name, { maxLength: 10 }),
        fc.array(fc.tuple(fc.nat(), fc.constantFrom('Zed One', 'Zed Two', 'Zed Three', 'Zed Four')), {
          maxLength: 4,
        }),
        (keys, ents, rows) => {
          const mapping: unknown[][] = [['Customer', 'NetSuite']];
          const used = new Set<string>();
          for (const [k, e] of rows) {
            if (used.has(e)) continue;
            used.add(e);
            mapping.push([keys[k % keys.length], e]);
          }
          const all = [...ents, ...used];
          const a = match(keys, all, mapping);
          const b = match(keys, all, mapping);
          expect(b).toEqual(a);
          if (mapping.length < 2) return;
          const dropped = mapping[1][1] as string;
          const c = match(keys, all, [mapping[0], ...mapping.slice(2)]);
          all.forEach((e, i) => {
            if (e === dropped) expect(c.entityCustomer[i]).toBe(-1);
            else expect(c.entityCustomer[i]).toBe(a.entityCustomer[i]);
          });
        },
      ),
      { numRuns: 300 },
    );
  });
});
