export const AUTH_OPTIONS = Symbol('AUTH_OPTIONS');

export interface AuthOptions {
  adminApiKey: string;
  /** How long a just-issued key not yet known here is looked up again before 401 (default 1500 ms). */
  newKeyGraceMs?: number;
  /** A key issued longer ago than this is never waited for: unknown means unknown (default 60 s). */
  freshKeyWindowMs?: number;
  /** At most this many requests wait for a fresh key at once; more answer 401 at once (default 32). */
  maxWaitingRequests?: number;
  /** Failed authentications allowed per client address per minute before 429 (default 30). */
  authFailureLimit?: number;
}
