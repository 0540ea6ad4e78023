/** Revenue, billings and deferred revenue (methodology section 5, ASC 606 ratable). See docs/revenue.md. */
export {
  compileRevenue,
  billingOf,
  BILLING_MONTHS,
  type BillingFrequency,
  type RevenueLines,
} from './lines.js';
export { planBilling, instalment, invoiceDay, newPlan, type BillingPlan } from './billing.js';
export { recognisedThrough } from './recognize.js';
export {
  revenueSchedule,
  revenueBetween,
  MAX_MONTHS,
  type RevenueSchedule,
  type RevenueMonths,
  type RevenueGroup,
} from './schedule.js';
export { parseRevenueGrouping, groupLines, REVENUE_GROUPINGS, type RevenueGrouping } from './grouping.js';
