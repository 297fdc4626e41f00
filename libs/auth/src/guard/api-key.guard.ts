import { CanActivate, ExecutionContext, HttpStatus, Inject, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ProblemException, Problems, PUBLIC_ROUTE } from '@techbridge/platform';
import type { PrincipalRole } from '@techbridge/contracts';
import { constantTimeEquals, extractApiKey, hashApiKey, parseApiKey } from '../credentials/api-key';
import { CredentialStore } from '../credentials/credential.store';
import { ADMIN_PRINCIPAL_ID, Principal } from '../principal';
import { RateLimitStore } from '../rate-limit/rate-limit.store';
import { REQUIRED_ROLES } from './auth.decorators';
import { AUTH_OPTIONS, AuthOptions } from './auth.options';

const FAILURE_WINDOW_MS = 60_000;

/**
 * The same guard in every service: it verifies the caller's API key locally (admin key from config,
 * others against the credentials table) and never trusts an identity header from a client.
 *
 * Cheap for made-up keys: a key carries its id and issue time, so an unknown key is refused after one
 * lookup unless it was issued in the last minute (then it may still be on its way here through Kafka:
 * it is looked up again for up to 1.5 s, and at most `maxWaitingRequests` requests wait at once). A
 * revoked key is refused at once. Failed authentications are counted per client address in the
 * service's shared rate-limit table; past the limit the client gets 429 with Retry-After.
 */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  private readonly logger = new Logger('Auth');
  private waiting = 0;
  /** client address → time until which it is refused (a local mirror of the shared counter) */
  private readonly blocked = new Map<string, number>();

  constructor(
    private readonly reflector: Reflector,
    private readonly store: CredentialStore,
    private readonly limits: RateLimitStore,
    @Inject(AUTH_OPTIONS) private readonly options: AuthOptions,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest();
    const targets = [context.getHandler(), context.getClass()];
    const isPublic = this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets) ?? false;
    const key = extractApiKey(request.headers ?? {});
    let principal: Principal | null = null;
    if (key) {
      const client = String(request.ip ?? request.socket?.remoteAddress ?? 'unknown');
      this.assertNotBlocked(client);
      principal = await this.resolve(key);
      if (!principal) {
        await this.countFailure(client);
        throw Problems.unauthorized('The API key is unknown or revoked.');
      }
    }
    request.principal = principal;
    if (principal && principal.role !== 'enterprise') {
      // Organiser and admin access is audited: who, what, when (never the key).
      this.logger.log({ audit: true, principal: principal.id, role: principal.role, method: request.method, path: request.url?.split('?')[0] }, 'privileged access');
    }
    if (isPublic) return true;
    if (!principal) throw Problems.unauthorized();
    const roles = this.reflector.getAllAndOverride<PrincipalRole[]>(REQUIRED_ROLES, targets);
    if (roles?.length && principal.role !== 'admin' && !roles.includes(principal.role)) {
      throw Problems.forbidden(`This operation needs one of the roles: ${roles.join(', ')}.`);
    }
    return true;
  }

  private async resolve(key: string): Promise<Principal | null> {
    if (constantTimeEquals(key, this.options.adminApiKey)) return { id: ADMIN_PRINCIPAL_ID, role: 'admin', keyId: null };
    const parsed = parseApiKey(key);
    if (parsed.kind === 'malformed') return null;
    const hash = hashApiKey(key);
    if (parsed.kind === 'legacy') return this.store.findByHash(hash);
    const first = await this.store.findByKey(parsed.keyId, hash);
    if (first.found === 'live') return first.principal;
    if (first.found === 'revoked') return null;
    const age = Date.now() - parsed.issuedAt;
    if (age < -5_000 || age > (this.options.freshKeyWindowMs ?? 60_000)) return null;
    if (this.waiting >= (this.options.maxWaitingRequests ?? 32)) return null;
    // Issued a moment ago: its credential event may not have reached this service yet.
    this.waiting += 1;
    try {
      const deadline = Date.now() + (this.options.newKeyGraceMs ?? 1500);
      while (Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 50));
        const again = await this.store.findByKey(parsed.keyId, hash);
        if (again.found === 'live') return again.principal;
        if (again.found === 'revoked') return null;
      }
      return null;
    } finally {
      this.waiting -= 1;
    }
  }

  private assertNotBlocked(client: string): void {
    const until = this.blocked.get(client);
    if (until === undefined) return;
    const left = until - Date.now();
    if (left <= 0) {
      this.blocked.delete(client);
      return;
    }
    throw this.tooMany(left);
  }

  private async countFailure(client: string): Promise<void> {
    const { hits, resetMs } = await this.limits.hit(`auth-failure:${client}`, FAILURE_WINDOW_MS);
    if (hits > (this.options.authFailureLimit ?? 30)) {
      if (this.blocked.size > 10_000) this.blocked.clear();
      this.blocked.set(client, Date.now() + resetMs);
      throw this.tooMany(resetMs);
    }
  }

  private tooMany(ms: number): ProblemException {
    const seconds = Math.max(1, Math.ceil(ms / 1000));
    return new ProblemException(
      HttpStatus.TOO_MANY_REQUESTS,
      'too-many-failed-authentications',
      'Too many requests',
      `Too many requests with an unknown or revoked API key from your address; retry in ${seconds} s.`,
      undefined,
      {},
      { 'retry-after': String(seconds) },
    );
  }
}
