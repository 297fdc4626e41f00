/**
 * The unmet-needs chart as inline SVG: one horizontal bar per sector, stacked by province, with a
 * legend. Plain SVG 1.1 (no script, no external font), every text escaped. Used by the HTML report.
 */
import { escapeHtml } from './html-escape.util';
import { unmetChartData, type UnmetChartData } from './report-view.builder';
import type { WorkshopReportModel } from './report.model';

/** Colour-blind-friendly palette (Okabe–Ito), cycled. */
export const CHART_COLOURS = [
  '#0072B2',
  '#E69F00',
  '#009E73',
  '#D55E00',
  '#CC79A7',
  '#56B4E9',
  '#F0E442',
  '#999999',
];

export function renderUnmetChartSvg(
  model: WorkshopReportModel,
  data: UnmetChartData = unmetChartData(model),
): string {
  const labelW = 260;
  const barW = 420;
  const rowH = 30;
  const top = 10;
  const legendRowH = 22;
  const legendCols = 3;
  const width = labelW + barW + 60;
  const legendRows = Math.ceil(data.provinces.length / legendCols);
  const height = top + Math.max(1, data.sectors.length) * rowH + 16 + legendRows * legendRowH + 10;
  const colour = new Map(data.provinces.map((p, i) => [p.code, CHART_COLOURS[i % CHART_COLOURS.length]]));
  const unit = data.max > 0 ? barW / data.max : 0;
  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" aria-label="Unmet needs by sector and province">`,
  );
  parts.push('<title>Unmet needs by sector and province / 按领域和省份统计的未满足需求</title>');
  if (!data.sectors.length) {
    parts.push(`<text x="0" y="${top + 18}" font-size="13">No unmet needs / 无未满足的需求</text>`);
  }
  data.sectors.forEach((s, i) => {
    const y = top + i * rowH;
    const zh = s.sector.labels['zh-Hans'];
    parts.push(
      `<text x="${labelW - 8}" y="${y + 19}" text-anchor="end" font-size="13">${escapeHtml(s.sector.labels.en)}${zh ? ` <tspan lang="zh-Hans">${escapeHtml(zh)}</tspan>` : ''}</text>`,
    );
    let x = labelW;
    for (const seg of s.segments) {
      const w = seg.count * unit;
      const province = data.provinces.find((p) => p.code === seg.province);
      parts.push(
        `<rect x="${x.toFixed(1)}" y="${y + 5}" width="${w.toFixed(1)}" height="${rowH - 10}" fill="${colour.get(seg.province)}"><title>${escapeHtml(
          `${s.sector.labels.en} · ${province?.labels.en ?? seg.province}: ${seg.count}`,
        )}</title></rect>`,
      );
      if (w >= 16)
        parts.push(
          `<text x="${(x + w / 2).toFixed(1)}" y="${y + 19}" text-anchor="middle" font-size="11" fill="#fff">${seg.count}</text>`,
        );
      x += w;
    }
    parts.push(
      `<text x="${(x + 6).toFixed(1)}" y="${y + 19}" font-size="13" font-weight="bold">${s.total}</text>`,
    );
  });
  const ly = top + Math.max(1, data.sectors.length) * rowH + 16;
  const colW = width / legendCols;
  data.provinces.forEach((p, i) => {
    const x = (i % legendCols) * colW;
    const y = ly + Math.floor(i / legendCols) * legendRowH;
    const zh = p.labels['zh-Hans'];
    parts.push(`<rect x="${x.toFixed(1)}" y="${y}" width="12" height="12" fill="${colour.get(p.code)}"/>`);
    parts.push(
      `<text x="${(x + 18).toFixed(1)}" y="${y + 11}" font-size="12">${escapeHtml(p.labels.en)}${zh ? ` ${escapeHtml(zh)}` : ''}</text>`,
    );
  });
  parts.push('</svg>');
  return parts.join('');
}
