import type { Socket } from 'node:net';
import { problemClientErrorHandler } from './client-error';

function fakeSocket() {
  const written: string[] = [];
  const socket = { destroyed: false, writable: true, write: (s: string) => written.push(s), destroy: jest.fn() };
  return { socket: socket as unknown as Socket & { destroy: jest.Mock }, written };
}

describe('problemClientErrorHandler', () => {
  it('answers a header overflow with a 431 problem+json and closes the connection', () => {
    const { socket, written } = fakeSocket();
    problemClientErrorHandler(Object.assign(new Error('Header overflow'), { code: 'HPE_HEADER_OVERFLOW' }), socket);
    const [head, body] = written[0].split('\r\n\r\n');
    expect(head).toMatch(/^HTTP\/1\.1 431 /);
    expect(head).toContain('Content-Type: application/problem+json');
    expect(head).toContain('X-Content-Type-Options: nosniff');
    expect(head).toContain(`Content-Length: ${Buffer.byteLength(body)}`);
    expect(JSON.parse(body)).toMatchObject({ status: 431, title: expect.any(String), type: expect.stringMatching(/http-431$/) });
    expect(socket.destroy).toHaveBeenCalled();
  });

  it('answers other parser errors with 400, and writes nothing to a reset connection', () => {
    const bad = fakeSocket();
    problemClientErrorHandler(Object.assign(new Error('Parse Error'), { code: 'HPE_INVALID_METHOD' }), bad.socket);
    expect(JSON.parse(bad.written[0].split('\r\n\r\n')[1]).status).toBe(400);
    const reset = fakeSocket();
    problemClientErrorHandler(Object.assign(new Error('reset'), { code: 'ECONNRESET' }), reset.socket);
    expect(reset.written).toEqual([]);
  });
});
