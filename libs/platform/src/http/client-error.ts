import type { Socket } from 'node:net';
import { PROBLEM_TYPE_BASE } from './problem';

const STATUS: Record<string, [number, string, string]> = {
  HPE_HEADER_OVERFLOW: [431, 'Request header fields too large', 'The request line and headers are larger than the server accepts (a very long URL or cursor?).'],
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'Request timeout', 'The request did not arrive in time.'],
};

/**
 * Fastify's `clientErrorHandler`: requests Node's HTTP parser refuses before any route sees them (a URL
 * or headers over the size limit, malformed HTTP, too slow) are answered as RFC 9457 problems too,
 * with the same no-sniff header, instead of Fastify's plain JSON.
 */
export function problemClientErrorHandler(err: Error & { code?: string }, socket: Socket): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, title, detail] = STATUS[err.code ?? ''] ?? [400, 'Bad request', 'The request is not valid HTTP.'];
  const body = JSON.stringify({ type: `${PROBLEM_TYPE_BASE}http-${status}`, title, status, detail });
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${title}\r\nContent-Type: application/problem+json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
        `X-Content-Type-Options: nosniff\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(err);
}
