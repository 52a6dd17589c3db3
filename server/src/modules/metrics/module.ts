import { defineModule } from '../../app-module.js';
import { ComplianceMetricsService } from './compliance-metrics.service.js';
import {
  ComplianceRollup,
  ComplianceServiceRollup,
  ComplianceServiceTotalRollup,
  RollupCounts,
} from './compliance-rollup.entity.js';
import { MetricsResolver } from './metrics.resolver.js';

export const metricsModule = defineModule({
  name: 'metrics',
  entities: [RollupCounts, ComplianceRollup, ComplianceServiceRollup, ComplianceServiceTotalRollup],
  services: () => ({ metrics: new ComplianceMetricsService() }),
  resolvers: ({ metrics }) => [new MetricsResolver(metrics)],
});
