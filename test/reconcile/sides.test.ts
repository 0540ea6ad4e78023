/**
 * The reconciliation core on hand-built NetSuite sides (no importer): each cause on its own, with
 * figures worked out by hand from daily rates ($100 a day is $36,500 over a 365-day year).
 */
import { describe, expect, it } from 'vitest';
import { dayFromYmd, parseContracts, parsePolicy } from '../../src/index.js';
import { buildContractSide, CAT_ONE_TIME, CAT_RECURRING } from '../../src/reconcile/contract.js';
import { NetSuiteSideBuilder } from '../../src/reconcile/netsuite-side.js';
import { reconcileSides } from '../../src/reconcile/reconcile.js';
import { contracts, ok, policy } from '../methodology/book.js';

const H = ['Customer', 'Line Type', 'Start', 'End', 'Signed', 'Cancel', 'Amount', 'List Amount', 'Billing'];
const d = (s: string) => {
  const [y, m, dd] = s.split('-').map(Number);
  return dayFromYmd(y, m, dd);
};
const month = (s: string) => {
  const [y, m] = s.split('-').map(Number);
  return y * 12 + m - 1;
};

function side(lines: Record<string, unknown>[], kv: Record<string, string> = {}) {
  const pol = ok(parsePolicy(policy(kv)));
  const book = ok(parseContracts(contracts(lines, H), pol));
  return ok(buildContractSide(book, pol));
}

function matchAll(keys: string[], entities: string[]) {
  return {
    entityCustomer: Int32Array.from(entities, (e) => keys.indexOf(e)),
    unmatched: { contracts: [], netsuite: [] },
  };
}

describe('reconcileSides', () => {
  it('modification timing: an upsell effective Feb 1 in the contracts and Mar 1 in NetSuite', () => {
    const c = side([
      { Customer: 'U', Start: '2025-01-01', End: '2025-12-31', Amount: 36500 },
      { Customer: 'U', Start: '2025-02-01', End: '2025-12-31', Amount: 33400 },
    ]);
    const b = new NetSuiteSideBuilder();
    b.service('U', CAT_RECURRING, d('2025-01-01'), d('2025-01-01'), d('2025-12-31'), 3650000);
    b.service('U', CAT_RECURRING, d('2025-03-01'), d('2025-03-01'), d('2025-12-31'), 3060000);
    b.revenue('U', month('2025-01'), CAT_RECURRING, 310000);
    b.revenue('U', month('2025-02'), CAT_RECURRING, 280000);
    b.revenue('U', month('2025-03'), CAT_RECURRING, 620000);
    const ns = b.build();
    const r = ok(reconcileSides(c, ns, matchAll(c.keys, ns.entities), d('2025-01-01'), d('2025-03-31')));
    const row = r.revenue.rows[0];
    expect(row.contractCents).toBe(1490000);
    expect(row.netsuiteCents).toBe(1210000);
    expect(row.causes.modificationTiming).toBe(-280000);
    expect(row.unexplainedCents).toBe(0);
    expect(r.arr.rows[0].varianceCents).toBe(0);
    expect(r.deferred.rows[0].varianceCents).toBe(0);
    console.log(JSON.stringify(r.walk));
  });

  it('churn timing and one-time services', () => {
    const c = side([
      { Customer: 'H', Start: '2024-07-01', End: '2025-06-30', Cancel: '2025-01-31', Amount: 36500 },
      { Customer: 'G', Start: '2025-01-01', End: '2025-12-31', Amount: 36500 },
    ]);
    const b = new NetSuiteSideBuilder();
    b.service('H', CAT_RECURRING, d('2024-07-01'), d('2024-07-01'), d('2025-06-30'), 3650000);
    b.service('H', CAT_RECURRING, d('2025-04-10'), d('2025-04-01'), d('2025-06-30'), -910000);
    b.revenue('H', month('2025-01'), CAT_RECURRING, 310000);
    b.revenue('H', month('2025-02'), CAT_RECURRING, 280000);
    b.revenue('H', month('2025-03'), CAT_RECURRING, 310000);
    b.service('G', CAT_RECURRING, d('2025-01-01'), d('2025-01-01'), d('2025-12-31'), 3650000);
    b.service('G', CAT_ONE_TIME, d('2025-02-10'), d('2025-02-10'), d('2025-02-10'), 2000000);
    b.revenue('G', month('2025-01'), CAT_RECURRING, 310000);
    b.revenue('G', month('2025-02'), CAT_RECURRING, 280000);
    b.revenue('G', month('2025-02'), CAT_ONE_TIME, 2000000);
    b.revenue('G', month('2025-03'), CAT_RECURRING, 310000);
    const ns = b.build();
    const r = ok(reconcileSides(c, ns, matchAll(c.keys, ns.entities), d('2025-01-01'), d('2025-03-31')));
    for (const t of [r.revenue, r.arr, r.deferred]) {
      for (const row of t.rows) {
        console.log(
          t.kind,
          row.customer,
          row.contractCents,
          row.netsuiteCents,
          JSON.stringify(row.causes),
          row.unexplainedCents,
        );
        expect(row.unexplainedCents).toBe(0);
      }
    }
  });
});
