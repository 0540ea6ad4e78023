/**
 * The benchmark's independent reference: ARR, the bridge lanes and NRR written as DuckDB SQL over
 * the same lines, under the default policy (daily365, amountBasis term, live basis, customer grain,
 * single bridge, no renewal grace, churn the day after end, one currency so the fx lane is zero).
 *
 * A line's ARR on a day is round-half-away-from-zero(amount_cents x 365 / term_days) in integer
 * arithmetic (methodology section 2); every total is a sum of those rounded cents. Lanes follow the
 * table of methodology section 3, NRR section 4.
 */
import { DuckDBConnection, DuckDBInstance, DuckDBPreparedStatement, dateValue } from '@duckdb/node-api';
import type { Day } from '../src/cells/days.js';
import type { SyntheticBook } from './synthetic.js';

/** Cents of a line's ARR, rounded half away from zero, exactly (64-bit integers, no floating point). */
const RATE = `sign(amount_cents) * ((abs(amount_cents) * 730 + (end_day - start_day + 1))
  // (2 * (end_day - start_day + 1)))`;

const ARR_SQL = `
SELECT coalesce(sum(${RATE}), 0)::BIGINT AS arr
FROM lines
WHERE start_day <= $1 AND end_day >= $1`;

/** ARR per customer at d0 (a) and d1 (b), and whether the customer had ARR on any day before d0. */
const PER_CUSTOMER_SQL = `
SELECT customer,
  sum(CASE WHEN start_day <= $1 AND end_day >= $1 THEN rate ELSE 0 END) AS a,
  sum(CASE WHEN start_day <= $2 AND end_day >= $2 THEN rate ELSE 0 END) AS b,
  bool_or(start_day < $1 AND rate > 0) AS before
FROM (SELECT customer, start_day, end_day, ${RATE} AS rate FROM lines WHERE start_day <= $2)
GROUP BY customer`;

const BRIDGE_SQL = `
WITH per AS (${PER_CUSTOMER_SQL})
SELECT
  coalesce(sum(a), 0)::BIGINT AS start_cents,
  coalesce(sum(b) FILTER (WHERE a = 0 AND b > 0 AND NOT before), 0)::BIGINT AS new_cents,
  coalesce(sum(b) FILTER (WHERE a = 0 AND b > 0 AND before), 0)::BIGINT AS reactivation_cents,
  coalesce(sum(b - a) FILTER (WHERE a > 0 AND b > a), 0)::BIGINT AS expansion_cents,
  coalesce(sum(b - a) FILTER (WHERE a > 0 AND b > 0 AND b < a), 0)::BIGINT AS contraction_cents,
  coalesce(-sum(a) FILTER (WHERE a > 0 AND b <= 0), 0)::BIGINT AS churn_cents,
  coalesce(sum(b), 0)::BIGINT AS end_cents
FROM per`;

/**
 * The bridge with its per-customer detail, as the BRIDGE function's detail view returns it: one row
 * per customer whose ARR moved, its lane, ARR at both dates, the move and the contracts of its lines
 * counting at either date; lanes in bridge order, customers by name.
 */
const BRIDGE_DETAIL_SQL = `
WITH per AS (
  SELECT customer,
    sum(CASE WHEN start_day <= $1 AND end_day >= $1 THEN rate ELSE 0 END) AS a,
    sum(CASE WHEN start_day <= $2 AND end_day >= $2 THEN rate ELSE 0 END) AS b,
    bool_or(start_day < $1 AND rate > 0) AS before,
    list(DISTINCT contract ORDER BY contract) FILTER (
      WHERE (start_day <= $1 AND end_day >= $1) OR (start_day <= $2 AND end_day >= $2)) AS contracts
  FROM (SELECT customer, contract, start_day, end_day, ${RATE} AS rate FROM lines WHERE start_day <= $2)
  GROUP BY customer),
laned AS (
  SELECT customer, a, b, contracts,
    CASE WHEN a <= 0 AND b > 0 THEN (CASE WHEN before THEN 2 ELSE 1 END)
         WHEN a > 0 AND b <= 0 THEN 5
         WHEN b > a THEN 3 ELSE 4 END AS lane
  FROM per WHERE b <> a)
SELECT customer, lane, a::BIGINT AS a, b::BIGINT AS b, (b - a)::BIGINT AS amount, contracts
FROM laned ORDER BY lane, customer`;

/** The cohort (ARR > 0 at d0): its ARR at d0 and at d1. Only lines overlapping [d0, d1] matter. */
const NRR_SQL = `
WITH per AS (
  SELECT customer,
    sum(CASE WHEN start_day <= $1 AND end_day >= $1 THEN rate ELSE 0 END) AS a,
    sum(CASE WHEN start_day <= $2 AND end_day >= $2 THEN rate ELSE 0 END) AS b
  FROM (SELECT customer, start_day, end_day, ${RATE} AS rate FROM lines
        WHERE start_day <= $2 AND end_day >= $1)
  GROUP BY customer)
SELECT
  coalesce(sum(a) FILTER (WHERE a > 0), 0)::BIGINT AS start_cents,
  coalesce(sum(b) FILTER (WHERE a > 0), 0)::BIGINT AS retained_cents,
  count(*) FILTER (WHERE a > 0)::BIGINT AS cohort
FROM per`;

export interface RefBridge {
  startCents: number;
  newCents: number;
  reactivationCents: number;
  expansionCents: number;
  contractionCents: number;
  churnCents: number;
  fxCents: number;
  endCents: number;
}

export interface RefDetailRow {
  customer: string;
  lane: 'new' | 'reactivation' | 'expansion' | 'contraction' | 'churn';
  startArrCents: number;
  endArrCents: number;
  amountCents: number;
  contracts: string[];
}

const LANE_NAMES = ['', 'new', 'reactivation', 'expansion', 'contraction', 'churn'] as const;

export interface RefRetention {
  startArrCents: number;
  /** Sum over the cohort of its ARR at d1. */
  retainedCents: number;
  cohortCustomers: number;
  /** retainedCents / startArrCents, or null for an empty cohort. */
  nrr: number | null;
}

const num = (v: unknown): number => {
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'number') return v;
  throw new Error(`unexpected DuckDB value ${String(v)}`);
};

export class DuckDbReference {
  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly connection: DuckDBConnection,
    private readonly statements: {
      arr: DuckDBPreparedStatement;
      bridge: DuckDBPreparedStatement;
      bridgeDetail: DuckDBPreparedStatement;
      nrr: DuckDBPreparedStatement;
    },
  ) {}

  /** An in-memory database holding the book's lines, loaded with an appender. */
  static async load(book: SyntheticBook): Promise<DuckDbReference> {
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    await connection.run(`CREATE TABLE lines (
      customer VARCHAR NOT NULL,
      product VARCHAR NOT NULL,
      contract VARCHAR NOT NULL,
      start_day DATE NOT NULL,
      end_day DATE NOT NULL,
      amount_cents BIGINT NOT NULL)`);
    const appender = await connection.createAppender('lines');
    for (let i = 0; i < book.n; i++) {
      appender.appendVarchar(book.customer[i]);
      appender.appendVarchar(book.product[i]);
      appender.appendVarchar(book.contract[i]);
      appender.appendDate(dateValue(book.start[i]));
      appender.appendDate(dateValue(book.end[i]));
      appender.appendBigInt(BigInt(book.amountCents[i]));
      appender.endRow();
    }
    appender.closeSync();
    const statements = {
      arr: await connection.prepare(ARR_SQL),
      bridge: await connection.prepare(BRIDGE_SQL),
      bridgeDetail: await connection.prepare(BRIDGE_DETAIL_SQL),
      nrr: await connection.prepare(NRR_SQL),
    };
    return new DuckDbReference(instance, connection, statements);
  }

  private async row(stmt: DuckDBPreparedStatement, days: Day[]): Promise<Record<string, unknown>> {
    stmt.bind(days.map((d) => dateValue(d)));
    const reader = await stmt.runAndReadAll();
    const rows = reader.getRowObjects();
    if (rows.length !== 1) throw new Error(`expected one row, got ${rows.length}`);
    return rows[0];
  }

  async count(): Promise<number> {
    const reader = await this.connection.runAndReadAll('SELECT count(*) AS n FROM lines');
    return num(reader.getRowObjects()[0].n);
  }

  /** Total ARR in cents on a day. */
  async arr(day: Day): Promise<number> {
    return num((await this.row(this.statements.arr, [day])).arr);
  }

  async bridge(from: Day, to: Day): Promise<RefBridge> {
    const r = await this.row(this.statements.bridge, [from, to]);
    return {
      startCents: num(r.start_cents),
      newCents: num(r.new_cents),
      reactivationCents: num(r.reactivation_cents),
      expansionCents: num(r.expansion_cents),
      contractionCents: num(r.contraction_cents),
      churnCents: num(r.churn_cents),
      fxCents: 0,
      endCents: num(r.end_cents),
    };
  }

  /** The per-customer bridge detail, read into JavaScript rows. */
  async bridgeDetail(from: Day, to: Day): Promise<RefDetailRow[]> {
    const stmt = this.statements.bridgeDetail;
    stmt.bind([dateValue(from), dateValue(to)]);
    const reader = await stmt.runAndReadAll();
    return reader.getRowObjects().map((r) => ({
      customer: String(r.customer),
      lane: LANE_NAMES[num(r.lane)] as RefDetailRow['lane'],
      startArrCents: num(r.a),
      endArrCents: num(r.b),
      amountCents: num(r.amount),
      contracts: (r.contracts as { items: unknown[] }).items.map(String),
    }));
  }

  async retention(from: Day, to: Day): Promise<RefRetention> {
    const r = await this.row(this.statements.nrr, [from, to]);
    const startArrCents = num(r.start_cents);
    const retainedCents = num(r.retained_cents);
    return {
      startArrCents,
      retainedCents,
      cohortCustomers: num(r.cohort),
      nrr: startArrCents > 0 ? retainedCents / startArrCents : null,
    };
  }

  /** Distinct customers with ARR on a day (a check, not timed). */
  async customersOn(day: Day): Promise<number> {
    const reader = await this.connection.runAndReadAll(
      `SELECT count(DISTINCT customer)::BIGINT AS n FROM lines WHERE start_day <= $1 AND end_day >= $1`,
      [dateValue(day)],
    );
    return num(reader.getRowObjects()[0].n);
  }

  close(): void {
    for (const s of Object.values(this.statements)) s.destroySync();
    this.connection.closeSync();
    this.instance.closeSync();
  }
}
