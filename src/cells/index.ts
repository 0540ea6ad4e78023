export * from './days.js';
export * from './error.js';
export * from './read.js';
export * from './address.js';
export * from './csv.js';
