// The authorities module's public door: the quality-control authority and its departments by region.
// Other modules and the app's wiring import from here only (eslint enforces it).
export * from './authority.entity.js';
export * from './authority.resolver.js';
export * from './authority.service.js';
export * from './authority.types.js';
export * from './module.js';
