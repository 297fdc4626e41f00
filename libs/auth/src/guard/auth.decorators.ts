import { ExecutionContext, SetMetadata, createParamDecorator } from '@nestjs/common';
import type { PrincipalRole } from '@techbridge/contracts';
import { Principal } from '../principal';

export const PUBLIC_ROUTE = 'techbridge:public';
export const REQUIRED_ROLES = 'techbridge:roles';

/** No key needed; a valid key, if sent, still identifies the caller (e.g. the owner sees more). */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

/** Only these roles may call the route (admins always may). */
export const Roles = (...roles: PrincipalRole[]) => SetMetadata(REQUIRED_ROLES, roles);

export const CurrentPrincipal = createParamDecorator(
  (_data: unknown, ctx: ExecutionContext): Principal | null => ctx.switchToHttp().getRequest().principal ?? null,
);
