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
export { parseContracts, type ParseContractsOptions } from './parse.js';
