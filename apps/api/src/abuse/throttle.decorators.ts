import { applyDecorators, SetMetadata, UseInterceptors } from '@nestjs/common';
import { ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import { ErrorResponse } from '../common/error-response';
import { RetryAfterInterceptor } from './retry-after.interceptor';

/** Names of the throttlers AbuseModule registers; the throttler library keys them by string. */
export const PUBLIC_THROTTLER = 'public';
export const LOGIN_THROTTLER = 'login';

/** Marks a rate-limited route; RateLimitGuard leaves every unmarked route (all staff endpoints) alone. */
export const RATE_LIMITED = Symbol('rateLimited');

/** Counts the route against the client IP's budget for all public endpoints (RATE_LIMIT_PUBLIC_PER_MINUTE). */
export const PublicRateLimit = () =>
  applyDecorators(
    SetMetadata(RATE_LIMITED, true),
    SkipThrottle({ [LOGIN_THROTTLER]: true }),
    ApiTooManyRequestsResponse({ type: ErrorResponse, description: 'Too many requests from this client; see Retry-After' }),
  );

/**
 * Counts the route against the client IP's login budget (RATE_LIMIT_LOGIN_PER_MINUTE), and answers a
 * locked username's 429 with Retry-After.
 */
export const LoginRateLimit = () =>
  applyDecorators(
    SetMetadata(RATE_LIMITED, true),
    SkipThrottle({ [PUBLIC_THROTTLER]: true }),
    UseInterceptors(RetryAfterInterceptor),
    ApiTooManyRequestsResponse({ type: ErrorResponse, description: 'Too many requests from this client, or too many failed logins for this username; see Retry-After' }),
  );
