// The deadlines module's public door: a calendar change and the open deadlines it moves.
// Other modules and the app's wiring import from here only (eslint enforces it).
export * from './deadline-cascade.resolver.js';
export * from './deadline-cascade.service.js';
export * from './module.js';
export * from './deadline-flag.entity.js';
export * from './deadline-sweep.resolver.js';
export * from './deadline-sweep.service.js';
