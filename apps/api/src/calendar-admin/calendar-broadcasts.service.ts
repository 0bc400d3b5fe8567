import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Client, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { IsNull, Repository } from 'typeorm';
import { AppConfig } from '@app/config';
import { calendarBroadcastWorkflowId, CalendarBroadcastEntity } from '@app/calendar';
import { CALENDAR_BROADCAST_WORKFLOW, type CalendarBroadcastWorkflow } from '@app/temporal';

/** How long one start may wait for Temporal before the request answers 503 and the retrier takes over. */
const START_TIMEOUT_MS = 5000;
const BATCH = 20;

/**
 * Starts the broadcasts the calendar outbox holds. The workflow id comes from the outbox row and a closed
 * broadcast's id is never reused, so replicas starting the same row at once make one broadcast. Every
 * API replica retries pending rows every CALENDAR_BROADCAST_RETRY_SECONDS until Temporal answers.
 */
@Injectable()
export class CalendarBroadcasts implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(CalendarBroadcasts.name);
  private timer?: NodeJS.Timeout;
  private sweeping?: Promise<number>;

  constructor(
    @InjectRepository(CalendarBroadcastEntity) private readonly outbox: Repository<CalendarBroadcastEntity>,
    private readonly client: Client,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.startPending().catch(() => undefined), this.config.CALENDAR_BROADCAST_RETRY_SECONDS * 1000);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** Starts one broadcast; throws when Temporal does not accept it (the row stays pending). */
  async start(id: string): Promise<string> {
    const workflowId = calendarBroadcastWorkflowId(id);
    try {
      await this.client.withDeadline(Date.now() + START_TIMEOUT_MS, () =>
        this.client.workflow.start<CalendarBroadcastWorkflow>(CALENDAR_BROADCAST_WORKFLOW, {
          workflowId,
          taskQueue: this.config.TEMPORAL_TASK_QUEUE,
          args: [],
          workflowIdReusePolicy: 'REJECT_DUPLICATE',
        }),
      );
    } catch (error) {
      // Another replica (or an earlier attempt whose answer was lost) started it: that is the one broadcast.
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) {
        await this.outbox.increment({ id }, 'attempts', 1).catch(() => undefined);
        await this.outbox.update({ id }, { lastError: String((error as Error).message ?? error).slice(0, 255) }).catch(() => undefined);
        throw error;
      }
    }
    await this.outbox.update({ id, startedAt: IsNull() }, { startedAt: new Date() });
    return workflowId;
  }

  /** Starts every pending broadcast, oldest first; stops at the first one Temporal refuses. Returns how many started. */
  startPending(): Promise<number> {
    this.sweeping ??= this.sweep().finally(() => (this.sweeping = undefined));
    return this.sweeping;
  }

  private async sweep(): Promise<number> {
    const pending = await this.outbox.find({ where: { startedAt: IsNull() }, order: { requestedAt: 'ASC' }, take: BATCH });
    let started = 0;
    for (const row of pending) {
      try {
        await this.start(row.id);
        started += 1;
      } catch (error) {
        this.logger.warn(`calendar broadcast ${row.id} still pending: ${(error as Error).message}`);
        break;
      }
    }
    return started;
  }
}
