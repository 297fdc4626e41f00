import topicsFile from './topics.json';

/** Every topic the system uses, by owner. The JSON file is shared with deploy/local (topic creation). */
export const Topics = {
  ProfilesEnterprise: 'profiles.enterprise.v2',
  ProfilesOrganiser: 'profiles.organiser.v1',
  ProfilesCredential: 'profiles.credential.v1',
  ProfilesContactReveal: 'profiles.contact-reveal.v1',
  CatalogOffer: 'catalog.offer.v1',
  CatalogNeed: 'catalog.need.v1',
  MatchingMatch: 'matching.match.v1',
  MatchingIntroduction: 'matching.introduction.v1',
  MatchingReport: 'matching.report.v1',
  WorkshopsReport: 'workshops.report.v1',
  WorkshopsMeeting: 'workshops.meeting.v1',
} as const;
export type TopicName = (typeof Topics)[keyof typeof Topics];

export interface TopicSpec {
  name: string;
  partitions: number;
  compacted: boolean;
  /** The only service that may produce to the topic. */
  owner: string;
  /** What the Kafka key (= CloudEvents subject) is. */
  key: string;
}

export const TOPIC_SPECS: readonly TopicSpec[] = topicsFile.topics;
export const DLQ_SUFFIX: string = topicsFile.dlqSuffix;

export function dlqTopicOf(topic: string): string {
  return `${topic}${DLQ_SUFFIX}`;
}

export function topicSpec(name: string): TopicSpec | undefined {
  return TOPIC_SPECS.find((t) => t.name === name);
}

/** CloudEvents `source` of everything a service produces: `techbridge/<service>`. */
export function sourceOf(service: string): string {
  return `techbridge/${service}`;
}
