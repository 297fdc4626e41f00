import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Problems } from '@techbridge/platform';
import type { PrincipalRole } from '@techbridge/contracts';
import { constantTimeEquals, extractApiKey, hashApiKey } from '../credentials/api-key';
import { CredentialStore } from '../credentials/credential.store';
import { ADMIN_PRINCIPAL_ID, Principal } from '../principal';
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
    if (key.length > 200) return null;
    return this.store.findByHash(hashApiKey(key));
  }
}
