/** Event type names: `techbridge.<service>.<aggregate>.<what-happened>.v<N>`. */
export const EventTypes = {
  EnterpriseRegistered: 'techbridge.profiles.enterprise.registered.v1',
  EnterpriseUpdated: 'techbridge.profiles.enterprise.updated.v1',
  EnterpriseDeactivated: 'techbridge.profiles.enterprise.deactivated.v1',
  OrganiserRegistered: 'techbridge.profiles.organiser.registered.v1',
  /** v2: the whole credential (a snapshot keyed by key id), revoked ones included. */
  CredentialIssued: 'techbridge.profiles.credential.issued.v2',
  CredentialRevoked: 'techbridge.profiles.credential.revoked.v2',
  OfferPublished: 'techbridge.catalog.offer.published.v1',
  OfferUpdated: 'techbridge.catalog.offer.updated.v1',
  OfferWithdrawn: 'techbridge.catalog.offer.withdrawn.v1',
  OfferExpired: 'techbridge.catalog.offer.expired.v1',
  OfferClosed: 'techbridge.catalog.offer.closed.v1',
  NeedPublished: 'techbridge.catalog.need.published.v1',
  NeedUpdated: 'techbridge.catalog.need.updated.v1',
  NeedWithdrawn: 'techbridge.catalog.need.withdrawn.v1',
  NeedExpired: 'techbridge.catalog.need.expired.v1',
  NeedClosed: 'techbridge.catalog.need.closed.v1',
  NeedMatched: 'techbridge.matching.need.matched.v1',
  ReportComputed: 'techbridge.matching.report.computed.v1',
  ReportFailed: 'techbridge.matching.report.failed.v1',
  ReportRequested: 'techbridge.workshops.report.requested.v1',
  MeetingOutcomeRecorded: 'techbridge.workshops.meeting.outcome-recorded.v1',
  IntroductionRequested: 'techbridge.matching.introduction.requested.v1',
  IntroductionAccepted: 'techbridge.matching.introduction.accepted.v1',
  IntroductionDeclined: 'techbridge.matching.introduction.declined.v1',
  IntroductionExpired: 'techbridge.matching.introduction.expired.v1',
  IntroductionReminderDue: 'techbridge.matching.introduction.reminder-due.v1',
  OutcomeRecorded: 'techbridge.matching.outcome.recorded.v1',
  ContactsRevealed: 'techbridge.profiles.contacts.revealed.v1',
} as const;
export type EventType = (typeof EventTypes)[keyof typeof EventTypes];

/** `techbridge.catalog.offer.archived.v9` → `catalog` (the producing service named in a type). */
export function producerNamedIn(type: string): string | null {
  const m = /^techbridge\.([a-z][a-z0-9-]*)\./.exec(type);
  return m ? m[1] : null;
}
