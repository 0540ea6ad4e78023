/** What every rule reads: the readable lines, the policy, the rates, the as-of date, the findings. */
import { NO_DAY, type Day } from '../cells/days.js';
import {
  LT_RECURRING,
  LT_USAGE_COMMIT,
  LT_USAGE_OVERAGE,
  type ContractBook,
  type Field,
} from '../contracts/book.js';
import { FIELD_LABEL } from '../contracts/aliases.js';
import type { FxRates } from '../money/rates.js';
import type { Policy } from '../policy/keys.js';
import type { Findings } from './finding.js';

export interface CheckContext {
  /** The lines without a bad cell (parseContractsLenient). */
  readonly book: ContractBook;
  readonly policy: Policy;
  /** The rates table; null when none was given or it is bad (`ratesBad`). */
  readonly rates: FxRates | null;
  readonly ratesBad: boolean;
  /** null when no as-of date was given: the rules that need one are skipped. */
  readonly asOf: Day | null;
  readonly findings: Findings;
  /**
   * Lines the ARR model is built without (a currency with no rate under the fx policy), so that
   * the checks built on it still run for the other lines. Set by the currency rule.
   */
  readonly leaveOut: Uint8Array;
  /** Customer, product and contract id of each line as small integers (equal text, equal id). */
  readonly ids: LineIds;
}

export interface LineIds {
  customer: Int32Array;
  product: Int32Array;
  contract: Int32Array;
  /** Number of distinct contract ids (the blank one included). */
  contracts: number;
}

/** Index of each distinct string of the column, and how many there are. */
export function intern(values: readonly string[], n: number): { id: Int32Array; count: number } {
  const index = new Map<string, number>();
  const id = new Int32Array(n);
  for (let j = 0; j < n; j++) {
    const v = values[j];
    let k = index.get(v);
    if (k === undefined) {
      k = index.size;
      index.set(v, k);
    }
    id[j] = k;
  }
  return { id, count: index.size };
}

export function lineIds(book: ContractBook): LineIds {
  const contract = intern(book.contract, book.n);
  return {
    customer: intern(book.customer, book.n).id,
    product: intern(book.product, book.n).id,
    contract: contract.id,
    contracts: contract.count,
  };
}

/** The column header as the range names it, or the field's label when the column is absent. */
export function header(book: ContractBook, field: Field): string {
  return book.columns[field] ?? FIELD_LABEL[field];
}

/** Last day of service of line j: its end, or its cancel date when earlier. */
export function lastDay(book: ContractBook, j: number): Day {
  const c = book.cancel[j];
  const e = book.end[j];
  return c !== NO_DAY && c < e ? c : e;
}

/** Whether line j counts as ARR under the policy (as the ARR model decides). */
export function isArrLine(book: ContractBook, j: number, policy: Policy): boolean {
  const t = book.lineType[j];
  if (t === LT_RECURRING) return true;
  if (t === LT_USAGE_COMMIT) return policy.includeUsageCommit === 'yes';
  if (t === LT_USAGE_OVERAGE) return policy.includeUsageOverage === 'yes';
  return false;
}

/** `rows 4, 9, 12, ...`: the first few rows of a list. */
export function rowList(rows: readonly number[], shown = 5): string {
  const head = rows.slice(0, shown).join(', ');
  return `row${rows.length > 1 ? 's' : ''} ${head}${rows.length > shown ? ', ...' : ''}`;
}
