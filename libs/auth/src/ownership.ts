import { Problems } from '@techbridge/platform';
import { Principal } from './principal';

export function isOwnerOrAdmin(principal: Principal | null, ownerId: string): boolean {
  return !!principal && (principal.role === 'admin' || principal.id === ownerId);
}

/**
 * BOLA rule: a private resource of someone else answers exactly like one that does not exist (404),
 * so ids cannot be probed.
 */
export function assertOwnerOrAdmin(principal: Principal | null, ownerId: string, what: string): void {
  if (!isOwnerOrAdmin(principal, ownerId)) throw Problems.notFound(what);
}

/** Owners, admins and (for reports) organisers may read; everyone else gets 404. */
export function assertCanReadPrivate(principal: Principal | null, ownerId: string, what: string, allowOrganisers = false): void {
  if (allowOrganisers && principal?.role === 'organiser') return;
  assertOwnerOrAdmin(principal, ownerId, what);
}
