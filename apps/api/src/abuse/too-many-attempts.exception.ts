import { HttpException, HttpStatus } from '@nestjs/common';

/** 429 that knows when to come back; RetryAfterInterceptor turns that into the Retry-After header. */
export class TooManyAttemptsException extends HttpException {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message, HttpStatus.TOO_MANY_REQUESTS);
  }
}
