// The services module's public door: the register of public services (R1).
// Other modules and the app's wiring import from here only (eslint enforces it).
export * from './public-service.entity.js';
export * from './public-service.resolver.js';
export * from './public-service.service.js';
export * from './public-service.types.js';
export * from './module.js';
