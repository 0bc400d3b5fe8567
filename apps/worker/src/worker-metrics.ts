import { Injectable } from '@nestjs/common';
import { Counter } from 'prom-client';
import { createMetricsRegistry } from '@app/observability';

/** The worker's own metrics (the Temporal SDK's are exported by its runtime, on TEMPORAL_METRICS_PORT). */
@Injectable()
export class WorkerMetrics {
  readonly registry = createMetricsRegistry();

  readonly escalations = new Counter({
    name: 'fingertip_escalations_total',
    help: 'Escalations recorded on cases: deadline warnings, missed deadlines, supervision orders, referrals to discipline',
    labelNames: ['kind'] as const,
    registers: [this.registry],
  });

  readonly activityFailures = new Counter({
    name: 'fingertip_activity_failures_total',
    help: 'Failed activity attempts by activity (each retry that fails counts)',
    labelNames: ['activity'] as const,
    registers: [this.registry],
  });
}
