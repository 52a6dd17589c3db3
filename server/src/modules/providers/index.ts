// The providers module's public door: service providers and their offices.
// Other modules and the app's wiring import from here only (eslint enforces it).
export * from './provider.entity.js';
export * from './provider.resolver.js';
export * from './provider.service.js';
export * from './provider.types.js';
export * from './module.js';
