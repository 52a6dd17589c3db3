import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { MetricsGroupBy } from '@complaints/domain';
import type { ApiContext } from '../../graphql/request-context.js';
import type { ComplianceMetricsService, ComplianceRow } from './compliance-metrics.service.js';
import { ComplianceRowType, MetricsFilterInput } from './metrics.types.js';

@Resolver()
export class MetricsResolver {
  constructor(private readonly metrics: ComplianceMetricsService) {}

  @Query(() => [ComplianceRowType], {
    description: 'O1, R2: compliance metrics, computed in SQL (ANALYST, SUPERVISOR, INSPECTOR).',
  })
  complianceMetrics(
    @Arg('filter', () => MetricsFilterInput, { description: 'The period and scope.' })
    filter: MetricsFilterInput,
    @Arg('groupBy', () => MetricsGroupBy, { description: 'How to group.' }) groupBy: MetricsGroupBy,
    @Ctx() ctx: ApiContext,
  ): Promise<ComplianceRow[]> {
    return this.metrics.compute(ctx, filter, groupBy);
  }
}
