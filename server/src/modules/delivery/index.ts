// The delivery module's public door: notices leave the service (email, SMS), enter the portal's
// feed, are handed over on paper, or are sent again. Other modules import from here only.
export * from './delivery.resolver.js';
export * from './delivery.types.js';
export * from './notice-delivery.service.js';
export * from './notice-desk.service.js';
export * from './notice-senders.js';
export * from './module.js';
