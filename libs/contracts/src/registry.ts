import { EventTypes } from './event-types';
import { CredentialSnapshotV1 } from './profiles/credential.v1';
import { EnterpriseSnapshotV1 } from './profiles/enterprise-snapshot.v1';
import { OrganiserRegisteredV1 } from './profiles/organiser-registered.v1';
import { NeedSnapshotV1, OfferSnapshotV1 } from './catalog/catalog-item-snapshot.v1';
import { NeedMatchedV1 } from './matching/need-matched.v1';
import { ReportComputedV1, ReportFailedV1 } from './matching/report-computed.v1';
import { MeetingOutcomeRecordedV1 } from './workshops/meeting-outcome-recorded.v1';
import { ReportRequestedV1 } from './workshops/report-requested.v1';
import { IntroductionEventV1, OutcomeRecordedV1 } from './matching/introduction.v1';
import { ContactsRevealedV1 } from './profiles/contacts-revealed.v1';
import { Topics } from './topics';

type PayloadClass = new () => object;

export interface RegisteredEvent {
  /** The one topic the type travels on. */
  topic: string;
  /** The one service that may produce it (its CloudEvents `source` is `techbridge/<producer>`). */
  producer: string;
  /** Validates `data` on both sides. */
  payload: PayloadClass;
  /** The payload is the whole state of the key (required on compacted topics). */
  snapshot: boolean;
}

const profiles = (topic: string, payload: PayloadClass): RegisteredEvent => ({ topic, producer: 'profiles', payload, snapshot: true });
const introduction = (payload: PayloadClass): RegisteredEvent => ({ topic: Topics.MatchingIntroduction, producer: 'matching', payload, snapshot: false });
const catalog = (topic: string, payload: PayloadClass): RegisteredEvent => ({ topic, producer: 'catalog', payload, snapshot: true });

/**
 * Which event types exist, on which topic each travels, which service produces it and which class
 * validates it. Consumers enforce it (libs/contracts `decodeEvent`): a type on another topic or from
 * another source is dead-lettered with the reason.
 */
export const EVENT_REGISTRY: Readonly<Record<string, RegisteredEvent>> = {
  [EventTypes.EnterpriseRegistered]: profiles(Topics.ProfilesEnterprise, EnterpriseSnapshotV1),
  [EventTypes.EnterpriseUpdated]: profiles(Topics.ProfilesEnterprise, EnterpriseSnapshotV1),
  [EventTypes.EnterpriseDeactivated]: profiles(Topics.ProfilesEnterprise, EnterpriseSnapshotV1),
  [EventTypes.OrganiserRegistered]: profiles(Topics.ProfilesOrganiser, OrganiserRegisteredV1),
  [EventTypes.CredentialIssued]: profiles(Topics.ProfilesCredential, CredentialSnapshotV1),
  [EventTypes.CredentialRevoked]: profiles(Topics.ProfilesCredential, CredentialSnapshotV1),
  [EventTypes.OfferPublished]: catalog(Topics.CatalogOffer, OfferSnapshotV1),
  [EventTypes.OfferUpdated]: catalog(Topics.CatalogOffer, OfferSnapshotV1),
  [EventTypes.OfferWithdrawn]: catalog(Topics.CatalogOffer, OfferSnapshotV1),
  [EventTypes.OfferExpired]: catalog(Topics.CatalogOffer, OfferSnapshotV1),
  [EventTypes.OfferClosed]: catalog(Topics.CatalogOffer, OfferSnapshotV1),
  [EventTypes.NeedPublished]: catalog(Topics.CatalogNeed, NeedSnapshotV1),
  [EventTypes.NeedUpdated]: catalog(Topics.CatalogNeed, NeedSnapshotV1),
  [EventTypes.NeedWithdrawn]: catalog(Topics.CatalogNeed, NeedSnapshotV1),
  [EventTypes.NeedExpired]: catalog(Topics.CatalogNeed, NeedSnapshotV1),
  [EventTypes.NeedClosed]: catalog(Topics.CatalogNeed, NeedSnapshotV1),
  [EventTypes.NeedMatched]: { topic: Topics.MatchingMatch, producer: 'matching', payload: NeedMatchedV1, snapshot: false },
  [EventTypes.ReportComputed]: { topic: Topics.MatchingReport, producer: 'matching', payload: ReportComputedV1, snapshot: false },
  [EventTypes.ReportFailed]: { topic: Topics.MatchingReport, producer: 'matching', payload: ReportFailedV1, snapshot: false },
  [EventTypes.ReportRequested]: { topic: Topics.WorkshopsReport, producer: 'workshops', payload: ReportRequestedV1, snapshot: false },
  [EventTypes.MeetingOutcomeRecorded]: { topic: Topics.WorkshopsMeeting, producer: 'workshops', payload: MeetingOutcomeRecordedV1, snapshot: false },
  [EventTypes.IntroductionRequested]: introduction(IntroductionEventV1),
  [EventTypes.IntroductionAccepted]: introduction(IntroductionEventV1),
  [EventTypes.IntroductionDeclined]: introduction(IntroductionEventV1),
  [EventTypes.IntroductionExpired]: introduction(IntroductionEventV1),
  [EventTypes.IntroductionReminderDue]: introduction(IntroductionEventV1),
  [EventTypes.OutcomeRecorded]: introduction(OutcomeRecordedV1),
  [EventTypes.ContactsRevealed]: { topic: Topics.ProfilesContactReveal, producer: 'profiles', payload: ContactsRevealedV1, snapshot: false },
};

/** The topic an event type travels on (throws for a type the registry does not know). */
export function topicOfType(type: string): string {
  const registered = EVENT_REGISTRY[type];
  if (!registered) throw new Error(`event type ${type} is not in libs/contracts' registry`);
  return registered.topic;
}

export function typesOnTopic(topic: string): string[] {
  return Object.entries(EVENT_REGISTRY)
    .filter(([, r]) => r.topic === topic)
    .map(([type]) => type);
}
