// The users module's public door: users, logins, tokens and their administration.
// Other modules and the app's wiring import from here only (eslint enforces it).
export * from './login-throttle.entity.js';
export * from './user.entity.js';
export * from './auth.service.js';
export * from './signing-key.js';
export * from './user-admin.service.js';
export * from './user.resolver.js';
export * from './user.service.js';
export * from './user.types.js';
export * from './module.js';
