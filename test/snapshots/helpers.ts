/** Builders for the snapshot tests: models and snapshots of small books, tables as a CSV gives them. */
import { expect } from 'vitest';
import {
  type ArrModel,
  type Day,
  type FxRates,
  type Snapshot,
  buildModel,
  buildSnapshot,
  parseContracts,
  parsePolicy,
  parseRates,
  readSnapshot,
  snapshotTable,
} from '../../src/index.js';
import { ok } from '../methodology/book.js';

/** The model of a contract range under a policy range and a rates range. */
export function modelOf(
  contracts: unknown[][],
  policy: unknown[][] | null = null,
  rates?: unknown[][],
): ArrModel {
  const p = ok(parsePolicy(policy));
  const fx: FxRates | null = rates ? ok(parseRates(rates, p.reportingCurrency)) : null;
  return ok(buildModel(ok(parseContracts(contracts, p)), p, fx));
}

/** Every cell as text, as a CSV file gives them back. */
export function asCsv(table: readonly (readonly unknown[])[]): string[][] {
  return table.map((row) => row.map((c) => (c === null || c === undefined ? '' : String(c))));
}

/** The snapshot table of a model on a date. */
export function tableOf(model: ArrModel, asOf: Day): (string | number)[][] {
  return snapshotTable(ok(buildSnapshot(model, asOf)));
}

/** A snapshot table read back, expected intact. */
export function intact(table: unknown[][], timeZone?: string): Snapshot {
  const r = ok(readSnapshot(table, { timeZone }));
  expect(r.discrepancies).toEqual([]);
  return r.snapshot;
}

/** The sheet row (1-based) of the column names row of a snapshot table. */
export function namesRow(table: readonly (readonly unknown[])[]): number {
  return table.findIndex((row) => row[0] === 'Customer' && row[1] === 'Product') + 1;
}
