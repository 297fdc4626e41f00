import { GLOSSARY_SOURCE } from './glossary-data';
import { englishTerm, tokenizeEnglish } from './english';
import { normalizeUrdu, tokenizeUrdu } from './urdu';
import { registerChineseWords } from './chinese';

export interface GlossaryEntry {
  /** concept id: the stem for one-word concepts (so plain English words meet it), `a-b` for phrases */
  id: string;
  en: string[];
  zh: string[];
  ur: string[];
  /** concepts emitted for an occurrence, with weights (the concept, then its words at 0.5) */
  expansion: { c: string; w: number }[];
}

export interface Glossary {
  entries: GlossaryEntry[];
  byId: Map<string, GlossaryEntry>;
  /** stem sequence joined by ' ' → entry */
  en: Map<string, GlossaryEntry>;
  zh: Map<string, GlossaryEntry>;
  /** normalised token sequence joined by ' ' → entry */
  ur: Map<string, GlossaryEntry>;
  maxEn: number;
  maxUr: number;
  /** every normalised token that occurs in an Urdu glossary term (for inflection lookup) */
  urTokens: Set<string>;
  maxZhChars: number;
}

export function englishKey(phrase: string): string[] {
  const out: string[] = [];
  for (const t of tokenizeEnglish(phrase)) {
    const s = englishTerm(t);
    if (s) out.push(s);
  }
  return out;
}

const HAN = /[\u3400-\u9fff]/;
let compiled: Glossary | null = null;

export function glossary(): Glossary {
  if (compiled) return compiled;
  const g: Glossary = { entries: [], byId: new Map(), en: new Map(), zh: new Map(), ur: new Map(), maxEn: 1, maxUr: 1, maxZhChars: 2, urTokens: new Set() };
  for (const line of GLOSSARY_SOURCE.split('\n')) {
    const l = line.trim();
    if (!l || l.startsWith('#')) continue;
    const [enS, zhS = '', urS = ''] = l.split('|').map((p) => p.trim());
    const split = (s: string) => s.split(';').map((x) => x.trim()).filter(Boolean);
    const en = split(enS);
    const zh = split(zhS);
    const ur = split(urS).map(normalizeUrdu);
    const primary = englishKey(en[0]);
    if (primary.length === 0) throw new Error(`glossary: empty primary label in "${l}"`);
    const id = primary.join('-');
    let entry = g.byId.get(id);
    if (!entry) {
      const expansion = [{ c: id, w: 1 }];
      if (primary.length > 1) for (const s of new Set(primary)) expansion.push({ c: s, w: 0.5 });
      entry = { id, en: [], zh: [], ur: [], expansion };
      g.byId.set(id, entry);
      g.entries.push(entry);
    }
    entry.en.push(...en);
    entry.zh.push(...zh);
    entry.ur.push(...ur);
    for (const e of en) {
      const k = englishKey(e);
      if (k.length === 0) continue;
      const key = k.join(' ');
      if (!g.en.has(key)) g.en.set(key, entry); // first definition wins
      g.maxEn = Math.max(g.maxEn, k.length);
    }
    for (const z of zh) {
      if (!HAN.test(z)) continue;
      if (!g.zh.has(z)) g.zh.set(z, entry);
      g.maxZhChars = Math.max(g.maxZhChars, z.length);
    }
    for (const u of ur) {
      const toks = tokenizeUrdu(u);
      if (toks.length === 0) continue;
      const key = toks.join(' ');
      if (!g.ur.has(key)) g.ur.set(key, entry);
      for (const t of toks) g.urTokens.add(t);
      g.maxUr = Math.max(g.maxUr, toks.length);
    }
  }
  registerChineseWords([...g.zh.keys()]);
  compiled = g;
  return g;
}
