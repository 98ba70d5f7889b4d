import { type Server, createServer } from 'node:http';
import type { Duplex } from 'node:stream';
import { getRequestListener } from '@hono/node-server';
import { ProblemError } from './problem.js';

/**
 * The largest request head (request line and headers) the server reads: Node's default, 16 KiB,
 * stated so it cannot change under us. Bearer tokens and cookies of real deployments fit easily.
 */
export const HEADER_LIMIT_BYTES = 16 * 1024;

/**
 * The Node HTTP server for the app. Two kinds of request never reach Hono: ones Node's parser
 * refuses (headers over the limit, a malformed request line), which Node answers with a bare 431
 * or 400 unless a `clientError` listener answers instead; and ones @hono/node-server cannot turn
 * into a Request (a backslash in the path, a bad Host), which it answers 400 text/plain unless given
 * an `errorHandler`. Both are answered here with the same problem documents as everything else.
 */
export function createHttpServer(fetch: (request: Request, env: unknown) => Response | Promise<Response>, hostname?: string): Server {
  const listener = getRequestListener(fetch, {
    ...(hostname !== undefined && { hostname }),
    errorHandler: (error) => {
      if (error instanceof Error && error.name === 'RequestError') {
        return new ProblemError('bad-request', `The request could not be read: ${error.message}.`).toResponse();
      }
      console.error('The request failed before the app saw it:', error);
      return new ProblemError('internal', 'The server could not complete the request.').toResponse();
    },
  });
  const server = createServer({ maxHeaderSize: HEADER_LIMIT_BYTES }, listener);
  server.on('clientError', answerClientError);
  return server;
}

function answerClientError(error: NodeJS.ErrnoException, socket: Duplex): void {
  // A connection that is gone, or already sent part of an answer, gets nothing more.
  if (error.code === 'ECONNRESET' || !socket.writable || (socket as { _httpMessage?: { headersSent?: boolean } })._httpMessage?.headersSent) {
    socket.destroy();
    return;
  }
  const problem =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? new ProblemError('headers-too-large', `The request headers are larger than ${HEADER_LIMIT_BYTES} bytes.`)
      : new ProblemError('bad-request', 'The request is not well-formed HTTP.');
  const body = JSON.stringify(problem.toProblem());
  const reason = problem.status === 431 ? 'Request Header Fields Too Large' : 'Bad Request';
  socket.end(
    `HTTP/1.1 ${problem.status} ${reason}\r\nContent-Type: application/problem+json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}
