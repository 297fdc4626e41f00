import { createHash } from 'node:crypto';
import type { ReportItemV1, ReportPairV1 } from '@techbridge/contracts';
import {
  Attendance,
  AvailabilityWindow,
  CandidatePair,
  Participant,
  Schedule,
  SchedulingInput,
  buildSchedule,
  pairKey,
  renderReason,
} from '@techbridge/scheduling';
import { getSector, parentSector, regionLabel } from '@techbridge/taxonomy';
import type {
  EnterpriseRef,
  LanguageTag,
  LocalizedText,
  NeedReportEntry,
  OfferReportEntry,
  ParticipantRef,
  RegionRef,
  ScheduledMeeting,
  ScoredMatch,
  SectorCount,
  SectorRef,
  UnmetNeedGroup,
  UnscheduledWish,
  WorkshopReportModel,
} from '../render/report.model';
import { WorkshopPlan, daysOf, toSchedulingWorkshop } from '../../workshops/domain/workshop-plan';

export interface ReportWorkshop extends WorkshopPlan {
  id: string;
  title: { en: string; 'zh-Hans': string; ur?: string };
  venues: (WorkshopPlan['venues'][number] & { city: LocalizedText; name?: LocalizedText })[];
  defaultMaxMeetings: number | null;
}

export interface ReportParticipant {
  enterpriseId: string;
  attendance: Attendance;
  availability: AvailabilityWindow[] | null;
  languages: string[];
  maxMeetings: number | null;
}

export interface ReportEnterprise {
  id: string;
  legalName: string;
  englishName: string;
  country: 'CN' | 'PK';
  region: string | null;
  languages: string[];
}

export interface ReportInput {
  reportId: string;
  generatedAt: string;
  threshold: number;
  workshop: ReportWorkshop;
  participants: ReportParticipant[];
  enterprises: Map<string, ReportEnterprise>;
  items: ReportItemV1[];
  pairs: ReportPairV1[];
  /** `from → to`: enterprise ids a participant wants to meet */
  wishes: { from: string; to: string }[];
}

const LANGS: readonly LanguageTag[] = ['en', 'zh-Hans', 'ur'];

/** A stable id from parts (the same report → the same meeting ids): a name-based UUID (v5 layout). */
export function stableId(...parts: string[]): string {
  const h = createHash('sha1').update(parts.join('\u0000')).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h[16], 16) & 0x3) | 0x8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

function sectorRef(code: string): SectorRef {
  const s = getSector(code);
  return { code, labels: s ? { ...s.labels } : { en: code } };
}

function regionRef(code: string | null | undefined): RegionRef | null {
  if (!code) return null;
  return { code, labels: { en: regionLabel(code, 'en'), 'zh-Hans': regionLabel(code, 'zh-Hans'), ur: regionLabel(code, 'ur') } };
}

function topSector(code: string): string {
  return parentSector(code) ?? code;
}

/**
 * The workshop match report and its meeting schedule, from matching's pairs and the workshop's plan,
 * participants and wishes. Pure and deterministic: the same input gives the same report, meeting ids
 * included (they are derived from the report id and the pair).
 */
export function buildReport(input: ReportInput): { model: WorkshopReportModel; schedule: Schedule } {
  const { workshop, enterprises } = input;
  const enterpriseRef = (id: string): EnterpriseRef => {
    const e = enterprises.get(id);
    return e
      ? { id, name: e.englishName, legalName: e.legalName, country: e.country, region: regionRef(e.region) }
      : { id, name: id, legalName: id, country: 'CN', region: null };
  };
  const items = new Map(input.items.map((i) => [i.id, i]));
  const pairsByNeed = new Map<string, ReportPairV1[]>();
  const pairsByOffer = new Map<string, ReportPairV1[]>();
  for (const p of [...input.pairs].sort((a, b) => b.score - a.score || (a.offerId < b.offerId ? -1 : 1))) {
    pairsByNeed.set(p.needId, [...(pairsByNeed.get(p.needId) ?? []), p]);
    pairsByOffer.set(p.offerId, [...(pairsByOffer.get(p.offerId) ?? []), p]);
  }
  const scored = (p: ReportPairV1, counterpartId: string): ScoredMatch => {
    const c = items.get(counterpartId)!;
    return {
      id: counterpartId,
      title: c.title,
      language: c.language,
      enterprise: enterpriseRef(c.enterpriseId),
      score: p.score,
      reasons: p.reasons.map((r) => ({ en: r.en, 'zh-Hans': r['zh-Hans'], ur: r.ur })),
    };
  };
  const byTitle = <T extends { title: string; id: string }>(a: T, b: T) => (a.title < b.title ? -1 : a.title > b.title ? 1 : a.id < b.id ? -1 : 1);
  const needItems = input.items.filter((i) => i.kind === 'need').sort(byTitle);
  const offerItems = input.items.filter((i) => i.kind === 'offer').sort(byTitle);

  const needs: NeedReportEntry[] = needItems.map((n) => ({
    id: n.id,
    title: n.title,
    language: n.language,
    enterprise: enterpriseRef(n.enterpriseId),
    sectors: n.sectors.map(sectorRef),
    province: regionRef(n.regions[0]),
    bestOffers: (pairsByNeed.get(n.id) ?? []).filter((p) => items.has(p.offerId)).map((p) => scored(p, p.offerId)),
  }));
  const offers: OfferReportEntry[] = offerItems.map((o) => ({
    id: o.id,
    title: o.title,
    language: o.language,
    enterprise: enterpriseRef(o.enterpriseId),
    sectors: o.sectors.map(sectorRef),
    targetRegions: o.regions.map((r) => regionRef(r)!),
    bestNeeds: (pairsByOffer.get(o.id) ?? []).filter((p) => items.has(p.needId)).map((p) => scored(p, p.needId)),
  }));

  // Unmet needs by (primary sector, province): what to recruit for next time.
  const groups = new Map<string, UnmetNeedGroup>();
  for (const n of needItems.filter((i) => (pairsByNeed.get(i.id) ?? []).length === 0)) {
    const sector = n.sectors[0] ?? 'other';
    const province = n.regions[0] ?? null;
    const key = `${sector}|${province ?? ''}`;
    const g = groups.get(key) ?? { sector: sectorRef(sector), province: regionRef(province), needs: [] };
    g.needs.push({
      id: n.id,
      title: n.title,
      language: n.language,
      enterprise: enterpriseRef(n.enterpriseId),
      bestScore: n.bestScore ?? null,
      nearMiss: n.nearMiss?.en ?? null,
    });
    groups.set(key, g);
  }
  const unmetNeeds = [...groups.values()].sort((a, b) => b.needs.length - a.needs.length || (a.sector.code < b.sector.code ? -1 : 1));

  const counts = new Map<string, SectorCount>();
  const count = (code: string) => {
    const top = topSector(code);
    const c = counts.get(top) ?? { sector: sectorRef(top), offers: 0, needs: 0, matchedNeeds: 0 };
    counts.set(top, c);
    return c;
  };
  for (const o of offerItems) for (const top of new Set(o.sectors.map(topSector))) count(top).offers += 1;
  for (const n of needItems) {
    for (const top of new Set(n.sectors.map(topSector))) {
      const c = count(top);
      c.needs += 1;
      if ((pairsByNeed.get(n.id) ?? []).length > 0) c.matchedNeeds += 1;
    }
  }
  const sectorCounts = [...counts.values()].sort((a, b) => b.needs + b.offers - (a.needs + a.offers) || (a.sector.code < b.sector.code ? -1 : 1));

  const { schedule, meetings, unscheduledWishes } = scheduleMeetings(input, enterpriseRef, items);

  const model: WorkshopReportModel = {
    reportId: input.reportId,
    workshop: {
      id: workshop.id,
      title: { ...workshop.title },
      mode: workshop.mode,
      days: daysOf(workshop.startDate, workshop.endDate),
      venues: workshop.venues.map((v) => ({ id: v.id, city: { ...v.city }, timeZone: v.timeZone, tables: v.tables, ...(v.name ? { name: { ...v.name } } : {}) })),
    },
    generatedAt: input.generatedAt,
    threshold: input.threshold,
    needs,
    offers,
    unmetNeeds,
    sectorCounts,
    schedule: { meetings, unscheduledWishes },
  };
  return { model, schedule };
}

function scheduleMeetings(
  input: ReportInput,
  enterpriseRef: (id: string) => EnterpriseRef,
  items: Map<string, ReportItemV1>,
): { schedule: Schedule; meetings: ScheduledMeeting[]; unscheduledWishes: UnscheduledWish[] } {
  const { workshop } = input;
  const participants = new Map(input.participants.map((p) => [p.enterpriseId, p]));
  const wished = new Set(input.wishes.map((w) => `${w.from}|${w.to}`));

  // Enterprise pairs: the best need–offer pair between two participants decides the score and topic.
  const best = new Map<string, { a: string; b: string; score: number; topic: string }>();
  for (const p of input.pairs) {
    const need = items.get(p.needId);
    const offer = items.get(p.offerId);
    if (!need || !offer || need.enterpriseId === offer.enterpriseId) continue;
    if (!participants.has(need.enterpriseId) || !participants.has(offer.enterpriseId)) continue;
    const key = pairKey(need.enterpriseId, offer.enterpriseId);
    const current = best.get(key);
    if (!current || p.score > current.score) best.set(key, { a: offer.enterpriseId, b: need.enterpriseId, score: p.score, topic: `${need.title} ↔ ${offer.title}` });
  }
  const pairs: CandidatePair[] = [...best.values()].map((p) => ({
    a: p.a,
    b: p.b,
    score: p.score,
    aWantsB: wished.has(`${p.a}|${p.b}`),
    bWantsA: wished.has(`${p.b}|${p.a}`),
  }));

  const schedulingParticipants: Participant[] = input.participants.map((p) => {
    const e = input.enterprises.get(p.enterpriseId);
    const languages = p.languages.length > 0 ? p.languages : e?.languages.length ? e.languages : ['en'];
    const cap = p.maxMeetings ?? workshop.defaultMaxMeetings;
    return {
      id: p.enterpriseId,
      country: e?.country ?? 'CN',
      attendance: p.attendance,
      ...(p.availability ? { availability: p.availability } : {}),
      languages,
      ...(cap ? { maxMeetings: cap } : {}),
    };
  });
  const schedulingInput: SchedulingInput = {
    workshop: toSchedulingWorkshop(workshop),
    participants: schedulingParticipants,
    pairs,
    interpreters: workshop.interpreters.map((i) => ({ ...i, languages: [i.languages[0], i.languages[1]] as [string, string] })),
  };
  const schedule = buildSchedule(schedulingInput);

  const venueZone = new Map(workshop.venues.map((v) => [v.id, v.timeZone]));
  const participantRef = (id: string): ParticipantRef => {
    const p = participants.get(id)!;
    const sp = schedulingParticipants.find((x) => x.id === id)!;
    const timeZone = p.attendance.kind === 'venue' ? (venueZone.get(p.attendance.venueId) ?? 'UTC') : p.attendance.timeZone;
    return {
      id,
      enterprise: enterpriseRef(id),
      timeZone,
      languages: sp.languages.filter((l): l is LanguageTag => (LANGS as string[]).includes(l)),
      venueId: p.attendance.kind === 'venue' ? p.attendance.venueId : null,
    };
  };
  // Chinese side first in every meeting, as the report shows it.
  const ordered = (x: string, y: string) => (enterpriseRef(x).country === 'CN' || enterpriseRef(y).country !== 'CN' ? [x, y] : [y, x]);
  const tablesUsed = new Map<string, number>();
  const meetings: ScheduledMeeting[] = schedule.meetings.map((m) => {
    const [a, b] = ordered(m.a, m.b);
    const venueId = m.kind === 'online' ? null : (participants.get(a)!.attendance.kind === 'venue' ? (participants.get(a)!.attendance as { venueId: string }).venueId : m.venueIds[0]) ?? null;
    let table: number | null = null;
    if (venueId) {
      const k = `${venueId}|${m.startUtc}`;
      table = (tablesUsed.get(k) ?? 0) + 1;
      tablesUsed.set(k, table);
    }
    const pool = m.interpreterPoolId ? workshop.interpreters.find((i) => i.id === m.interpreterPoolId) : undefined;
    const zone = venueId ? (venueZone.get(venueId) ?? 'UTC') : participantRef(a).timeZone;
    const info = best.get(m.key);
    return {
      id: stableId(input.reportId, m.key),
      startUtc: m.startUtc,
      endUtc: m.endUtc,
      venueId,
      table,
      a: participantRef(a),
      b: participantRef(b),
      interpreter: pool ? { languages: [pool.languages[0], pool.languages[1]] as [LanguageTag, LanguageTag] } : null,
      score: m.score,
      mutual: wished.has(`${m.a}|${m.b}`) && wished.has(`${m.b}|${m.a}`),
      topic: info?.topic ?? '',
      why: `${renderReason(m.why.pair, 'en')} ${renderReason(m.why.slot, 'en', { timeZone: zone })}`,
    };
  });
  const unscheduledWishes: UnscheduledWish[] = schedule.unscheduled
    .filter((u) => u.aWantsB || u.bWantsA)
    .map((u) => {
      const [a, b] = ordered(u.a, u.b);
      return { a: participantRef(a), b: participantRef(b), reasonCode: u.reason.code, reason: renderReason(u.reason, 'en') };
    });
  return { schedule, meetings, unscheduledWishes };
}
