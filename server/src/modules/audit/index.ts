// The audit module's public door: the audit trail: append-only, hash-chained records of every change.
// Other modules and the app's wiring import from here only (eslint enforces it).
export * from './audit-chain-head.entity.js';
export * from './audit-record.entity.js';
export * from './audit-chain.js';
export * from './audit.resolver.js';
export * from './audit.service.js';
export * from './module.js';
