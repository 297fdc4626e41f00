import {
  IntroductionRuleError,
  IntroductionState,
  accept,
  assertCanRecordOutcome,
  assertPairLive,
  contactsRevealable,
  decideRequest,
  decline,
  expire,
  messageCarriesContactDetails,
  reminderDue,
  sideOf,
} from './introduction';

const NOW = new Date('2026-12-02T10:00:00Z');
const days = (n: number) => new Date(NOW.getTime() + n * 86_400_000);
const PK = 'pk-enterprise';
const CN = 'cn-enterprise';

function requested(over: Partial<IntroductionState> = {}): IntroductionState {
  return { status: 'requested', requestedBy: 'need', requesterEnterpriseId: PK, recipientEnterpriseId: CN, expiresAt: days(14), remindAt: days(7), remindedAt: null, ...over };
}

const pair = { needEnterpriseId: PK, offerEnterpriseId: CN, needCountry: 'PK', offerCountry: 'CN', needStatus: 'published', offerStatus: 'published' };

function refusal(fn: () => unknown): IntroductionRuleError {
  try {
    fn();
  } catch (err) {
    if (err instanceof IntroductionRuleError) return err;
    throw err;
  }
  throw new Error('expected a refusal');
}

describe('introduction lifecycle', () => {
  it('knows the caller’s side and refuses self-introductions, same-country pairs (422) and pairs that are not live (409)', () => {
    expect(sideOf(PK, pair)).toBe('need');
    expect(sideOf(CN, pair)).toBe('offer');
    expect(refusal(() => sideOf(PK, { ...pair, offerEnterpriseId: PK })).kind).toBe('unprocessable');
    expect(refusal(() => sideOf(PK, { ...pair, offerCountry: 'PK' })).kind).toBe('unprocessable');
    expect(refusal(() => sideOf('third', pair)).kind).toBe('unprocessable');
    expect(refusal(() => sideOf(PK, { ...pair, offerStatus: 'withdrawn' }))).toMatchObject({ kind: 'conflict', field: 'offerId' });
    expect(refusal(() => sideOf(CN, { ...pair, needStatus: 'expired' }))).toMatchObject({ kind: 'conflict', field: 'needId' });
    expect(refusal(() => assertPairLive('published', undefined))).toMatchObject({ kind: 'conflict', field: 'offerId' });
    expect(() => assertPairLive('published', 'published')).not.toThrow();
  });

  it('creates, returns the existing one for the same side, and is mutual at once when the other side asks', () => {
    expect(decideRequest(null, 'need', NOW)).toEqual({ kind: 'create' });
    expect(decideRequest(requested(), 'need', NOW)).toEqual({ kind: 'existing' });
    expect(decideRequest(requested(), 'offer', NOW)).toEqual({ kind: 'mutual' });
    expect(decideRequest(requested({ status: 'accepted' }), 'offer', NOW)).toEqual({ kind: 'existing' });
    // past its expiry but not yet swept: the other side starts a new one rather than reviving it
    expect(decideRequest(requested({ expiresAt: days(-1) }), 'offer', NOW)).toEqual({ kind: 'create' });
  });

  it('requested → accepted by the recipient only; accepting again changes nothing', () => {
    const i = requested();
    expect(refusal(() => accept(i, PK, NOW)).kind).toBe('conflict');
    expect(i.status).toBe('requested');
    expect(accept(i, CN, NOW)).toBe(true);
    expect(i.status).toBe('accepted');
    expect(accept(i, CN, NOW)).toBe(false);
    expect(refusal(() => decline(i, CN, NOW)).kind).toBe('conflict');
  });

  it('requested → declined by the recipient; a declined one can be neither accepted nor declined again', () => {
    const i = requested();
    decline(i, CN, NOW);
    expect(i.status).toBe('declined');
    expect(refusal(() => accept(i, CN, NOW)).kind).toBe('conflict');
    expect(refusal(() => decline(i, CN, NOW)).kind).toBe('conflict');
  });

  it('requested → expired once its time has passed; an answered one never expires; an expired one cannot be accepted', () => {
    const i = requested({ expiresAt: days(-1) });
    expect(refusal(() => accept(i, CN, NOW)).kind).toBe('conflict');
    expect(expire(i, NOW)).toBe(true);
    expect(i.status).toBe('expired');
    expect(expire(i, NOW)).toBe(false);
    expect(expire(requested(), NOW)).toBe(false);
    expect(expire(requested({ status: 'accepted', expiresAt: days(-1) }), NOW)).toBe(false);
  });

  it('a reminder is due once, only while the request waits', () => {
    expect(reminderDue(requested({ remindAt: days(-1) }), NOW)).toBe(true);
    expect(reminderDue(requested({ remindAt: days(1) }), NOW)).toBe(false);
    expect(reminderDue(requested({ remindAt: days(-1), remindedAt: days(-1) }), NOW)).toBe(false);
    expect(reminderDue(requested({ remindAt: days(-1), status: 'accepted' }), NOW)).toBe(false);
  });

  it('reveals contact details only on mutual interest, and takes outcomes only on accepted introductions', () => {
    expect(contactsRevealable({ status: 'requested' })).toBe(false);
    expect(contactsRevealable({ status: 'declined' })).toBe(false);
    expect(contactsRevealable({ status: 'expired' })).toBe(false);
    expect(contactsRevealable({ status: 'accepted' })).toBe(true);
    expect(refusal(() => assertCanRecordOutcome({ status: 'requested' })).kind).toBe('conflict');
    expect(() => assertCanRecordOutcome({ status: 'accepted' })).not.toThrow();
  });

  it('spots contact details smuggled into a message', () => {
    expect(messageCarriesContactDetails('write to me at ali@example.pk')).toBe(true);
    expect(messageCarriesContactDetails('call +92 300 1234567')).toBe(true);
    expect(messageCarriesContactDetails('We need TRL 7 pumps for 5000 farms in Sindh by 2027.')).toBe(false);
  });
});
