import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { getDataSourceToken } from '@nestjs/typeorm';
import { ThrottlerModule, type ThrottlerModuleOptions } from '@nestjs/throttler';
import type { DataSource } from 'typeorm';
import { AppConfig } from '@app/config';
import { DatabaseModule } from '@app/database';
import { LoginThrottleService } from '../auth/login-throttle.service';
import { ExpiredRowsSweeper } from './expired-rows.sweeper';
import { RateLimitGuard } from './rate-limit.guard';
import { SharedThrottlerStorage } from './shared-throttler.storage';
import { AUDIT_VERIFY_THROTTLER, LOGIN_THROTTLER, PUBLIC_THROTTLER, STAFF_THROTTLER } from './throttle.decorators';

const ONE_MINUTE_MS = 60_000;

/**
 * Abuse resistance: rate limits on every route but /health (one budget per route, see throttle.decorators.ts),
 * counted in MySQL so all replicas share them, and the failed-login lockout. Global so AuthService can use
 * LoginThrottleService without AuthModule importing this module.
 */
@Global()
@Module({
  imports: [
    DatabaseModule,
    ThrottlerModule.forRootAsync({
      imports: [DatabaseModule],
      inject: [AppConfig, getDataSourceToken()],
      useFactory: (config: AppConfig, dataSource: DataSource): ThrottlerModuleOptions => ({
        throttlers: [
          { name: PUBLIC_THROTTLER, ttl: ONE_MINUTE_MS, limit: config.RATE_LIMIT_PUBLIC_PER_MINUTE },
          { name: LOGIN_THROTTLER, ttl: ONE_MINUTE_MS, limit: config.RATE_LIMIT_LOGIN_PER_MINUTE },
          { name: STAFF_THROTTLER, ttl: ONE_MINUTE_MS, limit: config.RATE_LIMIT_STAFF_PER_MINUTE },
          { name: AUDIT_VERIFY_THROTTLER, ttl: ONE_MINUTE_MS, limit: config.RATE_LIMIT_AUDIT_VERIFY_PER_MINUTE },
        ],
        // One budget per client and throttler across all its routes, not one per route.
        generateKey: (_context, tracker, throttlerName) => `${throttlerName}:${tracker}`,
        errorMessage: 'Too many requests; try again later',
        // RateLimitGuard sets the standard Retry-After; the library's per-throttler headers would only add noise.
        setHeaders: false,
        storage: new SharedThrottlerStorage(dataSource),
      }),
    }),
  ],
  providers: [LoginThrottleService, ExpiredRowsSweeper, { provide: APP_GUARD, useClass: RateLimitGuard }],
  exports: [LoginThrottleService, ExpiredRowsSweeper],
})
export class AbuseModule {}
