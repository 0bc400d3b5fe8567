import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiPropertyOptional, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { Connection } from '@temporalio/client';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { Public } from '../auth/auth.decorators';

export class ComponentHealth {
  @ApiProperty({ enum: ['up', 'down'] }) status: 'up' | 'down';
  @ApiPropertyOptional({ description: 'Why it is down' }) error?: string;
}

export class HealthReport {
  @ApiProperty({ enum: ['ok', 'degraded'] }) status: 'ok' | 'degraded';
  @ApiProperty() database: ComponentHealth;
  @ApiProperty() temporal: ComponentHealth;
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
  @ApiOkResponse({ type: HealthReport, description: 'Database and Temporal reachable' })
  @ApiServiceUnavailableResponse({ type: HealthReport, description: 'A component is down; the body says which' })
  async check(@Res({ passthrough: true }) res: Response): Promise<HealthReport> {
    const [database, temporal] = await Promise.all([
      probe(() => this.dataSource.query('SELECT 1')),
      probe(() => this.temporal.workflowService.getSystemInfo({})),
    ]);
    const ok = database.status === 'up' && temporal.status === 'up';
    res.status(ok ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    return { status: ok ? 'ok' : 'degraded', database, temporal };
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
