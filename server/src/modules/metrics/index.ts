// The metrics module's public door: compliance metrics over rollups (O1).
// Other modules and the app's wiring import from here only (eslint enforces it).
export * from './compliance-rollup.entity.js';
export * from './compliance-metrics.service.js';
export * from './metrics.resolver.js';
export * from './module.js';
