export { checkContracts, type CheckInput, type CheckResult } from './check.js';
export { type Finding as CheckFinding } from './finding.js';
export {
  CHECK_RULES,
  RULE_IDS as CHECK_RULE_IDS,
  type RuleId as CheckRuleId,
  type RuleSpec as CheckRuleSpec,
  type Severity as CheckSeverity,
} from './rules.js';
export { CANCELLED_STATUSES, LIVE_STATUSES } from './line-rules.js';
