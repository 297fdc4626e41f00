/**
 * Input model of the report and agenda renderers.
 *
 * Plain data, JSON-serialisable (timestamps are ISO 8601 strings in UTC, dates are `YYYY-MM-DD`), no
 * framework types. The workshops service builds these from its database (and from the
 * `report.computed` reply of matching); the renderers in this folder turn them into CSV, XLSX, HTML,
 * PDF, a JSON agenda view and iCalendar without any I/O of their own (the PDF renderer reads its fonts
 * from the font packages). Every user-visible label comes pre-resolved in the languages we have: the
 * renderers never look anything up.
 */

/** BCP 47 tags of the languages the platform writes in. */
export type LanguageTag = 'en' | 'zh-Hans' | 'ur';

/** A label in English (always) plus Simplified Chinese and Urdu where known. */
export interface LocalizedText {
  en: string;
  'zh-Hans'?: string;
  ur?: string;
}

/** A sector of the taxonomy (`agriculture/seeds`) with its labels, as served by `GET /v1/taxonomy/sectors`. */
export interface SectorRef {
  code: string;
  labels: LocalizedText;
}

/** An ISO 3166-2 subdivision (`PK-PB`) with its labels. */
export interface RegionRef {
  code: string;
  labels: LocalizedText;
}

/** An enterprise as the report shows it. Contact details never appear in a report. */
export interface EnterpriseRef {
  id: string;
  /** English (display) name, e.g. "Yunnan Agricultural Science & Technology Co., Ltd." */
  name: string;
  /** Legal name in the enterprise's own script, e.g. 云南农业科技有限公司 or پنجاب زرعی تحقیقاتی ادارہ */
  legalName: string;
  country: 'CN' | 'PK';
  region?: RegionRef | null;
}

/** One scored counterpart of a need (an offer) or of an offer (a need), best first. */
export interface ScoredMatch {
  /** id of the counterpart offer (for a need) or need (for an offer) */
  id: string;
  title: string;
  /** language the title is written in */
  language: LanguageTag;
  enterprise: EnterpriseRef;
  /** 0–100 */
  score: number;
  /** short, explained reasons ("Sector: Irrigation", "TRL 7 ≥ required 6"), in the languages available */
  reasons: LocalizedText[];
}

/** A Pakistani technology need with its best Chinese offers above the threshold. */
export interface NeedReportEntry {
  id: string;
  title: string;
  language: LanguageTag;
  enterprise: EnterpriseRef;
  sectors: SectorRef[];
  /** province where the need is (ISO 3166-2), null if not stated */
  province: RegionRef | null;
  /** best first; empty when nothing scored at or above the threshold (then the need is also in `unmetNeeds`) */
  bestOffers: ScoredMatch[];
}

/** A Chinese technology offer with its best Pakistani needs above the threshold. */
export interface OfferReportEntry {
  id: string;
  title: string;
  language: LanguageTag;
  enterprise: EnterpriseRef;
  sectors: SectorRef[];
  targetRegions: RegionRef[];
  bestNeeds: ScoredMatch[];
}

/** A need for which nothing scored at or above the threshold. */
export interface UnmetNeed {
  id: string;
  title: string;
  language: LanguageTag;
  enterprise: EnterpriseRef;
  /** best score found below the threshold, null if no offer passed the hard filters */
  bestScore: number | null;
  /** what one change would make it match ("TRL 5 < required 7"), if matching said so */
  nearMiss?: string | null;
}

/**
 * Unmet needs of one (sector, province) cell: what to recruit for next time. The count is
 * `needs.length`. A need with several sectors appears under its primary (first) sector only.
 */
export interface UnmetNeedGroup {
  sector: SectorRef;
  province: RegionRef | null;
  needs: UnmetNeed[];
}

/** Per-sector counts over the participants' live offers and needs (top-level or sub-sector codes). */
export interface SectorCount {
  sector: SectorRef;
  offers: number;
  needs: number;
  /** needs with at least one offer at or above the threshold */
  matchedNeeds: number;
}

/** A workshop participant as the schedule shows it. */
export interface ParticipantRef {
  id: string;
  enterprise: EnterpriseRef;
  /** IANA time zone the participant works in (its venue's, or its own when online) */
  timeZone: string;
  languages: LanguageTag[];
  /** venue id where it attends in person, null when online */
  venueId: string | null;
}

export interface InterpreterRef {
  /** the language pair the interpreter bridges */
  languages: [LanguageTag, LanguageTag];
  name?: string;
}

/** One scheduled one-to-one meeting. `a` is conventionally the Chinese side, `b` the Pakistani side. */
export interface ScheduledMeeting {
  id: string;
  startUtc: string;
  endUtc: string;
  /** venue of an in-person meeting, null for an online meeting */
  venueId: string | null;
  /** table number at the venue, null online */
  table: number | null;
  a: ParticipantRef;
  b: ParticipantRef;
  interpreter?: InterpreterRef | null;
  /** match score of the pair, 0–100 */
  score: number;
  /** both sides wished to meet */
  mutual: boolean;
  /** topic: the need / offer titles the pair is matched on */
  topic: string;
  /** why this pair and why this slot, from the scheduler */
  why: string;
}

/** A wished pair the scheduler could not place, with the constraint that prevented it. */
export interface UnscheduledWish {
  a: ParticipantRef;
  b: ParticipantRef;
  /** stable code, e.g. `no-common-slot`, `no-interpreter`, `cap-reached`, `no-free-table` */
  reasonCode: string;
  reason: string;
}

export interface VenueRef {
  id: string;
  city: LocalizedText;
  /** IANA time zone, e.g. `Asia/Shanghai`, `Asia/Karachi` */
  timeZone: string;
  /** venue name (hotel, centre), optional */
  name?: LocalizedText;
  tables?: number;
}

export type WorkshopMode = 'offline' | 'online' | 'hybrid';

export interface WorkshopRef {
  id: string;
  title: LocalizedText;
  mode: WorkshopMode;
  /** event days, `YYYY-MM-DD` */
  days: string[];
  venues: VenueRef[];
}

/** Everything a workshop match report shows. */
export interface WorkshopReportModel {
  reportId: string;
  workshop: WorkshopRef;
  /** ISO 8601 UTC */
  generatedAt: string;
  /** minimum score (0–100) for a pair to count as a match */
  threshold: number;
  /** every Pakistani need brought to the workshop with its best Chinese offers */
  needs: NeedReportEntry[];
  /** every Chinese offer brought to the workshop with its best Pakistani needs */
  offers: OfferReportEntry[];
  unmetNeeds: UnmetNeedGroup[];
  sectorCounts: SectorCount[];
  schedule: {
    meetings: ScheduledMeeting[];
    unscheduledWishes: UnscheduledWish[];
  };
}

/** One meeting in a participant's agenda. */
export interface AgendaMeeting {
  id: string;
  startUtc: string;
  endUtc: string;
  counterpart: {
    id: string;
    name: string;
    legalName: string;
    country: 'CN' | 'PK';
    languages: LanguageTag[];
  };
  /** the venue of an in-person meeting, null for an online meeting */
  venue: VenueRef | null;
  table: number | null;
  /** link of an online meeting room, if the organiser set one */
  onlineUrl?: string | null;
  interpreter?: InterpreterRef | null;
  /** what the meeting is about: the matched need / offer titles */
  topic: string;
  score?: number;
  mutual?: boolean;
}

/** What one participant sees of a workshop: its own meetings only. */
export interface AgendaModel {
  workshop: WorkshopRef;
  /** ISO 8601 UTC; used as DTSTAMP in the .ics */
  generatedAt: string;
  participant: {
    id: string;
    name: string;
    legalName?: string;
    /** IANA time zone the agenda is shown in */
    timeZone: string;
    languages: LanguageTag[];
  };
  meetings: AgendaMeeting[];
}
