/**
 * The `Reconciliation` report model: every formula, evaluated here on the sheet's own cells, equals
 * the figure it carries as `expect`; the walk's subtotals foot; the check cell is 0; names from the
 * data are text.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { dayFromYmd, parseContracts, parsePolicy } from '../../src/index.js';
import type { ReportCell, ReportSheet } from '../../src/reports/model.js';
import { buildContractSide } from '../../src/reconcile/contract.js';
import { NetSuiteSideBuilder } from '../../src/reconcile/netsuite-side.js';
import { reconcileSides } from '../../src/reconcile/reconcile.js';
import { reconciliationSheet } from '../../src/reconcile/report.js';
import { ok, policy } from '../methodology/book.js';
import { addRecords, bookArb, exportFromBook, periodArb, toTable } from './generate.js';

/** Column index of a letter column name (A -> 0). */
const col = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;

/** A tiny evaluator for the formula forms the sheet writes: SUM(range), a-b, a-SUM(range), IF(c=0,"",v/ABS(c)). */
function evaluate(sheet: ReportSheet, formula: string): number | string {
  const cell = (ref: string): number | string => {
    const m = /^([A-Z]+)(\d+)$/.exec(ref)!;
    const c = sheet.rows[Number(m[2]) - 1]?.[col(m[1])] ?? null;
    return value(c);
  };
  const value = (c: ReportCell): number | string => {
    if (c === null) return 0;
    if (c.kind === 'money') return c.cents;
    if (c.kind === 'formula') return evaluate(sheet, c.formula);
    if (c.kind === 'text') return c.text;
    return 'value' in c ? (c.value ?? 0) : 0;
  };
  const sum = (range: string): number => {
    const [a, b] = range.split(':');
    const ma = /^([A-Z]+)(\d+)$/.exec(a)!;
    const mb = /^([A-Z]+)(\d+)$/.exec(b)!;
    let s = 0;
    for (let r = Number(ma[2]); r <= Number(mb[2]); r++) {
      for (let k = col(ma[1]); k <= col(mb[1]); k++) {
        const v = cell(`${String.fromCharCode(65 + k)}${r}`);
        if (typeof v === 'number') s += v;
      }
    }
    return s;
  };
  let m = /^SUM\(([A-Z]+\d+:[A-Z]+\d+)\)$/.exec(formula);
  if (m) return sum(m[1]);
  m = /^([A-Z]+\d+)-SUM\(([A-Z]+\d+:[A-Z]+\d+)\)$/.exec(formula);
  if (m) return (cell(m[1]) as number) - sum(m[2]);
  m = /^([A-Z]+\d+)-([A-Z]+\d+)$/.exec(formula);
  if (m) return (cell(m[1]) as number) - (cell(m[2]) as number);
  m = /^IF\(([A-Z]+\d+)=0,"",([A-Z]+\d+)\/ABS\(([A-Z]+\d+)\)\)$/.exec(formula);
  if (m) {
    const c = cell(m[1]) as number;
    return c === 0 ? '' : (cell(m[2]) as number) / Math.abs(cell(m[3]) as number);
  }
  throw new Error(`formula not understood: ${formula}`);
}

function checkSheet(sheet: ReportSheet): number {
  let formulas = 0;
  for (const row of sheet.rows) {
    for (const c of row) {
      if (c?.kind !== 'formula') continue;
      formulas++;
      const v = evaluate(sheet, c.formula);
      if (typeof c.expect === 'number') expect(v as number).toBeCloseTo(c.expect, 9);
      else expect(v).toBe(c.expect);
    }
  }
  return formulas;
}

function reconciled(lines: Parameters<typeof toTable>[0], from: number, to: number, rename = false) {
  const pol = ok(parsePolicy(policy({})));
  const side = ok(buildContractSide(ok(parseContracts(toTable(lines), pol)), pol));
  const { transactions, gl } = exportFromBook(side, (k) => (rename && k === 'Acme' ? 'ACME Holdings' : k));
  for (const g of gl) g.amountCents += g.entity === 'Globex' ? 12345 : 0;
  const b = new NetSuiteSideBuilder();
  addRecords(b, transactions, gl);
  const ns = b.build();
  const match = {
    entityCustomer: Int32Array.from(ns.entities, (e) => side.keys.indexOf(e)),
    unmatched: {
      contracts: side.keys.filter((k) => !ns.entities.includes(k)).map((name) => ({ name, candidates: [] })),
      netsuite: ns.entities
        .filter((e) => !side.keys.includes(e))
        .map((name) => ({ name, candidates: [{ name: 'Acme', score: 0.5 }] })),
    },
  };
  return ok(reconcileSides(side, ns, match, from, to));
}

describe('Reconciliation sheet', () => {
  it('every formula equals its expected figure, the walk foots, the check is 0 (300 random books)', () => {
    fc.assert(
      fc.property(
        bookArb({ cancels: true, lists: true, billing: ['annual', 'monthly', 'upfront'] }),
        periodArb,
        fc.boolean(),
        (lines, [from, to], rename) => {
          const r = reconciled(lines, from, to, rename);
          const sheet = reconciliationSheet(r);
          expect(sheet.name).toBe('Reconciliation');
          expect(checkSheet(sheet)).toBeGreaterThan(0);
          const check = sheet.rows.find(
            (row) => row[0]?.kind === 'text' && row[0].text.startsWith('Check:'),
          )!;
          expect(check[1]).toMatchObject({ kind: 'formula', expect: 0 });
          expect(evaluate(sheet, (check[1] as { formula: string }).formula)).toBe(0);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('writes customer names as text, even one that looks like a formula', () => {
    const lines = [
      {
        customer: '=HYPERLINK("x")',
        lineType: 'recurring',
        start: dayFromYmd(2025, 1, 1),
        end: dayFromYmd(2025, 12, 31),
        amountCents: 3650000,
        listCents: null,
        signed: null,
        cancel: null,
        billing: 'annual',
      },
    ];
    const sheet = reconciliationSheet(reconciled(lines, dayFromYmd(2025, 1, 1), dayFromYmd(2025, 1, 31)));
    const names = sheet.rows.flat().filter((c) => c?.kind === 'text' && c.text.startsWith('='));
    expect(names.length).toBeGreaterThan(0);
    expect(sheet.rows.flat().some((c) => c?.kind === 'formula' && c.formula.includes('HYPERLINK'))).toBe(
      false,
    );
  });
});
