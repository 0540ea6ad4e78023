export { retention, type RetentionResult, type RetentionBand } from './retention.js';
export {
  cohorts,
  type CohortResult,
  type CohortRow,
  type CohortPeriod,
  type CohortBasis,
} from './cohorts.js';
