import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { Connection } from '@temporalio/client';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { Public } from '../auth/auth.decorators';

interface ComponentHealth {
  status: 'up' | 'down';
  error?: string;
}

interface HealthReport {
  status: 'ok' | 'degraded';
  database: ComponentHealth;
  temporal: ComponentHealth;
  /** Cases stalled on an effect that can never succeed, waiting for a retry (README, "Stalled cases"); null when not counted. */
  stalledCases: number | null;
}

const CHECK_TIMEOUT_MS = 3000;

@ApiTags('ops')
@Controller('health')
export class HealthController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly temporal: Connection,
  ) {}

  @Public()
  @Get()
  @ApiOkResponse({ description: 'Database and Temporal reachable' })
  @ApiServiceUnavailableResponse({ description: 'A component is down; the body says which' })
  async check(@Res({ passthrough: true }) res: Response): Promise<HealthReport> {
    let stalledCases: number | null = null;
    const [database, temporal] = await Promise.all([
      // idx_cases_stalled: a count of the few stalled cases costs no more than SELECT 1.
      probe(async () => {
        const [{ n }]: { n: string }[] = await this.dataSource.query('SELECT COUNT(*) AS n FROM cases WHERE stalled_at IS NOT NULL');
        stalledCases = Number(n);
      }),
      probe(() => this.temporal.workflowService.getSystemInfo({})),
    ]);
    const ok = database.status === 'up' && temporal.status === 'up';
    res.status(ok ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    // Stalled cases are the staff's to retry, not an outage: they do not change the status.
    return { status: ok ? 'ok' : 'degraded', database, temporal, stalledCases };
  }
}

async function probe(check: () => Promise<unknown>): Promise<ComponentHealth> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS);
  });
  try {
    await Promise.race([check(), timeout]);
    return { status: 'up' };
  } catch (error) {
    return { status: 'down', error: (error as Error).message };
  } finally {
    clearTimeout(timer);
  }
}
