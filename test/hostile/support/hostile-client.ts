/** One request and its answer, as the hostile suite checks it. */
export interface Exchange {
  method: string;
  path: string;
  status: number;
  headers: Headers;
  text: string;
  json: any;
}

export interface SendOptions {
  key?: string;
  /** A JSON value to send (serialised here). */
  json?: unknown;
  /** Raw body text, sent as is with `Content-Type: application/json`. */
  raw?: string;
  headers?: Record<string, string>;
}

/** Counts every request the suite sends: the summary in docs/reliability.md comes from here. */
export class RequestTally {
  sent = 0;
  readonly byClass: Record<string, number> = { '2xx': 0, '3xx': 0, '4xx': 0, '5xx': 0 };
  readonly byStatus: Record<number, number> = {};

  count(status: number): void {
    this.sent += 1;
    const cls = `${Math.floor(status / 100)}xx`;
    this.byClass[cls] = (this.byClass[cls] ?? 0) + 1;
    this.byStatus[status] = (this.byStatus[status] ?? 0) + 1;
  }
}

/** A fetch client for the gateway that counts every exchange in `tally`. */
export function hostileClient(base: string, tally: RequestTally) {
  async function send(method: string, path: string, o: SendOptions = {}): Promise<Exchange> {
    const headers: Record<string, string> = { ...(o.headers ?? {}) };
    if (o.key) headers.authorization = `Bearer ${o.key}`;
    const body = o.raw ?? (o.json === undefined ? undefined : JSON.stringify(o.json));
    if (body !== undefined) headers['content-type'] ??= 'application/json';
    let res: Response;
    try {
      res = await fetch(`${base}${path}`, { method, headers, body });
    } catch (err) {
      // The server cut the connection before answering (e.g. while a huge body was still being sent).
      throw new Error(
        `${method} ${path}: no answer (${(err as Error).message}; ${String((err as any)?.cause?.code ?? '')})`,
        { cause: err },
      );
    }
    const text = await res.text();
    let json: any;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = null;
    }
    tally.count(res.status);
    return { method, path, status: res.status, headers: res.headers, text, json };
  }
  return {
    send,
    get: (path: string, key?: string, o: SendOptions = {}) => send('GET', path, { ...o, key }),
    post: (path: string, json?: unknown, key?: string, o: SendOptions = {}) =>
      send('POST', path, { ...o, json, key }),
    patch: (path: string, json?: unknown, key?: string, o: SendOptions = {}) =>
      send('PATCH', path, { ...o, json, key }),
    put: (path: string, json?: unknown, key?: string, o: SendOptions = {}) =>
      send('PUT', path, { ...o, json, key }),
    delete: (path: string, key?: string, o: SendOptions = {}) => send('DELETE', path, { ...o, key }),
  };
}

export type HostileClient = ReturnType<typeof hostileClient>;
