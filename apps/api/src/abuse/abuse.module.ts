import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule, type ThrottlerModuleOptions } from '@nestjs/throttler';
import { AppConfig } from '@app/config';
import { DatabaseModule } from '@app/database';
import { LoginThrottleService } from '../auth/login-throttle.service';
import { RateLimitGuard } from './rate-limit.guard';
import { LOGIN_THROTTLER, PUBLIC_THROTTLER } from './throttle.decorators';

const ONE_MINUTE_MS = 60_000;

/**
 * Abuse resistance: per-IP rate limits on the routes marked with the decorators of throttle.decorators.ts,
 * and the failed-login lockout. Global so AuthService can use LoginThrottleService without AuthModule
 * importing this module.
 */
@Global()
@Module({
  imports: [
    DatabaseModule,
    ThrottlerModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig): ThrottlerModuleOptions => ({
        throttlers: [
          { name: PUBLIC_THROTTLER, ttl: ONE_MINUTE_MS, limit: config.RATE_LIMIT_PUBLIC_PER_MINUTE },
          { name: LOGIN_THROTTLER, ttl: ONE_MINUTE_MS, limit: config.RATE_LIMIT_LOGIN_PER_MINUTE },
        ],
        // One budget per client and throttler across all its routes, not one per route.
        generateKey: (_context, tracker, throttlerName) => `${throttlerName}:${tracker}`,
        errorMessage: 'Too many requests; try again later',
        // RateLimitGuard sets the standard Retry-After; the library's per-throttler headers would only add noise.
        setHeaders: false,
      }),
    }),
  ],
  providers: [LoginThrottleService, { provide: APP_GUARD, useClass: RateLimitGuard }],
  exports: [LoginThrottleService],
})
export class AbuseModule {}
