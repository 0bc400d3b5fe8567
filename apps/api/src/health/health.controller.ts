import { timingSafeEqual } from 'node:crypto';
import { Controller, Get, HttpStatus, Inject, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiPropertyOptional, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AppConfig } from '@app/config';
import { Public } from '../auth/auth.decorators';
import { HEALTH_PROBES, type HealthProbe, type ProbeResult } from './health-probe';

/** One part as ops see it; `error` when it is down, and the part's own figures (e.g. `count`). */
export class ProbeResponse {
  @ApiProperty({ enum: ['up', 'down'] }) status: 'up' | 'down';
  @ApiPropertyOptional({ description: 'Why it is down' }) error?: string;
  @ApiPropertyOptional({ description: 'stalledCases: how many cases wait for a retry' }) count?: number;
}

/**
 * The public get `{status: up | down}`; ops get `ok | degraded` and each part by name. One documented shape
 * for both, its parts optional.
 */
export class HealthReport {
  @ApiProperty({ enum: ['up', 'down', 'ok', 'degraded'] }) status: 'up' | 'down' | 'ok' | 'degraded';
  @ApiPropertyOptional({ type: ProbeResponse }) database?: ProbeResult;
  @ApiPropertyOptional({ type: ProbeResponse }) temporal?: ProbeResult;
  @ApiPropertyOptional({ type: ProbeResponse }) stalledCases?: ProbeResult;
}

const CHECK_TIMEOUT_MS = 3000;
const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

@ApiTags('ops')
@Controller('health')
export class HealthController {
  constructor(
    @Inject(HEALTH_PROBES) private readonly probes: HealthProbe[],
    private readonly config: AppConfig,
  ) {}

  @Public()
  @Get()
  @ApiOkResponse({ type: HealthReport, description: 'Up: {"status":"up"}. Ops (a caller on this host, or with the HEALTH_TOKEN bearer token) get each part: {"status":"ok","database":{"status":"up"},…}' })
  @ApiServiceUnavailableResponse({ type: HealthReport, description: 'A part is down; only ops are told which' })
  async check(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<HealthReport> {
    const results = await Promise.all(this.probes.map(async (p) => [p, await probe(() => p.check())] as const));
    const ok = results.every(([p, result]) => !p.critical || result.status === 'up');
    res.status(ok ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    if (!this.isOps(req)) return { status: ok ? 'up' : 'down' };
    return { status: ok ? 'ok' : 'degraded', ...Object.fromEntries(results.map(([p, result]) => [p.name, result])) };
  }

  /** Liveness: the process answers. Nothing else is asked, so a database outage never gets the API restarted. */
  @Public()
  @Get('live')
  @ApiOkResponse({ type: HealthReport, description: '{"status":"up"} while the process answers' })
  live(): HealthReport {
    return { status: 'up' };
  }

  /** Readiness: the database and Temporal answer; until they do the API gets no traffic. Stalled cases are not asked. */
  @Public()
  @Get('ready')
  @ApiOkResponse({ type: HealthReport, description: '{"status":"up"}: the database and Temporal answer' })
  @ApiServiceUnavailableResponse({ type: HealthReport, description: '{"status":"down"}: the database or Temporal does not answer' })
  async ready(@Res({ passthrough: true }) res: Response): Promise<HealthReport> {
    const results = await Promise.all(this.probes.filter((p) => p.critical).map((p) => probe(() => p.check())));
    const ok = results.every((result) => result.status === 'up');
    res.status(ok ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    return { status: ok ? 'up' : 'down' };
  }

  /** A caller on this host that no proxy forwarded, or one that shows the ops token. */
  private isOps(req: Request): boolean {
    const token = this.config.HEALTH_TOKEN;
    const [scheme, given] = (req.headers.authorization ?? '').split(' ');
    if (token && scheme === 'Bearer' && given && sameText(given, token)) return true;
    const forwarded = req.headers['x-forwarded-for'] !== undefined || req.headers.forwarded !== undefined;
    return !forwarded && LOOPBACK.has(req.socket.remoteAddress ?? '');
  }
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

async function probe(check: () => Promise<Record<string, unknown> | void>): Promise<ProbeResult> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS);
  });
  try {
    const details = await Promise.race([check(), timeout]);
    return { ...(details ?? {}), status: 'up' };
  } catch (error) {
    return { status: 'down', error: (error as Error).message };
  } finally {
    clearTimeout(timer);
  }
}
