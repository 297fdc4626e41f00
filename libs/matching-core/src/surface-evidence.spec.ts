/**
 * Surface-form evidence (issue 10, second round): words the dictionaries cannot map — model numbers
 * and other codes, untranslated names and technical words, Urdu words the glossary lacks — count as
 * evidence instead of being dropped, and the need's general vocabulary cannot saturate them away.
 */
import { DEFAULT_MATCHING_CONFIG, MatchingEngine, analyze } from './index';
import { conceptKind } from './text/analyzer';
import { NOW, need, offer } from './test-support/docs.fixture';

function engineWith(...offers: ReturnType<typeof offer>[]) {
  const e = new MatchingEngine({ now: () => NOW });
  offers.forEach((o) => e.upsertOffer(o));
  return e;
}

/** unrelated offers, so that document frequencies look like a catalogue's */
const BACKGROUND = Array.from({ length: 30 }, (_, i) =>
  offer({ id: `bg-${i}`, title: `Textile spinning frame ${i}`, summary: 'Ring spinning machines with operator training', description: 'Energy-saving spinning for cotton mills.', sectors: ['industry/textiles'] }),
);

/**
 * a catalogue in which listing boilerplate is common in absolute terms: "operator training" in one in
 * ten of 1,500 offers of other sectors (below the 15 % at which a large index drops a word as a stop
 * word). With the IDF's background catalogue (config `idfPriorDocs`) a few dozen offers are too few to
 * show that a word is boilerplate rather than their shared topic.
 */
const CATALOGUE = Array.from({ length: 1500 }, (_, i) =>
  offer({
    id: `cat-${i}`,
    title: `${['Glass tempering furnace', 'Hearing aid fitting', 'Tyre retreading line'][i % 3]} ${i}`,
    summary: i % 10 === 0 ? 'Furnaces with operator training' : 'Equipment supply and after-sales service',
    description: 'Complete system for factories and clinics.',
    sectors: [['industry/materials', 'health/devices', 'transport/vehicles'][i % 3]],
  }),
);

describe('codes and unmapped words', () => {
  it('recognises codes (model numbers, standards) but not measurements or short tokens', () => {
    expect(analyze('Spare parts for the TBX7Q2 loom, YT-500 gearbox and IEC61850 relays')).toEqual(expect.arrayContaining(['tbx7q2', 'yt500', 'iec61850']));
    expect(conceptKind('tbx7q2')).toBe('code');
    expect(conceptKind('yt500')).toBe('code');
    for (const c of analyze('a 10kW 220kV line, 5G and 3D, 100m3 tanks')) expect(conceptKind(c)).not.toBe('code');
    expect(analyze('型号YT-500型减速机')).toContain('yt500'); // a code inside Chinese text, cut apart by the segmenter
    expect(analyze('ہمیں YT-500 گیئر باکس چاہیے')).toContain('yt500'); // and inside Urdu text
    expect(conceptKind('zh:鲁棉研')).toBe('unmapped');
    expect(conceptKind('ur:قالین')).toBe('unmapped');
  });

  it('a shared model number ranks an offer above an otherwise identical one without it, by a clear margin', () => {
    const text = {
      title: 'Air-jet loom spare parts and retrofit kits',
      summary: 'Spare parts, electronic let-off and weft insertion kits for air-jet weaving looms.',
      description: 'Main nozzles, relay nozzles, solenoid valves and weft sensors for air-jet looms, with technician training.',
      keywords: ['air-jet loom', 'spare parts'],
      sectors: ['industry/textiles'],
    };
    // the offer without the model number has the smaller id and is fresher: on everything else it wins
    const plain = offer({ id: 'a-plain', ...text, publishedAt: '2026-01-10T00:00:00Z' });
    const withCode = offer({ id: 'z-code', ...text, description: `${text.description} Fits the TBX7Q2 series.`, publishedAt: '2025-09-01T00:00:00Z' });
    const n = need({
      id: 'n-loom',
      title: 'Spare parts for TBX7Q2 air-jet looms',
      summary: 'Our weaving mill runs 120 TBX7Q2 air-jet looms and needs spare parts and retrofit kits.',
      description: 'Relay nozzles, solenoid valves and weft sensors for air-jet weaving looms, and training for our technicians.',
      keywords: ['air-jet loom'],
      sectors: ['industry/textiles'],
    });
    const set = engineWith(plain, withCode, ...BACKGROUND).matchNeed(n);
    const ids = set.matches.map((m) => m.offerId);
    expect(ids.slice(0, 2)).toEqual(['z-code', 'a-plain']);
    const [a, b] = set.matches;
    expect(a.score - b.score).toBeGreaterThanOrEqual(3);
    // both texts cover the need's general vocabulary fully; the code is what differs
    expect(a.components.text).toBeGreaterThan(b.components.text);
    const code = a.matchedTerms.find((t) => t.concept === 'tbx7q2');
    expect(code).toMatchObject({ needTerms: ['TBX7Q2'], offerTerms: ['TBX7Q2'] });
  });

  it('a shared untranslated word (a cultivar name no dictionary knows) ranks an offer above an otherwise identical one', () => {
    const text = {
      language: 'zh-Hans' as const,
      title: '抗虫棉种子',
      summary: '转基因抗虫棉品种，高产，适合高温地区。',
      description: '提供抗虫棉种子和制种技术培训，抗棉铃虫，纤维品质好。',
      keywords: ['抗虫棉', '棉花种子'],
      sectors: ['agriculture/seeds'],
    };
    const plain = offer({ id: 'a-plain', ...text });
    const named = offer({ id: 'z-named', ...text, description: `${text.description}主推品种鲁棉研。` });
    const n = need({
      id: 'n-cotton',
      language: 'zh-Hans',
      title: '引进鲁棉研抗虫棉种子',
      summary: '旁遮普棉区需要抗虫棉品种和种子。',
      description: '希望引进鲁棉研等抗虫棉品种，并开展制种技术培训。',
      keywords: ['抗虫棉'],
      sectors: ['agriculture/seeds'],
    });
    expect(analyze(n.title)).toContain('zh:鲁棉研');
    const set = engineWith(plain, named, ...BACKGROUND).matchNeed(n);
    expect(set.matches.map((m) => m.offerId).slice(0, 2)).toEqual(['z-named', 'a-plain']);
    expect(set.matches[0].score).toBeGreaterThan(set.matches[1].score);
    expect(set.matches[0].matchedTerms.find((t) => t.concept === 'zh:鲁棉研')).toMatchObject({ needTerms: ['鲁棉研'], offerTerms: ['鲁棉研'] });
  });

  it('a need whose own words are unknown to the dictionaries is not taken as covered by its few general words', () => {
    // Urdu: hand-knotted carpet washing and dyeing; of it the glossary knows only "training"
    const carpets = need({
      id: 'n-carpet',
      language: 'ur',
      title: 'ہاتھ سے بنے قالینوں کی دھلائی اور رنگائی',
      summary: 'قالین بافی کے کارخانوں کو دھلائی اور رنگائی کی مشینیں اور تربیت درکار ہے۔',
      description: 'اون کے قالینوں کی دھلائی، رنگائی اور خشک کرنے کی مشینیں، اور کاریگروں کی تربیت۔',
      sectors: ['industry/textiles'],
    });
    const training = offer({ id: 'o-training', title: 'Technician training for textile machinery', summary: 'Training courses for machine operators and technicians', sectors: ['industry/textiles'] });
    const counted = engineWith(training, ...BACKGROUND, ...CATALOGUE).matchNeed(carpets);
    expect(counted.matches).toEqual([]);
    // with the unmapped words left out (the previous rule), "training" alone looked like full coverage
    const dropped = new MatchingEngine({ now: () => NOW, unmappedWeight: 0 });
    [training, ...BACKGROUND, ...CATALOGUE].forEach((o) => dropped.upsertOffer(o));
    const before = dropped.matchNeed(carpets);
    const score = (s: typeof before, id: string) => [...s.matches, ...s.nearMisses].find((m) => m.offerId === id)?.score ?? 0;
    expect(score(before, 'o-training')).toBeGreaterThan(score(counted, 'o-training'));
    expect(DEFAULT_MATCHING_CONFIG.unmappedWeight).toBeGreaterThan(0);
  });
});
