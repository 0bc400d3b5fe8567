import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { STATUS_CODES } from 'node:http';
import { errorCodeOf } from '@app/domain';
import type { ErrorResponse, FieldProblem } from './error-response';

/** Turns every error into ErrorResponse; anything unexpected is logged and answered as a bare 500. */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const body = withCode(this.toErrorResponse(exception));
    if (body.statusCode >= 500) this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    response.status(body.statusCode).json(body);
  }

  private toErrorResponse(exception: unknown): ErrorResponse {
    if (exception instanceof HttpException) {
      const statusCode = exception.getStatus();
      const raw = exception.getResponse();
      const payload = typeof raw === 'string' ? { message: raw } : (raw as Record<string, unknown>);
      const message = Array.isArray(payload.message) ? payload.message.join('; ') : String(payload.message ?? exception.message);
      return withDetails({ statusCode, error: reasonPhrase(statusCode), message }, payload.details);
    }
    // body-parser and similar middleware signal client errors with an exposed status.
    const status = (exception as { status?: unknown; expose?: unknown })?.status;
    if (typeof status === 'number' && status >= 400 && status < 500 && (exception as { expose?: boolean }).expose) {
      return { statusCode: status, error: reasonPhrase(status), message: (exception as Error).message };
    }
    if (isDatabaseUnreachable(exception)) {
      const statusCode = HttpStatus.SERVICE_UNAVAILABLE;
      return { statusCode, error: reasonPhrase(statusCode), message: 'The database is unavailable; nothing was changed. Retry later.' };
    }
    const statusCode = HttpStatus.INTERNAL_SERVER_ERROR;
    return { statusCode, error: reasonPhrase(statusCode), message: 'Internal server error' };
  }
}

const UNREACHABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'PROTOCOL_CONNECTION_LOST', 'ER_CON_COUNT_ERROR']);

/** The database being down is the server's trouble but not a bug: 503, like Temporal being down. */
export function isDatabaseUnreachable(exception: unknown): boolean {
  const error = exception as { code?: unknown; driverError?: { code?: unknown } } | null;
  const code = error?.driverError?.code ?? error?.code;
  return typeof code === 'string' && UNREACHABLE_CODES.has(code);
}

function reasonPhrase(status: number): string {
  return STATUS_CODES[status] ?? 'Error';
}

function withDetails(body: ErrorResponse, details: unknown): ErrorResponse {
  return details === undefined ? body : { ...body, details: details as FieldProblem[] };
}

/** Adds the stable code (and its values) that clients translate; the message stays as it was. */
function withCode(body: ErrorResponse): ErrorResponse {
  const { code, params } = errorCodeOf(body.statusCode, body.message);
  return { ...body, code, ...(params ? { params } : {}) };
}
