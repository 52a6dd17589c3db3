// The consent module's public door: the recipient's written consent and the protected reads it allows (O8).
// Other modules and the app's wiring import from here only (eslint enforces it).
export * from './consent.entity.js';
export * from './consent.resolver.js';
export * from './consent.service.js';
export * from './consent.types.js';
export * from './module.js';
