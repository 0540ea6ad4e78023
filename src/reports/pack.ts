/**
 * The board pack as a report model: the sheets a CFO puts in front of the board, built from the
 * contract, policy and rates ranges as of one date. Pure: it reads plain 2-D arrays and returns a
 * ReportBook (or the CellError of a range that cannot be read); the xlsx writer (cli/pack), the
 * Excel task pane and the Sheets sidebar render it.
 *
 * Sheets, in order: Summary, Bridge, ARR trend, Retention, Revenue, Checks, Policy, and
 * Reconciliation when a reconciliation is given. Every sheet starts with the title block
 * (title.ts) and its formulas carry RunRate's own figure as `expect`. Only `generatedAt` differs
 * between two runs on the same ranges.
 */
import type { Day } from '../cells/days.js';
import { CellError, CellErrorSignal } from '../cells/error.js';
import { arrOn } from '../arr/arr-on.js';
import { SpotRateMissing } from '../arr/evaluate.js';
import { buildModel } from '../arr/model.js';
import { bridge } from '../bridge/bridge.js';
import { parseContracts } from '../contracts/parse.js';
import { parseRates, type FxRates } from '../money/rates.js';
import { parsePolicy, policyHash } from '../policy/parse.js';
import { reconciliationSheet } from '../reconcile/report.js';
import type { Reconciliation } from '../reconcile/types.js';
import { BRIDGE_SHEET, bridgeSheet } from './bridge-sheet.js';
import { CHECKS_SHEET, checksSheet } from './checks-sheet.js';
import { must, type PackContext } from './context.js';
import { dataHash } from './data-hash.js';
import type { ReportBook, ReportSheet, TitleBlock } from './model.js';
import { packPeriods } from './periods.js';
import { POLICY_SHEET, policySheet } from './policy-sheet.js';
import { RETENTION_SHEET, retentionFigures, retentionSheet } from './retention-sheet.js';
import { REVENUE_SHEET, revenueSheet } from './revenue-sheet.js';
import { SUMMARY_SHEET, summarySheet } from './summary.js';
import { TREND_SHEET, trendSheet } from './trend.js';

export interface BoardPackInput {
  /** The contract range, header row first. */
  contracts: unknown[][];
  /** The policy as a key/value range; null or absent for the defaults. */
  policy?: unknown[][] | null;
  /** Policy keys set on top of the policy range (the CLI's `--set`). */
  overrides?: Record<string, string>;
  /** The rates range; null or absent for none. */
  rates?: unknown[][] | null;
  asOf: Day;
  /** Shown in every title block; '' or absent for none. */
  company?: string;
  /** ISO timestamp of the run: the only value that differs between two runs on the same data. */
  generatedAt: string;
  /** Zone in which `Date` cells of the contracts are read. */
  timeZone?: string;
  /** Zone in which `Date` cells of the rates are read (default `timeZone`). */
  ratesTimeZone?: string;
  /** A reconciliation against NetSuite, added as the last sheet. */
  reconciliation?: Reconciliation | null;
  /** Called with one line as each step starts (hosts show progress on long runs). */
  onProgress?: (message: string) => void;
}

/** The sheets of the pack, in order (Reconciliation follows when given). */
export const BOARD_PACK_SHEETS = [
  SUMMARY_SHEET,
  BRIDGE_SHEET,
  TREND_SHEET,
  RETENTION_SHEET,
  REVENUE_SHEET,
  CHECKS_SHEET,
  POLICY_SHEET,
] as const;

export function buildBoardPack(input: BoardPackInput): ReportBook | CellError {
  try {
    return build(input);
  } catch (e) {
    if (e instanceof CellErrorSignal || e instanceof SpotRateMissing) return e.error;
    throw e;
  }
}

function build(input: BoardPackInput): ReportBook {
  const progress = input.onProgress ?? (() => undefined);
  const asOf = input.asOf;
  if (!Number.isInteger(asOf)) throw new CellErrorSignal(new CellError('#VALUE!', 'asOf: not a date'));

  progress('reading the policy, rates and contracts');
  const policy = must(parsePolicy(input.policy ?? null, input.overrides));
  let rates: FxRates | null = null;
  if (input.rates) {
    rates = must(
      parseRates(input.rates, policy.reportingCurrency, { timeZone: input.ratesTimeZone ?? input.timeZone }),
    );
  }
  const book = must(parseContracts(input.contracts, policy, { timeZone: input.timeZone }));
  const model = must(buildModel(book, policy, rates));

  const title: TitleBlock = {
    company: input.company ?? '',
    asOf,
    policyVersion: policy.version,
    policyHash: policyHash(policy),
    dataHash: dataHash(book, rates),
    generatedAt: input.generatedAt,
    currency: policy.reportingCurrency,
  };
  const periods = packPeriods(asOf);
  progress('bridges');
  const ctx: PackContext = {
    title,
    policy,
    book,
    model,
    rates,
    periods,
    quarterBridge: must(bridge(model, periods.quarterStart, asOf)),
    yearBridge: must(bridge(model, periods.yearStart, asOf)),
  };

  progress(`sheet ${BRIDGE_SHEET}`);
  const b = bridgeSheet(ctx);
  progress(`sheet ${TREND_SHEET}`);
  const t = trendSheet(ctx);
  progress(`sheet ${RETENTION_SHEET}`);
  const figures = retentionFigures(ctx);
  const r = retentionSheet(ctx, figures);
  progress(`sheet ${SUMMARY_SHEET}`);
  const arr = must(arrOn(model, asOf));
  const carrCents =
    policy.basis === 'contracted'
      ? arr.arrCents
      : must(arrOn(must(buildModel(book, { ...policy, basis: 'contracted' }, rates)), asOf)).arrCents;
  const summary = summarySheet(ctx, {
    arr,
    carrCents,
    retention: figures,
    bridgeRefs: b.refs,
    trendRefs: t.refs,
    retentionRefs: r.refs,
  });
  progress(`sheet ${REVENUE_SHEET}`);
  const revenue = revenueSheet(ctx);
  progress(`sheet ${CHECKS_SHEET}`);
  const checks = checksSheet(ctx, input);
  progress(`sheet ${POLICY_SHEET}`);
  const policyPage = policySheet(ctx);

  const sheets: ReportSheet[] = [summary, b.sheet, t.sheet, r.sheet, revenue, checks, policyPage];
  if (input.reconciliation) sheets.push(reconciliationSheet(input.reconciliation));
  return { title, sheets };
}
