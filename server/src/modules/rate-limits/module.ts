import { defineModule } from '../../app-module.js';
import { RateLimitCounter } from './rate-limit.entity.js';
import { RateLimitService } from './rate-limit.service.js';

export const rateLimitsModule = defineModule({
  name: 'rate-limits',
  entities: [RateLimitCounter],
  services: () => ({ rateLimits: new RateLimitService() }),
});
