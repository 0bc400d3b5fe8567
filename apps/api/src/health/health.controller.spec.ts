import type { Response } from 'express';
import type { AppConfig } from '@app/config';
import type { HealthProbe } from './health-probe';
import { HealthController } from './health.controller';

function answer() {
  const res = { statusCode: 0, status(code: number) { this.statusCode = code; return this; } };
  return res as unknown as Response & { statusCode: number };
}

const up = (name: string, critical = true): HealthProbe => ({ name, critical, check: async () => undefined });
const down = (name: string, critical = true): HealthProbe => ({ name, critical, check: async () => Promise.reject(new Error('connect ECONNREFUSED')) });

describe('HealthController probes', () => {
  const controller = (probes: HealthProbe[]) => new HealthController(probes, { HEALTH_TOKEN: '' } as AppConfig);

  it('is live whatever its parts say', () => {
    expect(controller([down('database')]).live()).toEqual({ status: 'up' });
  });

  it('is ready when the critical parts answer, a non-critical one down or not', async () => {
    const res = answer();
    expect(await controller([up('database'), up('temporal'), down('stalledCases', false)]).ready(res)).toEqual({ status: 'up' });
    expect(res.statusCode).toBe(200);
  });

  it('is not ready (503, no details) when the database does not answer', async () => {
    const res = answer();
    expect(await controller([down('database'), up('temporal')]).ready(res)).toEqual({ status: 'down' });
    expect(res.statusCode).toBe(503);
  });
});
