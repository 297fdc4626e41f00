/**
 * Reasons as one short sentence in en / zh-Hans / ur. Ids in the params are shown through `labels`
 * (e.g. participant and venue names) when given; `startUtc` is shown as local time in `timeZone`.
 */
import { utcToLocal } from '../time/zoned-time';
import type { Reason, ReasonCode, ReasonParam } from './reason-codes';

export type ReasonLanguage = 'en' | 'zh-Hans' | 'ur';

export interface RenderOptions {
  /** display names for ids (participants, venues, pools) */
  labels?: Record<string, string>;
  /** time zone for `{start}` (default UTC) */
  timeZone?: string;
}

type Templates = Record<ReasonLanguage, string>;

const T: Record<ReasonCode, Templates> = {
  'pair.mutual-wish': {
    en: 'Both asked to meet (score {score}, ×{factor} for a mutual wish)',
    'zh-Hans': '双方互选（匹配分{score}，互选权重×{factor}）',
    ur: 'دونوں نے ملاقات کی خواہش کی (اسکور {score}، باہمی خواہش پر ×{factor})',
  },
  'pair.one-sided-wish': {
    en: '{wishedBy} asked to meet {wished} (score {score}, ×{factor})',
    'zh-Hans': '{wishedBy}希望与{wished}会谈（匹配分{score}，权重×{factor}）',
    ur: '{wishedBy} نے {wished} سے ملاقات کی خواہش کی (اسکور {score}، ×{factor})',
  },
  'pair.score': {
    en: 'Match score {score} (rank {rank} of {candidates} candidate pairs)',
    'zh-Hans': '匹配分{score}（在{candidates}对候选中排第{rank}）',
    ur: 'میچ اسکور {score} ({candidates} ممکنہ جوڑوں میں درجہ {rank})',
  },
  'slot.only-option': {
    en: 'The only slot in which both can meet: {start}',
    'zh-Hans': '双方唯一可以会谈的时段：{start}',
    ur: 'واحد وقت جس میں دونوں مل سکتے ہیں: {start}',
  },
  'slot.earliest-feasible': {
    en: 'The earliest slot in which both are available: {start}',
    'zh-Hans': '双方均有空的最早时段：{start}',
    ur: 'سب سے پہلا وقت جب دونوں دستیاب ہیں: {start}',
  },
  'slot.earliest-free': {
    en: 'The earliest slot still free for both: {start} ({earlierTaken} earlier slots taken by other meetings)',
    'zh-Hans': '双方最早仍空闲的时段：{start}（更早的{earlierTaken}个时段已被其他会谈占用）',
    ur: 'دونوں کے لیے سب سے پہلا خالی وقت: {start} (اس سے پہلے کے {earlierTaken} اوقات دوسری ملاقاتوں میں ہیں)',
  },
  'unscheduled.online-not-offered': {
    en: '{participantId} attends online, but the workshop is in person only',
    'zh-Hans': '{participantId}线上参会，但本次活动仅限线下',
    ur: '{participantId} آن لائن شریک ہے، لیکن ورکشاپ صرف بالمشافہ ہے',
  },
  'unscheduled.in-person-not-offered': {
    en: 'Both are at {venueId}, but the workshop is online only',
    'zh-Hans': '双方都在{venueId}，但本次活动仅限线上',
    ur: 'دونوں {venueId} میں ہیں، لیکن ورکشاپ صرف آن لائن ہے',
  },
  'unscheduled.different-venues': {
    en: 'At different venues ({venueA}, {venueB}) with no video meetings between venues',
    'zh-Hans': '分处不同会场（{venueA}、{venueB}），会场之间不安排视频会谈',
    ur: 'مختلف مقامات ({venueA}، {venueB}) پر ہیں اور مقامات کے درمیان ویڈیو ملاقات نہیں',
  },
  'unscheduled.no-video-table': {
    en: '{venueId} has no video table for a remote meeting',
    'zh-Hans': '{venueId}没有可用于远程会谈的视频桌',
    ur: '{venueId} میں دور کی ملاقات کے لیے ویڈیو میز نہیں',
  },
  'unscheduled.no-language': {
    en: 'No common language ({languagesA} / {languagesB}) and no interpreter for them',
    'zh-Hans': '没有共同语言（{languagesA} / {languagesB}），也没有相应的翻译',
    ur: 'کوئی مشترکہ زبان نہیں ({languagesA} / {languagesB}) اور ان کے لیے کوئی مترجم نہیں',
  },
  'unscheduled.outside-working-hours': {
    en: 'Never both within their working hours ({timeZoneA}, {timeZoneB})',
    'zh-Hans': '双方的工作时间没有重叠（{timeZoneA}、{timeZoneB}）',
    ur: 'دونوں کے کام کے اوقات کبھی ایک ساتھ نہیں ({timeZoneA}، {timeZoneB})',
  },
  'unscheduled.no-common-availability': {
    en: 'There is no time at which both are available',
    'zh-Hans': '双方没有共同的空闲时间',
    ur: 'کوئی ایسا وقت نہیں جب دونوں دستیاب ہوں',
  },
  'unscheduled.no-interpreter-available': {
    en: 'No interpreter for them is on duty when both are available',
    'zh-Hans': '双方均有空时没有相应的翻译在岗',
    ur: 'جب دونوں دستیاب ہیں تب ان کے لیے کوئی مترجم موجود نہیں',
  },
  'unscheduled.cap-reached': {
    en: '{participantId} already has its maximum of {cap} meetings',
    'zh-Hans': '{participantId}的会谈已达上限{cap}场',
    ur: '{participantId} کی زیادہ سے زیادہ {cap} ملاقاتیں پہلے ہی طے ہیں',
  },
  'unscheduled.party-busy': {
    en: 'In all {slots} possible slots {participantIds} already has another meeting',
    'zh-Hans': '在全部{slots}个可行时段，{participantIds}都已有其他会谈',
    ur: 'تمام {slots} ممکنہ اوقات میں {participantIds} کی پہلے سے دوسری ملاقات ہے',
  },
  'unscheduled.no-free-table': {
    en: 'All tables at {venueIds} are taken in every slot in which both are free',
    'zh-Hans': '在双方都空闲的时段，{venueIds}的会谈桌均已占满',
    ur: 'جن اوقات میں دونوں فارغ ہیں ان میں {venueIds} کی تمام میزیں مصروف ہیں',
  },
  'unscheduled.no-free-video-table': {
    en: 'All video tables at {venueIds} are taken in every slot in which both are free',
    'zh-Hans': '在双方都空闲的时段，{venueIds}的视频桌均已占满',
    ur: 'جن اوقات میں دونوں فارغ ہیں ان میں {venueIds} کی تمام ویڈیو میزیں مصروف ہیں',
  },
  'unscheduled.no-free-interpreter': {
    en: 'Every interpreter who could serve them is in another meeting whenever both are free',
    'zh-Hans': '双方都空闲时，能为他们翻译的译员都在其他会谈中',
    ur: 'جب دونوں فارغ ہیں تو ہر ممکنہ مترجم کسی دوسری ملاقات میں ہے',
  },
  'unscheduled.slots-taken': {
    en: 'All {slots} possible slots are taken (a party busy: {partyBusy}, tables full: {tablesFull}, video tables full: {videoTablesFull}, interpreters busy: {interpretersBusy})',
    'zh-Hans':
      '全部{slots}个可行时段均已占用（一方已有会谈：{partyBusy}，会谈桌已满：{tablesFull}，视频桌已满：{videoTablesFull}，翻译繁忙：{interpretersBusy}）',
    ur: 'تمام {slots} ممکنہ اوقات بھرے ہوئے ہیں (فریق مصروف: {partyBusy}، میزیں بھری: {tablesFull}، ویڈیو میزیں بھری: {videoTablesFull}، مترجم مصروف: {interpretersBusy})',
  },
  'unscheduled.could-be-added': {
    en: 'Could still be added at {start}',
    'zh-Hans': '仍可安排在{start}',
    ur: 'ابھی بھی {start} پر شامل کی جا سکتی ہے',
  },
};

const LIST_SEP: Record<ReasonLanguage, string> = { en: ', ', 'zh-Hans': '、', ur: '، ' };

export function renderReason(reason: Reason, language: ReasonLanguage, options: RenderOptions = {}): string {
  const template = T[reason.code]?.[language] ?? T[reason.code]?.en ?? reason.code;
  const label = (x: string) => options.labels?.[x] ?? x;
  const show = (v: ReasonParam): string =>
    Array.isArray(v) ? v.map(label).join(LIST_SEP[language]) : typeof v === 'string' ? label(v) : String(v);
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (name === 'start') return formatStart(reason.params.startUtc, options.timeZone);
    const v = reason.params[name];
    return v === undefined ? '' : show(v);
  });
}

function formatStart(startUtc: ReasonParam | undefined, timeZone: string | undefined): string {
  if (typeof startUtc !== 'string') return '';
  const ms = Date.parse(startUtc);
  if (!Number.isFinite(ms)) return startUtc;
  const zone = timeZone ?? 'UTC';
  const l = utcToLocal(ms, zone);
  return `${l.date} ${l.time} (${zone === 'UTC' ? 'UTC' : zone})`;
}
