import { ExecutionContext, createParamDecorator } from '@nestjs/common';
import { Principal } from '../principal';

export { PUBLIC_ROUTE, Public, REQUIRED_ROLES, Roles } from '@techbridge/platform';

export const CurrentPrincipal = createParamDecorator(
  (_data: unknown, ctx: ExecutionContext): Principal | null => ctx.switchToHttp().getRequest().principal ?? null,
);
