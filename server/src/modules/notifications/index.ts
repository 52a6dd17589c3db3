// The notifications module's public door: notices to the recipient (O5).
// Other modules and the app's wiring import from here only (eslint enforces it).
export * from './notice.entity.js';
export * from './notification.service.js';
export * from './notice.types.js';
export * from './notice.resolver.js';
export * from './module.js';
