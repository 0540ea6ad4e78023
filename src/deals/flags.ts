/**
 * Flags on a deal: a type the amounts contradict, or a figure that needed a rule to be computed.
 * The ids are stable (reports, filters and tests key on them); the text explains each one.
 */
export const DEAL_FLAGS = {
  expansion_renewal: 'a renewal that raises contract ARR (renewed value above the ARR it renews)',
  contraction_renewal: 'a renewal that lowers contract ARR (renewed value below the ARR it renews, above 0)',
  renewal_to_zero: 'a renewal at 0 of a customer with contract ARR: it ends the ARR like a churn',
  renewal_without_arr: 'a renewal for a customer with no contract ARR before it: nothing to renew',
  new_with_arr:
    'a new deal for a customer that already has contract ARR (its amount is added, as an expansion)',
  new_without_increase: 'a new deal whose recurring amount is 0 or negative: it adds no ARR',
  expansion_without_increase: 'an expansion whose recurring amount is 0 or negative: it does not raise ARR',
  expansion_without_arr: 'an expansion for a customer with no contract ARR before it (a new deal?)',
  contraction_without_decrease: 'a contraction whose recurring amount is 0: it does not lower ARR',
  contraction_without_arr: 'a contraction for a customer with no contract ARR before it',
  churn_without_arr: 'a churn for a customer with no contract ARR before it: nothing to churn',
  churn_amount_mismatch:
    'a churn with a recurring amount that is neither 0 nor the contract ARR it ends (the amount is not used)',
  arr_below_zero: 'the deal would take contract ARR below 0; contract ARR after it is 0',
  no_term: 'a recurring amount with a blank or 0 term: TCV counts only the services and ACV is blank',
} as const;

export type DealFlag = keyof typeof DEAL_FLAGS;

export const DEAL_FLAG_IDS = Object.keys(DEAL_FLAGS) as DealFlag[];
