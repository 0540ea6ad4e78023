/** Revenue, billings and deferred revenue (methodology section 5, ASC 606 ratable). See docs/revenue.md. */
export {
  compileRevenue,
  billingOf as billingFrequencyOf,
  BILLING_MONTHS,
  type BillingFrequency,
  type RevenueLines,
} from './lines.js';
export {
  planBilling,
  instalment,
  invoiceDay,
  newPlan as newBillingPlan,
  type BillingPlan,
} from './billing.js';
export { recognisedThrough } from './recognize.js';
export {
  revenueSchedule,
  revenueBetween,
  MAX_MONTHS as REVENUE_MAX_MONTHS,
  type RevenueSchedule,
  type RevenueMonths,
  type RevenueGroup,
} from './schedule.js';
export {
  parseRevenueGrouping,
  groupLines as groupRevenueLines,
  REVENUE_GROUPINGS,
  type RevenueGrouping,
} from './grouping.js';
