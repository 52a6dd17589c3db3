export * from './enums.js';
export * from './status-machine.js';
export * from './identification-number.js';
export * from './validation.js';
export * from './messages.js';
export * from './policy.js';
export * from './answer-place.js';
export * from './recipient.js';
