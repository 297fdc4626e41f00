/**
 * The lifecycle of an introduction — plain TypeScript, no framework. One introduction per (need,
 * offer) pair while it is open: `requested` → `accepted` | `declined` | `expired`. A request from the
 * other side of an open request is mutual interest at once (accepted, `mutual`). Contact details may be
 * revealed only on an accepted introduction, and outcomes recorded only there.
 */
export type IntroductionStatus = 'requested' | 'accepted' | 'declined' | 'expired';
export type Side = 'need' | 'offer';

export interface IntroductionState {
  status: IntroductionStatus;
  requestedBy: Side;
  requesterEnterpriseId: string;
  recipientEnterpriseId: string;
  expiresAt: Date;
  remindAt: Date | null;
  remindedAt: Date | null;
}

/** Why the domain refuses: the use case turns it into the HTTP problem. */
export class IntroductionRuleError extends Error {
  constructor(
    readonly kind: 'not-found' | 'conflict' | 'unprocessable',
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

export interface PairFacts {
  needEnterpriseId: string;
  offerEnterpriseId: string;
  needCountry: string;
  offerCountry: string;
  needStatus: string;
  offerStatus: string;
}

/** Which side the caller is on, or a refusal: self-introduction and same-country pairs are 422, a pair that is not live 409. */
export function sideOf(callerId: string, pair: PairFacts): Side {
  if (pair.needEnterpriseId === pair.offerEnterpriseId) {
    throw new IntroductionRuleError('unprocessable', 'The need and the offer belong to the same enterprise: an enterprise cannot introduce itself to itself.', 'offerId');
  }
  if (pair.needCountry === pair.offerCountry) {
    throw new IntroductionRuleError('unprocessable', `The need and the offer are both from ${pair.needCountry}: introductions connect counterparts of different countries.`, 'offerId');
  }
  let side: Side;
  if (callerId === pair.needEnterpriseId) side = 'need';
  else if (callerId === pair.offerEnterpriseId) side = 'offer';
  else throw new IntroductionRuleError('unprocessable', 'Only the owner of the need or of the offer can ask for this introduction.', 'needId');
  assertPairLive(pair.needStatus, pair.offerStatus);
  return side;
}

/** Introductions are made, and accepted, only while both the need and the offer are live (409 otherwise). */
export function assertPairLive(needStatus: string | undefined, offerStatus: string | undefined): void {
  if (needStatus !== 'published') throw new IntroductionRuleError('conflict', `The need is ${needStatus ?? 'gone'}, not live.`, 'needId');
  if (offerStatus !== 'published') throw new IntroductionRuleError('conflict', `The offer is ${offerStatus ?? 'gone'}, not live.`, 'offerId');
}

export type RequestDecision =
  | { kind: 'create' }
  /** The same side asked again: the existing introduction, unchanged (idempotent). */
  | { kind: 'existing' }
  /** The other side had already asked: mutual interest, accepted at once. */
  | { kind: 'mutual' };

/** What a request for a pair does, given the pair's open introduction (requested or accepted), if any. */
export function decideRequest(open: IntroductionState | null, side: Side, now: Date): RequestDecision {
  if (!open) return { kind: 'create' };
  if (open.status === 'accepted') return { kind: 'existing' };
  if (open.requestedBy === side) return { kind: 'existing' };
  if (isPastExpiry(open, now)) return { kind: 'create' }; // the job has not marked it yet: the caller starts afresh
  return { kind: 'mutual' };
}

export function isPastExpiry(i: Pick<IntroductionState, 'expiresAt'>, now: Date): boolean {
  return i.expiresAt.getTime() <= now.getTime();
}

function assertRecipientCanAnswer(i: IntroductionState, callerId: string, now: Date, verb: string): void {
  if (callerId !== i.recipientEnterpriseId) {
    throw new IntroductionRuleError('conflict', `Only the enterprise the introduction was sent to can ${verb} it.`);
  }
  if (i.status !== 'requested') throw new IntroductionRuleError('conflict', `The introduction is ${i.status}; only a requested one can be ${verb === 'accept' ? 'accepted' : 'declined'}.`);
  if (isPastExpiry(i, now)) throw new IntroductionRuleError('conflict', 'The introduction has expired.');
}

/** `requested` → `accepted` by the recipient. Accepting an already accepted one changes nothing (returns false). */
export function accept(i: IntroductionState, callerId: string, now: Date): boolean {
  if (i.status === 'accepted' && callerId === i.recipientEnterpriseId) return false;
  assertRecipientCanAnswer(i, callerId, now, 'accept');
  i.status = 'accepted';
  return true;
}

/** `requested` → `declined` by the recipient, with a structured reason. */
export function decline(i: IntroductionState, callerId: string, now: Date): void {
  assertRecipientCanAnswer(i, callerId, now, 'decline');
  i.status = 'declined';
}

/** `requested` → `expired` once its time has passed (the sweep job); anything else stays. */
export function expire(i: IntroductionState, now: Date): boolean {
  if (i.status !== 'requested' || !isPastExpiry(i, now)) return false;
  i.status = 'expired';
  return true;
}

/** A requested introduction still waiting after the reminder delay gets one reminder, never two. */
export function reminderDue(i: IntroductionState, now: Date): boolean {
  return i.status === 'requested' && i.remindedAt === null && i.remindAt !== null && i.remindAt.getTime() <= now.getTime() && !isPastExpiry(i, now);
}

/** Contact details of either side may be shown to the other only when both expressed interest. */
export function contactsRevealable(i: Pick<IntroductionState, 'status'>): boolean {
  return i.status === 'accepted';
}

/** Outcomes belong to accepted introductions only. */
export function assertCanRecordOutcome(i: Pick<IntroductionState, 'status'>): void {
  if (i.status !== 'accepted') throw new IntroductionRuleError('conflict', `The introduction is ${i.status}: outcomes can be recorded only on an accepted introduction.`);
}

/** Contact details belong in profiles, revealed on mutual interest: a message must not carry them. */
const EMAIL = /[^\s@]+@[^\s@]+\.[^\s@]+/;
const PHONE = /\+?\d[\d\s().-]{7,}\d/;
export function messageCarriesContactDetails(message: string): boolean {
  return EMAIL.test(message) || PHONE.test(message);
}
