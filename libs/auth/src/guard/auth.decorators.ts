import { ExecutionContext, SetMetadata, createParamDecorator } from '@nestjs/common';
import type { PrincipalRole } from '@techbridge/contracts';
import { Principal } from '../principal';

export { PUBLIC_ROUTE, Public } from '@techbridge/platform';
export const REQUIRED_ROLES = 'techbridge:roles';

/** Only these roles may call the route (admins always may). */
export const Roles = (...roles: PrincipalRole[]) => SetMetadata(REQUIRED_ROLES, roles);

export const CurrentPrincipal = createParamDecorator(
  (_data: unknown, ctx: ExecutionContext): Principal | null => ctx.switchToHttp().getRequest().principal ?? null,
);
