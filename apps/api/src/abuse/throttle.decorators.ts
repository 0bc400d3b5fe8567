import { applyDecorators, SetMetadata, UseInterceptors } from '@nestjs/common';
import { ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { ErrorResponse } from '../common/error-response';
import { RetryAfterInterceptor } from './retry-after.interceptor';

/** Names of the throttlers AbuseModule registers; the throttler library keys them by string. */
export const PUBLIC_THROTTLER = 'public';
export const LOGIN_THROTTLER = 'login';
export const STAFF_THROTTLER = 'staff';
export const AUDIT_VERIFY_THROTTLER = 'audit-verify';
export type ThrottlerName = typeof PUBLIC_THROTTLER | typeof LOGIN_THROTTLER | typeof STAFF_THROTTLER | typeof AUDIT_VERIFY_THROTTLER;

/**
 * Which one budget a route draws on. Unmarked staff routes draw on STAFF_THROTTLER; unmarked public
 * routes (/health) on none.
 */
export const RATE_LIMIT_BUDGET = Symbol('rateLimitBudget');

const budget = (name: ThrottlerName, description: string) =>
  applyDecorators(SetMetadata(RATE_LIMIT_BUDGET, name), ApiTooManyRequestsResponse({ type: ErrorResponse, description }));

/** Counts the route against the client IP's budget for all public endpoints (RATE_LIMIT_PUBLIC_PER_MINUTE). */
export const PublicRateLimit = () => budget(PUBLIC_THROTTLER, 'Too many requests from this client; see Retry-After');

/**
 * Counts the route against the client IP's login budget (RATE_LIMIT_LOGIN_PER_MINUTE), and answers a
 * locked username's 429 with Retry-After.
 */
export const LoginRateLimit = () =>
  applyDecorators(
    budget(LOGIN_THROTTLER, 'Too many requests from this client, or too many failed logins for this username; see Retry-After'),
    UseInterceptors(RetryAfterInterceptor),
  );

/** A costly staff route with a budget of its own per user (RATE_LIMIT_AUDIT_VERIFY_PER_MINUTE). */
export const AuditVerifyRateLimit = () => budget(AUDIT_VERIFY_THROTTLER, 'Too many verifications by this user; see Retry-After');
