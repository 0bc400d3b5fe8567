import { ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard, type ThrottlerLimitDetail } from '@nestjs/throttler';
import { RATE_LIMITED } from './throttle.decorators';

/** ThrottlerGuard for the routes marked @PublicRateLimit() or @LoginRateLimit() only; a 429 says when to retry. */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  protected override async shouldSkip(context: ExecutionContext): Promise<boolean> {
    return !this.reflector.getAllAndOverride<boolean | undefined>(RATE_LIMITED, [context.getHandler(), context.getClass()]);
  }

  protected override async throwThrottlingException(context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    // The library's own header is suffixed with the throttler's name; clients read the standard one.
    this.setResponseHeader(this.getRequestResponse(context).res, 'Retry-After', detail.timeToBlockExpire);
    await super.throwThrottlingException(context, detail);
  }
}
