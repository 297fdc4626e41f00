export const AUTH_OPTIONS = Symbol('AUTH_OPTIONS');

export interface AuthOptions {
  adminApiKey: string;
  /** How long a well-formed but unknown key is looked up again before 401 (default 1500 ms). */
  newKeyGraceMs?: number;
}
