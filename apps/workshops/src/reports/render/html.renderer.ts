/**
 * `text/html` rendering of a workshop report: one self-contained, printable page (print CSS, no
 * script, no external resource), headings in English + Chinese (+ Urdu where we have it, marked
 * `lang="ur" dir="rtl"`), the unmet-needs chart as inline SVG, the per-sector counts and the schedule per
 * venue and local day. Every value coming from the model is escaped.
 */
import { escapeHtml } from './html-escape.util';
import { fontBuffer } from './pdf-fonts';
import { LABELS, LANGUAGE_NAMES, MODE_LABELS, enZh } from './report-labels';
import {
  scheduleRows,
  scheduleSections,
  unmetChartData,
  unmetTotal,
  type ScheduleSection,
} from './report-view.builder';
import type {
  EnterpriseRef,
  LanguageTag,
  LocalizedText,
  ScoredMatch,
  WorkshopReportModel,
} from './report.model';
import { hasArabicScript, paragraphDirection } from './text-direction.util';
import { toLocal, utcOffsetLabel } from './time-zone.util';
import { renderUnmetChartSvg } from './unmet-chart.svg-renderer';

export const HTML_CONTENT_TYPE = 'text/html; charset=utf-8';

const HAN = /[\u3400-\u9FFF\uF900-\uFAFF]/;

/** Text of unknown language: marked Urdu/RTL or Chinese when its script says so. */
function txt(value: string, language?: LanguageTag): string {
  const e = escapeHtml(value);
  const lang =
    language ?? (paragraphDirection(value) === 'rtl' ? 'ur' : HAN.test(value) ? 'zh-Hans' : undefined);
  if (lang === 'ur') return `<span lang="ur" dir="rtl">${e}</span>`;
  if (lang === 'zh-Hans') return `<span lang="zh-Hans">${e}</span>`;
  return e;
}

/** A label in every language we have, each marked with its language. */
function multi(l: LocalizedText, sep = ' '): string {
  const out = [`<span lang="en">${escapeHtml(l.en)}</span>`];
  if (l['zh-Hans'] && l['zh-Hans'] !== l.en)
    out.push(`<span lang="zh-Hans">${escapeHtml(l['zh-Hans'])}</span>`);
  if (l.ur) out.push(`<span lang="ur" dir="rtl">${escapeHtml(l.ur)}</span>`);
  return out.join(sep);
}

function heading(tag: 'h2' | 'h3', l: LocalizedText, id?: string): string {
  return `<${tag}${id ? ` id="${escapeHtml(id)}"` : ''}>${multi(l, '<span class="sep"> · </span>')}</${tag}>`;
}

function th(l: LocalizedText | string): string {
  if (typeof l === 'string') return `<th>${escapeHtml(l)}</th>`;
  return `<th><span lang="en">${escapeHtml(l.en)}</span>${l['zh-Hans'] ? `<br><span lang="zh-Hans" class="zh">${escapeHtml(l['zh-Hans'])}</span>` : ''}</th>`;
}

function enterprise(e: EnterpriseRef): string {
  const legal =
    e.legalName && e.legalName !== e.name ? `<br><span class="legal">${txt(e.legalName)}</span>` : '';
  return `${escapeHtml(e.name)}${legal}`;
}

function reasons(m: ScoredMatch): string {
  if (!m.reasons.length) return '';
  return `<ul class="reasons">${m.reasons
    .map(
      (r) =>
        `<li>${escapeHtml(r.en)}${r['zh-Hans'] ? ` <span lang="zh-Hans" class="zh">${escapeHtml(r['zh-Hans'])}</span>` : ''}</li>`,
    )
    .join('')}</ul>`;
}

const score = (s: number | null | undefined) =>
  s == null ? '—' : `<span class="score">${escapeHtml(Math.round(s))}</span>`;

const CSS = `
:root { --ink:#1d2733; --muted:#5b6675; --line:#d5dbe3; --accent:#1f4e79; --soft:#eef3f8; }
* { box-sizing: border-box; }
body { font-family: "TechBridge Naskh", "Noto Sans", "Noto Sans SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", Arial, sans-serif;
  color: var(--ink); margin: 24px auto; max-width: 1200px; padding: 0 16px; font-size: 13px; line-height: 1.45; }
:lang(ur) { font-family: "Noto Nastaliq Urdu", "Jameel Noori Nastaleeq", "Noto Naskh Arabic", "TechBridge Naskh", serif; line-height: 1.9; }
:lang(zh-Hans) { font-family: "Noto Sans SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif; }
header.report { border-bottom: 3px solid var(--accent); margin-bottom: 16px; padding-bottom: 8px; }
h1 { font-size: 22px; margin: 0 0 4px; color: var(--accent); }
.subtitle { margin: 2px 0; font-size: 16px; }
h2 { font-size: 17px; color: var(--accent); border-bottom: 1px solid var(--line); padding-bottom: 3px; margin-top: 28px; }
h3 { font-size: 14px; margin: 18px 0 6px; }
.sep, .muted, .legal, .zh { color: var(--muted); }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: 2px 14px; margin: 10px 0 0; }
dl.meta dt { font-weight: bold; } dl.meta dd { margin: 0; }
table { border-collapse: collapse; width: 100%; margin: 6px 0 12px; }
th, td { border: 1px solid var(--line); padding: 4px 6px; vertical-align: top; text-align: left; }
th { background: var(--soft); font-size: 12px; }
td.num, th.num { text-align: right; white-space: nowrap; }
td.time { white-space: nowrap; font-variant-numeric: tabular-nums; }
[dir="rtl"] { unicode-bidi: isolate; }
.score { font-weight: bold; }
.mutual { color: #0b7a3e; font-weight: bold; }
ul.reasons { margin: 0; padding-left: 16px; }
.need-block { margin-bottom: 10px; }
.chart { max-width: 100%; height: auto; font-family: inherit; }
.summary-cards { display: flex; flex-wrap: wrap; gap: 10px; margin: 8px 0; }
.card { border: 1px solid var(--line); border-radius: 6px; padding: 8px 12px; min-width: 130px; background: #fff; }
.card b { display: block; font-size: 20px; color: var(--accent); }
footer { margin-top: 24px; color: var(--muted); font-size: 11px; }
@media print {
  @page { size: A4 landscape; margin: 12mm; }
  body { margin: 0; max-width: none; font-size: 10.5px; }
  h2 { break-after: avoid; page-break-after: avoid; }
  h3 { break-after: avoid; }
  table { break-inside: auto; }
  tr, .need-block, .chart { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
  section.schedule { break-before: page; }
  a { color: inherit; text-decoration: none; }
}
`;

function summarySection(model: WorkshopReportModel): string {
  const cards: [LocalizedText, number][] = [
    [LABELS.needs, model.needs.length],
    [LABELS.offers, model.offers.length],
    [LABELS.matchedNeeds, model.needs.filter((n) => n.bestOffers.length).length],
    [LABELS.unmetNeeds, unmetTotal(model)],
    [{ en: 'Meetings', 'zh-Hans': '洽谈场次', ur: 'ملاقاتیں' }, model.schedule.meetings.length],
  ];
  return `<section id="summary">${heading('h2', LABELS.summary)}
<div class="summary-cards">${cards.map(([l, n]) => `<div class="card"><b>${n}</b>${multi(l, '<br>')}</div>`).join('')}</div>
${heading('h3', LABELS.sectorCounts, 'sectors')}
<table class="sectors"><thead><tr>${th(LABELS.sector)}<th>Code</th>${[LABELS.offers, LABELS.needs, LABELS.matchedNeeds].map((l) => th(l).replace('<th>', '<th class="num">')).join('')}</tr></thead><tbody>
${model.sectorCounts
  .map(
    (c) =>
      `<tr><td>${multi(c.sector.labels, ' · ')}</td><td><code>${escapeHtml(c.sector.code)}</code></td><td class="num">${c.offers}</td><td class="num">${c.needs}</td><td class="num">${c.matchedNeeds}</td></tr>`,
  )
  .join('\n')}
</tbody></table></section>`;
}

function unmetSection(model: WorkshopReportModel): string {
  const data = unmetChartData(model);
  const rows = model.unmetNeeds.flatMap((g) =>
    g.needs.map(
      (n) =>
        `<tr><td>${multi(g.sector.labels, '<br>')}</td><td>${g.province ? multi(g.province.labels, '<br>') : '—'}</td><td>${txt(n.title, n.language)}</td><td>${enterprise(n.enterprise)}</td><td class="num">${score(n.bestScore)}</td><td>${escapeHtml(n.nearMiss ?? '')}</td></tr>`,
    ),
  );
  return `<section id="unmet">${heading('h2', LABELS.unmetNeeds)}
<p class="muted">Needs with no Chinese offer scoring ${escapeHtml(model.threshold)} or more: what to recruit for next time. / 没有得分达到${escapeHtml(model.threshold)}分的中方技术的需求，供下次招募参考。</p>
${heading('h3', LABELS.unmetChart)}
<figure>${renderUnmetChartSvg(model, data)}</figure>
<table><thead><tr>${th(LABELS.sector)}${th(LABELS.province)}${th(LABELS.need)}${th(LABELS.enterprise)}${th(LABELS.bestScore)}${th(LABELS.nearMiss)}</tr></thead><tbody>
${rows.join('\n')}
</tbody></table></section>`;
}

function needsSection(model: WorkshopReportModel): string {
  const rows = model.needs.map((n) => {
    const offers = n.bestOffers.length
      ? n.bestOffers
          .map(
            (o, i) =>
              `<tr><td class="num">${i + 1}</td><td>${txt(o.title, o.language)}</td><td>${enterprise(o.enterprise)}</td><td class="num">${score(o.score)}</td><td>${reasons(o)}</td></tr>`,
          )
          .join('')
      : `<tr><td colspan="5" class="muted">${multi(LABELS.noMatch, ' · ')}</td></tr>`;
    return `<div class="need-block"><h3>${txt(n.title, n.language)} <span class="muted">(${escapeHtml(n.id)})</span></h3>
<p class="muted">${enterprise(n.enterprise)} · ${n.province ? multi(n.province.labels, ' ') : ''} · ${n.sectors.map((s) => multi(s.labels, ' ')).join('; ')}</p>
<table><thead><tr>${th(LABELS.rank)}${th(LABELS.offer)}${th(LABELS.chineseSide)}${th(LABELS.score)}${th(LABELS.reasons)}</tr></thead><tbody>${offers}</tbody></table></div>`;
  });
  return `<section id="needs">${heading('h2', LABELS.needsToOffers)}\n${rows.join('\n')}</section>`;
}

function offersSection(model: WorkshopReportModel): string {
  const rows = model.offers.map((o) => {
    const best = o.bestNeeds.length
      ? o.bestNeeds
          .map((n) => `${txt(n.title, n.language)} — ${escapeHtml(n.enterprise.name)} ${score(n.score)}`)
          .join('<br>')
      : '—';
    return `<tr><td>${txt(o.title, o.language)}<br><span class="muted">${escapeHtml(o.id)}</span></td><td>${enterprise(o.enterprise)}</td><td>${o.sectors
      .map((s) => multi(s.labels, ' '))
      .join('<br>')}</td><td>${best}</td></tr>`;
  });
  return `<section id="offers">${heading('h2', LABELS.offersToNeeds)}
<table><thead><tr>${th(LABELS.offer)}${th(LABELS.chineseSide)}${th(LABELS.sector)}${th({ en: 'Best needs (score)', 'zh-Hans': '最佳需求（得分）' })}</tr></thead><tbody>
${rows.join('\n')}
</tbody></table></section>`;
}

function meetingCells(m: ScheduleSection['meetings'][number]): string {
  const interp = m.interpreter
    ? m.interpreter.languages.map((l) => escapeHtml(LANGUAGE_NAMES[l]?.en ?? l)).join('–')
    : `<span class="muted">${escapeHtml([...new Set([...m.a.languages].filter((l) => m.b.languages.includes(l)))].map((l) => LANGUAGE_NAMES[l]?.en ?? l).join(', ') || '—')}</span>`;
  return `<td>${enterprise(m.a.enterprise)}</td><td>${enterprise(m.b.enterprise)}</td><td>${interp}</td><td class="num">${score(m.score)}${m.mutual ? ' <span class="mutual" title="mutual wish">★</span>' : ''}</td><td>${txt(m.topic)}</td><td class="muted">${escapeHtml(m.why)}</td>`;
}

function scheduleSection(model: WorkshopReportModel): string {
  const parts: string[] = [];
  for (const section of scheduleSections(model)) {
    const rows = scheduleRows(section);
    if (section.venue) {
      const v = section.venue;
      const offset = utcOffsetLabel(section.meetings[0].startUtc, v.timeZone);
      parts.push(`<h3>${multi(v.city, ' ')} · ${escapeHtml(section.day)} <span class="muted">(${escapeHtml(v.timeZone)}, ${escapeHtml(offset)}${v.name ? ` · ${escapeHtml(v.name.en)}` : ''})</span></h3>
<table><thead><tr>${th(LABELS.time)}${th(LABELS.table)}${th(LABELS.chineseSide)}${th(LABELS.pakistaniSide)}${th(LABELS.interpreter)}${th(LABELS.score)}${th(LABELS.topic)}${th(LABELS.why)}</tr></thead><tbody>
${rows.map((r) => `<tr><td class="time">${r.start}–${r.end}</td><td class="num">${escapeHtml(r.meeting.table ?? '')}</td>${meetingCells(r.meeting)}</tr>`).join('\n')}
</tbody></table>`);
    } else {
      parts.push(`<h3>${multi(LABELS.online, ' ')} <span class="muted">(UTC · each side’s local time / 各方当地时间)</span></h3>
<table><thead><tr>${th(LABELS.date)}${th({ en: 'UTC', 'zh-Hans': '协调世界时' })}${th({ en: 'Local times', 'zh-Hans': '当地时间' })}${th(LABELS.chineseSide)}${th(LABELS.pakistaniSide)}${th(LABELS.interpreter)}${th(LABELS.score)}${th(LABELS.topic)}${th(LABELS.why)}</tr></thead><tbody>
${rows
  .map(
    (r) =>
      `<tr><td class="time">${r.date}</td><td class="time">${r.start}–${r.end}</td><td class="time">${r.localTimes
        .map((t) => `${t.start}–${t.end} <span class="muted">UTC${escapeHtml(t.offset)}</span>`)
        .join('<br>')}</td>${meetingCells(r.meeting)}</tr>`,
  )
  .join('\n')}
</tbody></table>`);
    }
  }
  if (!parts.length) parts.push('<p class="muted">No meetings scheduled. / 暂无安排。</p>');
  const wishes = model.schedule.unscheduledWishes;
  const unscheduled = wishes.length
    ? `${heading('h3', LABELS.unscheduledWishes, 'unscheduled')}
<table><thead><tr>${th(LABELS.chineseSide)}${th(LABELS.pakistaniSide)}${th(LABELS.reason)}</tr></thead><tbody>
${wishes.map((w) => `<tr><td>${enterprise(w.a.enterprise)}</td><td>${enterprise(w.b.enterprise)}</td><td><code>${escapeHtml(w.reasonCode)}</code> ${escapeHtml(w.reason)}</td></tr>`).join('\n')}
</tbody></table>`
    : '';
  return `<section id="schedule" class="schedule">${heading('h2', LABELS.schedule)}
<p class="muted">★ = mutual wish / 双向意向. Times are the venue’s local time. / 时间为会场当地时间。</p>
${parts.join('\n')}
${unscheduled}</section>`;
}

export interface HtmlRenderOptions {
  /**
   * Embed Noto Naskh Arabic (≈180 kB as base64, Arabic-script ranges only) when the report has Urdu,
   * so that Urdu renders on machines without an Urdu font (many Windows/Linux set-ups lack ے ہ ں ھ).
   * Default true.
   */
  embedUrduFont?: boolean;
}

function urduFontFace(): string {
  const b64 = fontBuffer('arabic', 'regular').toString('base64');
  return `@font-face { font-family: "TechBridge Naskh"; src: url(data:font/ttf;base64,${b64}) format("truetype"); font-display: swap;
  unicode-range: U+0600-06FF, U+0750-077F, U+08A0-08FF, U+FB50-FDFF, U+FE70-FEFF, U+200C-200F; }`;
}

/** The report as a complete HTML document. */
export function renderReportHtml(model: WorkshopReportModel, options: HtmlRenderOptions = {}): string {
  const embedFont = (options.embedUrduFont ?? true) && hasArabicScript(JSON.stringify(model));
  const w = model.workshop;
  const venues = w.venues
    .map(
      (v) =>
        `${multi(v.city, ' ')} <span class="muted">(${escapeHtml(v.timeZone)}, ${escapeHtml(utcOffsetLabel(`${w.days[0] ?? model.generatedAt.slice(0, 10)}T04:00:00Z`, v.timeZone))})</span>`,
    )
    .join('; ');
  const generated = toLocal(model.generatedAt, 'UTC');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(`${LABELS.matchReport.en} — ${w.title.en}`)}</title>
<style>${embedFont ? urduFontFace() : ''}${CSS}</style>
</head>
<body>
<header class="report">
<p class="muted">${multi(LABELS.matchReport, ' · ')}</p>
<h1>${escapeHtml(w.title.en)}</h1>
${w.title['zh-Hans'] ? `<p class="subtitle" lang="zh-Hans">${escapeHtml(w.title['zh-Hans'])}</p>` : ''}
${w.title.ur ? `<p class="subtitle" lang="ur" dir="rtl">${escapeHtml(w.title.ur)}</p>` : ''}
<dl class="meta">
<dt>${escapeHtml(enZh(LABELS.mode))}</dt><dd>${multi(MODE_LABELS[w.mode] ?? { en: w.mode }, ' · ')}</dd>
<dt>${escapeHtml(enZh(LABELS.venues))}</dt><dd>${venues}</dd>
<dt>${escapeHtml(enZh(LABELS.date))}</dt><dd>${w.days.map(escapeHtml).join(', ')}</dd>
<dt>${escapeHtml(enZh(LABELS.threshold))}</dt><dd>${escapeHtml(model.threshold)} / 100</dd>
<dt>${escapeHtml(enZh(LABELS.generated))}</dt><dd>${escapeHtml(`${generated.date} ${generated.time} UTC`)} · <span class="muted">${escapeHtml(model.reportId)}</span></dd>
</dl>
</header>
<main>
${summarySection(model)}
${unmetSection(model)}
${needsSection(model)}
${offersSection(model)}
${scheduleSection(model)}
</main>
<footer>TechBridge · ${escapeHtml(w.id)} · ${escapeHtml(model.reportId)}</footer>
</body>
</html>
`;
}
