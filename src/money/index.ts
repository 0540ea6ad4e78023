export * from './round.js';
export * from './allocate.js';
export * from './rates.js';
