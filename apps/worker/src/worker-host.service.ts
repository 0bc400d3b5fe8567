import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { NativeConnection, type Worker } from '@temporalio/worker';
import type { Logger as RootLogger } from 'pino';
import { AppConfig } from '@app/config';
import { CalendarService } from '@app/calendar';
import { ReferralPackageBuilder } from '@app/evidence';
import { temporalConnectionOptions } from '@app/temporal';
import { ROOT_LOGGER } from '@app/observability';
import { CaseDecisionWriter, CaseProjectionWriter, CircularWriter, NotificationWriter, OrganizationDirectory, ReferralWriter } from '@app/projection';
import { SlaPolicyService } from '@app/sla';
import { createActivities } from '../../../activities';
import { activityObservability } from './activity-observability.interceptor';
import { CampaignPortsService } from './campaigns/campaign-ports.service';
import { createCaseWorker } from './case-worker';
import { WorkerMetrics } from './worker-metrics';

/** Runs the Temporal Worker for the life of the Nest application and drains it on shutdown. */
@Injectable()
export class WorkerHost implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(WorkerHost.name);
  private connection?: NativeConnection;
  private worker?: Worker;
  private running?: Promise<void>;
  private reportFailure!: (error: Error) => void;
  /** Resolves with the reason when the Worker stops by itself (it never does on a requested shutdown). */
  readonly failed = new Promise<Error>((resolve) => (this.reportFailure = resolve));

  constructor(
    private readonly config: AppConfig,
    private readonly projection: CaseProjectionWriter,
    private readonly decisions: CaseDecisionWriter,
    private readonly notifications: NotificationWriter,
    private readonly referrals: ReferralWriter,
    private readonly directory: OrganizationDirectory,
    private readonly calendar: CalendarService,
    private readonly sla: SlaPolicyService,
    private readonly packages: ReferralPackageBuilder,
    private readonly metrics: WorkerMetrics,
    @Inject(ROOT_LOGGER) private readonly rootLogger: RootLogger,
    private readonly circulars: CircularWriter,
    private readonly campaigns: CampaignPortsService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.connection = await NativeConnection.connect(temporalConnectionOptions(this.config));
    this.worker = await createCaseWorker(this.config, this.connection, createActivities({
      projection: this.projection,
      decisions: this.decisions,
      notifications: this.notifications,
      referrals: this.referrals,
      directory: this.directory,
      calendar: this.calendar,
      sla: this.sla,
      packages: this.packages,
      escalations: this.metrics.escalations,
      circulars: this.circulars,
      campaigns: this.campaigns,
    }), [activityObservability(this.rootLogger, this.metrics)]);
    this.running = this.worker.run();
    this.running.catch((error: unknown) => {
      this.logger.error(`worker stopped: ${(error as Error).message}`);
      this.reportFailure(error as Error);
    });
    this.logger.log(`polling task queue "${this.config.TEMPORAL_TASK_QUEUE}" on ${this.config.TEMPORAL_ADDRESS} as ${this.worker.options.identity}`);
  }

  /** The worker polls (it has not stopped or failed). */
  isRunning(): boolean {
    return this.worker?.getState() === 'RUNNING';
  }

  /** Resolves when the Temporal frontend answers within the deadline. */
  async pingTemporal(deadlineMs: number): Promise<void> {
    const connection = this.connection;
    if (!connection) throw new Error('not connected');
    await connection.withDeadline(Date.now() + deadlineMs, () => connection.workflowService.getSystemInfo({}));
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.worker && this.worker.getState() === 'RUNNING') this.worker.shutdown();
    await this.running?.catch(() => undefined);
    await this.connection?.close();
  }
}
