import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Problems } from '@techbridge/platform';
import type { PrincipalRole } from '@techbridge/contracts';
import { constantTimeEquals, extractApiKey, hashApiKey } from '../credentials/api-key';
import { CredentialStore } from '../credentials/credential.store';
import { ADMIN_PRINCIPAL_ID, Principal } from '../principal';

/** The shape generateApiKey() produces: `tb_` + 43 base64url characters. */
const API_KEY_FORMAT = /^tb_[A-Za-z0-9_-]{43}$/;
import { PUBLIC_ROUTE } from '@techbridge/platform';
import { REQUIRED_ROLES } from './auth.decorators';
import { AUTH_OPTIONS, AuthOptions } from './auth.options';

/**
 * The same guard in every service: it verifies the caller's API key locally (admin key from config,
 * others by SHA-256 against the credentials table) and never trusts an identity header from a client.
 */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly store: CredentialStore,
    @Inject(AUTH_OPTIONS) private readonly options: AuthOptions,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest();
    const targets = [context.getHandler(), context.getClass()];
    const isPublic = this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets) ?? false;
    const key = extractApiKey(request.headers ?? {});
    const principal = key ? await this.resolve(key) : null;
    if (key && !principal) throw Problems.unauthorized('The API key is unknown or revoked.');
    request.principal = principal;
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
    if (!API_KEY_FORMAT.test(key)) return null;
    const hash = hashApiKey(key);
    // A key issued a moment ago reaches this service through Kafka within milliseconds; a client that
    // uses it straight after registering should not see a 401 for that. Well-formed unknown keys are
    // therefore looked up again for a short while (which also slows down guessing).
    const deadline = Date.now() + (this.options.newKeyGraceMs ?? 1500);
    for (;;) {
      const principal = await this.store.findByHash(hash);
      if (principal || Date.now() >= deadline) return principal;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}
