/** Drill-down: the contributors behind one customer's ARR on a date. */
export {
  explain,
  type ExplainAnnualization,
  type ExplainContributor,
  type ExplainLine,
  type ExplainResult,
  type ExplainRateSource,
  type ExplainStopReason,
} from './explain.js';
export { closeMatches, editDistance } from './match.js';
