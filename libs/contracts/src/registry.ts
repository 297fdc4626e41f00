import { EventTypes } from './event-types';
import { CredentialIssuedV1, CredentialRevokedV1 } from './profiles/credential.v1';
import { EnterpriseSnapshotV1 } from './profiles/enterprise-snapshot.v1';
import { OrganiserRegisteredV1 } from './profiles/organiser-registered.v1';
import { NeedSnapshotV1, OfferSnapshotV1 } from './catalog/catalog-item-snapshot.v1';
import { NeedMatchedV1 } from './matching/need-matched.v1';
import { Topics } from './topics';

type PayloadClass = new () => object;

interface RegisteredEvent {
  topic: string;
  payload: PayloadClass;
}

/** Which payload class validates which event type, and on which topic it travels. */
export const EVENT_REGISTRY: Readonly<Record<string, RegisteredEvent>> = {
  [EventTypes.EnterpriseRegistered]: { topic: Topics.ProfilesEnterprise, payload: EnterpriseSnapshotV1 },
  [EventTypes.EnterpriseUpdated]: { topic: Topics.ProfilesEnterprise, payload: EnterpriseSnapshotV1 },
  [EventTypes.EnterpriseDeactivated]: { topic: Topics.ProfilesEnterprise, payload: EnterpriseSnapshotV1 },
  [EventTypes.OrganiserRegistered]: { topic: Topics.ProfilesEnterprise, payload: OrganiserRegisteredV1 },
  [EventTypes.CredentialIssued]: { topic: Topics.ProfilesEnterprise, payload: CredentialIssuedV1 },
  [EventTypes.CredentialRevoked]: { topic: Topics.ProfilesEnterprise, payload: CredentialRevokedV1 },
  [EventTypes.OfferPublished]: { topic: Topics.CatalogOffer, payload: OfferSnapshotV1 },
  [EventTypes.OfferUpdated]: { topic: Topics.CatalogOffer, payload: OfferSnapshotV1 },
  [EventTypes.OfferWithdrawn]: { topic: Topics.CatalogOffer, payload: OfferSnapshotV1 },
  [EventTypes.OfferExpired]: { topic: Topics.CatalogOffer, payload: OfferSnapshotV1 },
  [EventTypes.OfferClosed]: { topic: Topics.CatalogOffer, payload: OfferSnapshotV1 },
  [EventTypes.NeedPublished]: { topic: Topics.CatalogNeed, payload: NeedSnapshotV1 },
  [EventTypes.NeedUpdated]: { topic: Topics.CatalogNeed, payload: NeedSnapshotV1 },
  [EventTypes.NeedWithdrawn]: { topic: Topics.CatalogNeed, payload: NeedSnapshotV1 },
  [EventTypes.NeedExpired]: { topic: Topics.CatalogNeed, payload: NeedSnapshotV1 },
  [EventTypes.NeedClosed]: { topic: Topics.CatalogNeed, payload: NeedSnapshotV1 },
  [EventTypes.NeedMatched]: { topic: Topics.MatchingMatch, payload: NeedMatchedV1 },
};
