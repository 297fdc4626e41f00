/**
 * Explanations quote the texts (issue 10): each matched concept names the words found in the need
 * and the words found in the offer, in their own scripts — not a representative dictionary word.
 */
import { MatchingEngine, renderReason } from '../index';
import { loadMatchingFixtures } from '../../../../test/fixtures/matching';
import { NOW, need, offer } from '../test-support/docs.fixture';

describe('matched terms quote both texts', () => {
  it('a Chinese offer is explained with the words it uses (光伏扬水, 电网), the English need with its own', () => {
    const e = new MatchingEngine({ now: () => NOW });
    e.upsertOffer(
      offer({ id: 'o', language: 'zh-Hans', title: '离网光伏扬水系统', summary: '无需电网，光伏扬水用于农田灌溉', description: '适用于无电网地区。', sectors: ['agriculture/irrigation'] }),
    );
    const set = e.matchNeed(need({ id: 'n', title: 'Solar water pumping for off-grid farms', summary: 'No power grid; solar pumps for irrigation', sectors: ['agriculture/irrigation'] }));
    const terms = set.matches[0].matchedTerms;
    const pump = terms.find((t) => t.offerTerms.includes('光伏扬水'))!;
    expect(pump).toBeDefined();
    expect(pump.needTerms.join(' ')).toMatch(/[Ss]olar/);
    const grid = terms.find((t) => t.offerTerms.includes('电网'));
    expect(grid?.needTerms.join(' ')).toMatch(/grid/);
    expect(terms.flatMap((t) => t.offerTerms)).not.toContain('水管');
    const shared = set.matches[0].reasons.find((r) => r.code === 'text.sharedTerms')!;
    expect(renderReason(shared, 'en')).toContain('“光伏扬水”');
  });

  it('on the evaluation set, every quoted word occurs in its own text', () => {
    const f = loadMatchingFixtures();
    const e = new MatchingEngine({ now: () => f.now });
    f.offers.forEach((o) => e.upsertOffer(o));
    const offers = new Map(f.offers.map((o) => [o.id, o]));
    const text = (d: { title: string; summary: string; description: string; keywords: string[] }) =>
      [d.title, d.summary, d.description, ...d.keywords].join(' ').normalize('NFKC').toLowerCase();
    // Urdu surface forms are normalised (letter variants, diacritics), so compare normalised text
    const { normalizeUrdu } = jest.requireActual('../text/urdu');
    let checked = 0;
    for (const n of f.needs) {
      const nt = normalizeUrdu(text(n));
      for (const m of e.matchNeed(n, { limit: 5 }).matches) {
        const ot = normalizeUrdu(text(offers.get(m.offerId)!));
        for (const t of m.matchedTerms) {
          expect(t.needTerms.length + t.offerTerms.length).toBeGreaterThan(0);
          for (const w of t.needTerms) expect(nt).toContain(normalizeUrdu(w.toLowerCase()));
          for (const w of t.offerTerms) expect(ot).toContain(normalizeUrdu(w.toLowerCase()));
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(100);
  });
});
