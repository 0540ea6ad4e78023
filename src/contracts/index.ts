export * from './book.js';
export {
  ANNUAL_AMOUNT_ALIASES,
  FIELD_LABEL,
  HEADER_ALIASES,
  MONTHLY_AMOUNT_ALIASES,
  REQUIRED_FIELDS,
  columnLetter,
  fieldOfHeader,
  mapHeaders,
  normalizeHeader,
  type HeaderMap,
  type ImpliedBasis,
} from './aliases.js';
export {
  parseContracts,
  parseContractsLenient,
  type LenientContracts,
  type ParseContractsOptions,
  type ParseIssue,
  type ParseIssueKind,
} from './parse.js';
