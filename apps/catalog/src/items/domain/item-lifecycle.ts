/**
 * Lifecycle of offers and needs, shared by both. Plain TypeScript: the rules live here, the services
 * only persist and announce their outcome.
 *
 *   draft ──publish──▶ published ──withdraw──▶ withdrawn
 *     │                   │ ├──expire (valid-until / deadline passed)──▶ expired
 *     └──withdraw──▶ withdrawn └──close (deal reported)──▶ closed
 */
export type ItemStatus = 'draft' | 'published' | 'withdrawn' | 'expired' | 'closed';
export type ItemAction = 'edit' | 'publish' | 'withdraw' | 'expire' | 'close';

const TRANSITIONS: Record<ItemAction, Partial<Record<ItemStatus, ItemStatus>>> = {
  edit: { draft: 'draft', published: 'published' },
  publish: { draft: 'published' },
  withdraw: { draft: 'withdrawn', published: 'withdrawn' },
  expire: { published: 'expired' },
  close: { published: 'closed' },
};

export class LifecycleError extends Error {
  override readonly name = 'LifecycleError';
  constructor(
    readonly action: ItemAction,
    readonly from: ItemStatus,
  ) {
    super(`cannot ${action} an item that is ${from}`);
  }
}

/** Next status for an action, or a LifecycleError (answered as 409 Conflict). */
export function transition(from: ItemStatus, action: ItemAction): ItemStatus {
  const to = TRANSITIONS[action][from];
  if (!to) throw new LifecycleError(action, from);
  return to;
}

export function canTransition(from: ItemStatus, action: ItemAction): boolean {
  return TRANSITIONS[action][from] !== undefined;
}

/** Only live items take part in matching and are visible to other enterprises. */
export function isLive(status: ItemStatus): boolean {
  return status === 'published';
}

/** A change is announced to other services only once the item has been public. */
export function isAnnounced(status: ItemStatus): boolean {
  return status !== 'draft';
}
