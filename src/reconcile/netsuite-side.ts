/**
 * The NetSuite side of a reconciliation, as the reconciliation reads it: three kinds of line, each
 * carrying the NetSuite entity it belongs to and a revenue category (recurring, one-time, usage).
 *
 * - GL revenue lines: income-account postings, counted by their posting period (a calendar month).
 * - Service lines: invoice and credit-memo lines with a service period (rev rec start..end, or the
 *   posting period's month) and a transaction date; credit memos carry negative cents. They are
 *   NetSuite's billing: the run-rate, the timing causes and (without a deferred export) the
 *   invoice-implied deferred revenue come from them.
 * - Deferred balances: deferred revenue per entity at the reconciliation's period end, from a
 *   deferred revenue export, when one is given.
 *
 * Columns (typed arrays) so 200,000 lines cost a few megabytes; built by `NetSuiteSideBuilder`.
 */
import type { Day } from '../cells/days.js';

export interface RevenueColumns {
  n: number;
  entity: Int32Array;
  /** Absolute month of the posting period: year x 12 + month - 1. */
  month: Int32Array;
  category: Uint8Array;
  cents: Float64Array;
}

export interface ServiceLineColumns {
  n: number;
  entity: Int32Array;
  category: Uint8Array;
  /** Transaction date (the invoice date). */
  day: Int32Array;
  start: Int32Array;
  end: Int32Array;
  cents: Float64Array;
}

export interface DeferredColumns {
  n: number;
  entity: Int32Array;
  category: Uint8Array;
  cents: Float64Array;
}

export interface NetSuiteSide {
  /** Entity names as shown in the exports (the label of each entity index). */
  entities: string[];
  revenue: RevenueColumns;
  service: ServiceLineColumns;
  /** Null when no deferred revenue export was given (deferred revenue is then implied by the invoices). */
  deferred: DeferredColumns | null;
}

class Grow {
  private data: Float64Array;
  n = 0;
  constructor(capacity = 64) {
    this.data = new Float64Array(capacity);
  }
  push(v: number): void {
    if (this.n === this.data.length) {
      const next = new Float64Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.n++] = v;
  }
  ints(): Int32Array {
    return Int32Array.from(this.data.subarray(0, this.n));
  }
  bytes(): Uint8Array {
    return Uint8Array.from(this.data.subarray(0, this.n));
  }
  floats(): Float64Array {
    return this.data.slice(0, this.n);
  }
}

/** Collects lines one at a time, interning entity names. */
export class NetSuiteSideBuilder {
  private readonly index = new Map<string, number>();
  readonly entities: string[] = [];
  private readonly rev = { entity: new Grow(), month: new Grow(), category: new Grow(), cents: new Grow() };
  private readonly svc = {
    entity: new Grow(),
    category: new Grow(),
    day: new Grow(),
    start: new Grow(),
    end: new Grow(),
    cents: new Grow(),
  };
  private readonly def = { entity: new Grow(), category: new Grow(), cents: new Grow() };
  private hasDeferred = false;

  entity(name: string): number {
    let i = this.index.get(name);
    if (i === undefined) {
      i = this.entities.length;
      this.index.set(name, i);
      this.entities.push(name);
    }
    return i;
  }

  revenue(entity: string, month: number, category: number, cents: number): void {
    this.rev.entity.push(this.entity(entity));
    this.rev.month.push(month);
    this.rev.category.push(category);
    this.rev.cents.push(cents);
  }

  service(entity: string, category: number, day: Day, start: Day, end: Day, cents: number): void {
    this.svc.entity.push(this.entity(entity));
    this.svc.category.push(category);
    this.svc.day.push(day);
    this.svc.start.push(start);
    this.svc.end.push(end);
    this.svc.cents.push(cents);
  }

  /** Marks that a deferred revenue export was given (even one without lines for the period end). */
  deferredGiven(): void {
    this.hasDeferred = true;
  }

  deferred(entity: string, category: number, cents: number): void {
    this.hasDeferred = true;
    this.def.entity.push(this.entity(entity));
    this.def.category.push(category);
    this.def.cents.push(cents);
  }

  build(): NetSuiteSide {
    return {
      entities: this.entities,
      revenue: {
        n: this.rev.entity.n,
        entity: this.rev.entity.ints(),
        month: this.rev.month.ints(),
        category: this.rev.category.bytes(),
        cents: this.rev.cents.floats(),
      },
      service: {
        n: this.svc.entity.n,
        entity: this.svc.entity.ints(),
        category: this.svc.category.bytes(),
        day: this.svc.day.ints(),
        start: this.svc.start.ints(),
        end: this.svc.end.ints(),
        cents: this.svc.cents.floats(),
      },
      deferred: this.hasDeferred
        ? {
            n: this.def.entity.n,
            entity: this.def.entity.ints(),
            category: this.def.category.bytes(),
            cents: this.def.cents.floats(),
          }
        : null,
    };
  }
}
