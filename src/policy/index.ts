export * from './keys.js';
export * from './parse.js';
export * from './document.js';
