// The complaints module's public door: the complaint procedure: filing, review, decision, escalation, court (C1–C8, O5–O7).
// Other modules and the app's wiring import from here only (eslint enforces it).
export * from './complaint-event.entity.js';
export * from './complaint.entity.js';
export * from './incoming-number-counter.entity.js';
export * from './complaint-access.js';
export * from './complaint-history.js';
export * from './complaint-query.service.js';
export * from './complaint-view.js';
export * from './complaint.resolver.js';
export * from './complaint.service.js';
export * from './complaint.types.js';
export * from './complaint.types-input.js';
export * from './module.js';
