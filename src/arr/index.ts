export { buildModel, type ArrModel } from './model.js';
export {
  arrOn,
  parseDimension,
  dimensionKeys,
  DIMENSIONS,
  type Dimension,
  type ArrResult,
  type ArrGroup,
} from './arr-on.js';
export { sumOn, centsOn, withRates } from './evaluate.js';
export { termDays, termMonths, termUnits } from './term.js';
