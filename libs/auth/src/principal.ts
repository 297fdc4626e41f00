import type { PrincipalRole } from '@techbridge/contracts';

export interface Principal {
  id: string;
  role: PrincipalRole;
  keyId: string | null;
}

export const ADMIN_PRINCIPAL_ID = '00000000-0000-0000-0000-000000000000';
