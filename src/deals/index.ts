/** The six deal fields (methodology section 6): parse a deals range, walk each customer's deals. */
export {
  DEAL_FIELDS,
  DEAL_FIELD_LABEL,
  DEAL_HEADER_ALIASES,
  REQUIRED_DEAL_FIELDS,
  mapDealHeaders,
  type DealField,
  type DealHeaderMap,
} from './columns.js';
export {
  DEAL_TYPES,
  DEAL_TYPE_WORDS,
  parseDeals,
  type DealBook,
  type DealType,
  type ParseDealsOptions,
} from './parse.js';
export { DEAL_FLAGS, DEAL_FLAG_IDS, type DealFlag } from './flags.js';
export { dealContractValues, dealFields, type DealFields } from './fields.js';
