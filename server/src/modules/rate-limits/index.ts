// The rate-limits module's public door: shared rate limits (login, the public stage lookup).
// Other modules and the app's wiring import from here only (eslint enforces it).
export * from './rate-limit.entity.js';
export * from './rate-limit.service.js';
export * from './module.js';
