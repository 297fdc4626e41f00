/** A small log-log line chart as standalone SVG (no browser, no plotting library needed for two panels). */

export interface Series {
  label: string;
  colour: string;
  points: { x: number; y: number }[];
  dashed?: boolean;
}

export interface Panel {
  title: string;
  yLabel: string;
  series: Series[];
  /** horizontal target lines */
  targets?: { y: number; label: string }[];
}

const W = 460;
const H = 320;
const M = { left: 64, right: 16, top: 36, bottom: 48 };
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const decades = (lo: number, hi: number) => {
  const out: number[] = [];
  for (let e = Math.floor(Math.log10(lo)); e <= Math.ceil(Math.log10(hi)); e++) out.push(10 ** e);
  return out;
};
const tick = (v: number) =>
  v >= 1e6 ? `${v / 1e6}M` : v >= 1e3 ? `${v / 1e3}k` : v >= 1 ? String(v) : String(v);

function panel(p: Panel, dx: number): string {
  const pts = p.series.flatMap((s) => s.points).filter((q) => q.x > 0 && q.y > 0);
  const ys = [...pts.map((q) => q.y), ...(p.targets ?? []).map((t) => t.y)];
  const xs = decades(Math.min(...pts.map((q) => q.x)), Math.max(...pts.map((q) => q.x)));
  const yd = decades(Math.min(...ys), Math.max(...ys));
  const [x0, x1, y0, y1] = [
    Math.log10(xs[0]),
    Math.log10(xs.at(-1)!),
    Math.log10(yd[0]),
    Math.log10(yd.at(-1)!),
  ];
  const px = (x: number) => dx + M.left + ((Math.log10(x) - x0) / (x1 - x0 || 1)) * (W - M.left - M.right);
  const py = (y: number) => M.top + (1 - (Math.log10(y) - y0) / (y1 - y0 || 1)) * (H - M.top - M.bottom);
  const out: string[] = [];
  out.push(`<text x="${dx + W / 2}" y="20" text-anchor="middle" font-weight="bold">${esc(p.title)}</text>`);
  for (const x of xs) {
    out.push(`<line x1="${px(x)}" y1="${M.top}" x2="${px(x)}" y2="${H - M.bottom}" stroke="#ddd"/>`);
    out.push(`<text x="${px(x)}" y="${H - M.bottom + 16}" text-anchor="middle">${tick(x)}</text>`);
  }
  for (const y of yd) {
    out.push(
      `<line x1="${dx + M.left}" y1="${py(y)}" x2="${dx + W - M.right}" y2="${py(y)}" stroke="#ddd"/>`,
    );
    out.push(`<text x="${dx + M.left - 6}" y="${py(y) + 4}" text-anchor="end">${tick(y)}</text>`);
  }
  out.push(`<text x="${dx + W / 2}" y="${H - 8}" text-anchor="middle">offers (log)</text>`);
  out.push(
    `<text transform="translate(${dx + 14},${H / 2}) rotate(-90)" text-anchor="middle">${esc(p.yLabel)}</text>`,
  );
  for (const t of p.targets ?? []) {
    out.push(
      `<line x1="${dx + M.left}" y1="${py(t.y)}" x2="${dx + W - M.right}" y2="${py(t.y)}" stroke="#c00" stroke-dasharray="2 3"/>`,
    );
    out.push(
      `<text x="${dx + W - M.right - 2}" y="${py(t.y) - 3}" text-anchor="end" fill="#c00">${esc(t.label)}</text>`,
    );
  }
  p.series.forEach((s, i) => {
    const ok = s.points.filter((q) => q.x > 0 && q.y > 0);
    const d = ok.map((q, j) => `${j ? 'L' : 'M'}${px(q.x).toFixed(1)},${py(q.y).toFixed(1)}`).join(' ');
    out.push(
      `<path d="${d}" fill="none" stroke="${s.colour}" stroke-width="2"${s.dashed ? ' stroke-dasharray="6 4"' : ''}/>`,
    );
    for (const q of ok)
      out.push(`<circle cx="${px(q.x).toFixed(1)}" cy="${py(q.y).toFixed(1)}" r="3" fill="${s.colour}"/>`);
    const ly = M.top + 6 + i * 16;
    out.push(
      `<line x1="${dx + M.left + 8}" y1="${ly}" x2="${dx + M.left + 28}" y2="${ly}" stroke="${s.colour}" stroke-width="2"${s.dashed ? ' stroke-dasharray="6 4"' : ''}/>`,
    );
    out.push(`<text x="${dx + M.left + 32}" y="${ly + 4}">${esc(s.label)}</text>`);
  });
  return out.join('\n');
}

/** Panels side by side in one SVG document. */
export function logLogSvg(panels: Panel[], caption: string): string {
  const width = W * panels.length;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${H + 20}" viewBox="0 0 ${width} ${H + 20}" font-family="sans-serif" font-size="11">`,
    `<rect width="100%" height="100%" fill="white"/>`,
    ...panels.map((p, i) => panel(p, i * W)),
    `<text x="8" y="${H + 14}" fill="#555">${esc(caption)}</text>`,
    '</svg>',
    '',
  ].join('\n');
}
