// The calendar module's public door: the working calendar (Labour Code, decrees) and Almaty's time.
// Other modules and the app's wiring import from here only (eslint enforces it).
export * from './calendar-override.entity.js';
export * from './working-day.entity.js';
export * from './almaty-time.js';
export * from './calendar.resolver.js';
export * from './calendar.types.js';
export * from './working-calendar.service.js';
export * from './module.js';
