import { demoReportModel } from './examples/demo-workshop.fixture';
import { renderReportHtml } from './html.renderer';

describe('renderReportHtml', () => {
  it('renders a complete, printable bilingual page', () => {
    const html = renderReportHtml(demoReportModel());
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('@media print');
    expect(html).toContain('@page { size: A4 landscape');
    expect(html).toContain('<span lang="en">Unmet needs</span>');
    expect(html).toContain('<span lang="zh-Hans">未满足的需求</span>');
    expect(html).toContain('<span lang="ur" dir="rtl">غیر پوری ضروریات</span>');
    expect(html).toContain('<span lang="ur" dir="rtl">پنجاب زرعی تحقیقاتی ادارہ</span>');
    expect(html).toContain('云南农业科技有限公司');
    expect(html).not.toMatch(/<script/i);
  });

  it('embeds an Urdu font (Arabic-script ranges only) unless told not to', () => {
    const html = renderReportHtml(demoReportModel());
    expect(html).toMatch(
      /@font-face \{ font-family: "TechBridge Naskh"; src: url\(data:font\/ttf;base64,[A-Za-z0-9+/]{1000,}={0,2}\)/,
    );
    expect(html).toContain('unicode-range: U+0600-06FF');
    expect(renderReportHtml(demoReportModel(), { embedUrduFont: false })).not.toContain('@font-face');
  });

  it('has the unmet-needs chart as inline SVG, one bar segment per sector and province', () => {
    const model = demoReportModel();
    const html = renderReportHtml(model);
    const svg = html.slice(html.indexOf('<svg'), html.indexOf('</svg>') + 6);
    expect(svg).toContain('xmlns="http://www.w3.org/2000/svg"');
    const segments = svg.match(/<rect [^>]*><title>/g) ?? [];
    expect(segments).toHaveLength(model.unmetNeeds.length); // groups are distinct (sector, province) cells
    expect(svg).toContain('Food processing');
  });

  it('shows the schedule per venue and day in local time', () => {
    const html = renderReportHtml(demoReportModel());
    const kunming = html.indexOf(
      'Kunming</span> <span lang="zh-Hans">昆明</span> <span lang="ur" dir="rtl">کنمنگ</span> · 2026-11-24',
    );
    const islamabad = html.indexOf('· 2026-11-24 <span class="muted">(Asia/Karachi');
    expect(kunming).toBeGreaterThan(0);
    expect(islamabad).toBeGreaterThan(kunming);
    expect(html.slice(kunming, islamabad)).toContain('<td class="time">09:00–09:30</td>');
    expect(html.slice(islamabad)).toContain('<td class="time">10:00–10:30</td>');
    expect(html).toContain(
      '14:00–14:30 <span class="muted">UTC+08:00</span><br>11:00–11:30 <span class="muted">UTC+05:00</span>',
    );
  });

  it('escapes markup and quotes from every field', () => {
    const model = demoReportModel();
    model.workshop.title.en = '<script>alert("title")</script>';
    model.needs[0].title = '"><img src=x onerror=alert(1)>';
    model.needs[0].enterprise.name = `O'Reilly & <b>Sons</b>`;
    model.unmetNeeds[0].sector.labels.en = '</text><script>alert(2)</script>';
    model.schedule.meetings[0].why = '<iframe src="javascript:alert(3)">';
    model.schedule.unscheduledWishes[0].reasonCode = '" onmouseover="alert(4)';
    const html = renderReportHtml(model);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toMatch(/<iframe/i);
    expect(html).not.toContain('<b>Sons');
    expect(html).not.toContain('" onmouseover="');
    expect(html).toContain('&lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt;');
    expect(html).toContain('&quot;&gt;&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('O&#39;Reilly &amp; &lt;b&gt;Sons&lt;/b&gt;');
    expect(html).toContain('&lt;/text&gt;&lt;script&gt;alert(2)&lt;/script&gt;');
  });
});
