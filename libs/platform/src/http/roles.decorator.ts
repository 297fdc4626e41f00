import { SetMetadata } from '@nestjs/common';
import type { PrincipalRole } from '@techbridge/contracts';

/** Metadata key read by libs/auth's guard. Lives here so any library's controller can require a role. */
export const REQUIRED_ROLES = 'techbridge:roles';

/** Only these roles may call the route (admins always may). */
export const Roles = (...roles: PrincipalRole[]) => SetMetadata(REQUIRED_ROLES, roles);
