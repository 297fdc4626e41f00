/**
 * draft → open (enterprises may apply) → scheduled (a schedule is published) → held → closed. A
 * scheduled workshop may reopen to reschedule; a draft or open one may be cancelled (closed).
 */
export const WORKSHOP_STATUSES = ['draft', 'open', 'scheduled', 'held', 'closed'] as const;
export type WorkshopStatus = (typeof WORKSHOP_STATUSES)[number];

const NEXT: Record<WorkshopStatus, readonly WorkshopStatus[]> = {
  draft: ['open', 'closed'],
  open: ['scheduled', 'closed'],
  scheduled: ['open', 'held', 'closed'],
  held: ['closed'],
  closed: [],
};

export function canMove(from: WorkshopStatus, to: WorkshopStatus): boolean {
  return NEXT[from].includes(to);
}

export function allowedNext(from: WorkshopStatus): readonly WorkshopStatus[] {
  return NEXT[from];
}

/** The plan (dates, venues, sessions …) can change until the workshop has been held. */
export function isPlanEditable(status: WorkshopStatus): boolean {
  return status === 'draft' || status === 'open' || status === 'scheduled';
}

/** Enterprises may apply, and the organiser add or remove participants, before the event. */
export function acceptsParticipants(status: WorkshopStatus): boolean {
  return status === 'draft' || status === 'open' || status === 'scheduled';
}

/** Non-draft workshops are public: enterprises find them and apply. */
export function isPublic(status: WorkshopStatus): boolean {
  return status !== 'draft';
}
