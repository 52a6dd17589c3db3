// The access module's public door: who is acting and the role gate every service starts with.
// Other modules and the app's wiring import from here only (eslint enforces it).
export * from './access.js';
