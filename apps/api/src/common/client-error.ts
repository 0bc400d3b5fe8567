import type { Server } from 'node:http';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import type { ErrorResponse } from './error-response';
import { errorCodeOf } from '@app/domain';

/**
 * Requests Node's HTTP parser refuses before Express sees them (a request line or headers over the
 * 16 kB limit, malformed HTTP) get Node's bare answer, without a body. This answers them in the one
 * error shape instead, as the exception filter answers everything else.
 */
export function answerClientErrorsAsJson(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, stream: Duplex) => {
    const socket = stream as Socket;
    // The parser reports each later chunk of the same request again: the answer is already on its way.
    if (socket.writableEnded) return;
    // Nothing to answer on a connection that is gone, or that is mid-way through the response to an
    // earlier request on it (the check Node's own handler makes).
    const inFlight = (socket as Socket & { _httpMessage?: { headersSent?: boolean } | null })._httpMessage;
    if (error.code === 'ECONNRESET' || !socket.writable || inFlight?.headersSent) {
      socket.destroy();
      return;
    }
    const statusCode = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
    const message = statusCode === 431 ? 'Request line or headers too large' : 'Malformed HTTP request';
    const body: ErrorResponse = { statusCode, error: STATUS_CODES[statusCode] ?? 'Error', message, code: errorCodeOf(statusCode, message).code };
    const json = JSON.stringify(body);
    socket.end(`HTTP/1.1 ${statusCode} ${body.error}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(json)}\r\nConnection: close\r\n\r\n${json}`);
    // Closing at once, with the rest of the request unread, would reset the connection before the client
    // reads the answer: what still arrives is dropped, and the client gets a few seconds to finish.
    setTimeout(() => socket.destroy(), 5_000).unref();
  });
}
