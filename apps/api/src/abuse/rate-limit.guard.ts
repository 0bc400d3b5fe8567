import { ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard, type ThrottlerLimitDetail, type ThrottlerRequest } from '@nestjs/throttler';
import { IS_PUBLIC } from '../auth/auth.decorators';
import type { StaffUser } from '../auth/staff-user';
import { RATE_LIMIT_BUDGET, STAFF_THROTTLER, type ThrottlerName } from './throttle.decorators';

/**
 * ThrottlerGuard that counts each route against one budget (see throttle.decorators.ts): public and login
 * routes per client IP, staff routes per signed-in user (StaffAuthGuard runs first and sets request.user);
 * a 429 says when to retry.
 */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  protected override async shouldSkip(context: ExecutionContext): Promise<boolean> {
    return this.budgetOf(context) === null;
  }

  protected override async handleRequest(request: ThrottlerRequest): Promise<boolean> {
    if (request.throttler.name !== this.budgetOf(request.context)) return true;
    return super.handleRequest(request);
  }

  protected override async getTracker(req: Record<string, unknown>): Promise<string> {
    const user = req.user as StaffUser | undefined;
    return user ? `user:${user.id}` : `ip:${String(req.ip)}`;
  }

  protected override async throwThrottlingException(context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    // The library's own header is suffixed with the throttler's name; clients read the standard one.
    this.setResponseHeader(this.getRequestResponse(context).res, 'Retry-After', detail.timeToBlockExpire);
    await super.throwThrottlingException(context, detail);
  }

  private budgetOf(context: ExecutionContext): ThrottlerName | null {
    const targets = [context.getHandler(), context.getClass()];
    const marked = this.reflector.getAllAndOverride<ThrottlerName | undefined>(RATE_LIMIT_BUDGET, targets);
    if (marked) return marked;
    return this.reflector.getAllAndOverride<boolean | undefined>(IS_PUBLIC, targets) ? null : STAFF_THROTTLER;
  }
}
