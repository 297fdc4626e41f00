/**
 * Text → language-neutral concepts.
 *
 * Every language ends up in the same concept space:
 *  - glossary concepts (EN/ZH/UR phrases; id = stem or `stem-stem`),
 *  - English stems (Porter),
 *  - Chinese words → curated glossary, else CC-CEDICT glosses → English stems/phrases,
 *  - Urdu words → glossary, else `ur:<normalised word>` (matches Urdu text only).
 * The declared language is a hint only: scripts are detected per token, so a Chinese offer that
 * writes "5G" or "PV" in Latin letters, or an English need quoting 滴灌, both work.
 */
import { cedictGlosses } from './cedict';
import { HAN_ONLY_RE, HAN_RE, ZH_STOP_WORDS, segmentChinese } from './chinese';
import { englishTerm, isCodeToken, tokenizeEnglishSurface } from './english';
import { glossary, type GlossaryEntry } from './glossary';
import { UR_STOP_WORDS, tokenizeUrdu, urduBaseForm, urduSingleBase } from './urdu';

export type AnalyzerLanguage = 'en' | 'zh-Hans' | 'ur';

export interface WeightedConcept {
  c: string;
  w: number;
  /** the words of the text that carry the concept, as written (quoted by explanations) */
  s?: string;
}

type Tok = { kind: 'en' | 'zh' | 'ur'; key: string; surface: string };

const ARABIC_RE = /[\u0600-\u06ff]/;
const LATIN_RUN_RE = /[A-Za-z0-9](?:[A-Za-z0-9.'\- ]*[A-Za-z0-9])?/g;

/* ---------- display lexicon: concept → surface forms per language (bounded) ---------- */

const LEX_CAP = 3;
const lexicon = new Map<string, { en: string[]; zh: string[]; ur: string[] }>();
function remember(concept: string, lang: 'en' | 'zh' | 'ur', surface: string): void {
  let e = lexicon.get(concept);
  if (!e) {
    if (lexicon.size > 500_000) return;
    e = { en: [], zh: [], ur: [] };
    lexicon.set(concept, e);
  }
  const list = e[lang];
  const form = lang === 'en' ? surface.toLowerCase() : surface;
  if (list.length < LEX_CAP && !list.includes(form)) list.push(form);
}

/** Labels of a concept in the three languages (glossary terms first, then seen surface forms). */
export function conceptLabels(concept: string): { en: string[]; zh: string[]; ur: string[] } {
  const g = glossary().byId.get(concept);
  const seen = lexicon.get(concept);
  const merge = (a: string[], b: string[] | undefined) => [...new Set([...a, ...(b ?? [])])].slice(0, LEX_CAP);
  return {
    en: merge(g ? g.en.slice(0, 2) : [], seen?.en),
    zh: merge(g ? g.zh.slice(0, 2) : [], seen?.zh),
    ur: merge(g ? g.ur.slice(0, 1) : [], seen?.ur),
  };
}

/* ---------- tokenisation by script ---------- */

function tokenize(text: string): Tok[] {
  const out: Tok[] = [];
  const pushUrdu = (part: string) => {
    for (const t of tokenizeUrdu(part)) {
      if (ARABIC_RE.test(t)) out.push({ kind: 'ur', key: t, surface: t });
      else for (const e of tokenizeEnglishSurface(t)) out.push({ kind: 'en', ...e });
    }
  };
  const pushLatinOrUrdu = (chunk: string) => {
    if (ARABIC_RE.test(chunk)) {
      // Latin runs inside Urdu text are tokenised as English, whole ("YT-500" keeps its hyphen)
      let last = 0;
      for (const m of chunk.matchAll(LATIN_RUN_RE)) {
        pushUrdu(chunk.slice(last, m.index));
        for (const e of tokenizeEnglishSurface(m[0])) out.push({ kind: 'en', ...e });
        last = m.index! + m[0].length;
      }
      pushUrdu(chunk.slice(last));
    } else for (const e of tokenizeEnglishSurface(chunk)) out.push({ kind: 'en', ...e });
  };
  if (HAN_RE.test(text)) {
    // consecutive non-Han pieces are analysed together, so that a code jieba cut apart ("YT", "-",
    // "500型") is seen whole
    let rest = '';
    for (const piece of segmentChinese(text.normalize('NFKC'))) {
      if (HAN_ONLY_RE.test(piece)) {
        if (/\S/.test(rest)) pushLatinOrUrdu(rest);
        rest = '';
        out.push({ kind: 'zh', key: piece, surface: piece });
      } else rest += piece;
    }
    if (/\S/.test(rest)) pushLatinOrUrdu(rest);
  } else pushLatinOrUrdu(text);
  return out;
}

/* ---------- per-language term mapping ---------- */

const zhCache = new Map<string, WeightedConcept[]>();

/** Concepts for one Chinese word that is not a glossary term, from CC-CEDICT glosses. */
function chineseWordConcepts(word: string): WeightedConcept[] {
  const hit = zhCache.get(word);
  if (hit) return hit;
  const glosses = cedictGlosses(word);
  // Prefer short glosses (1–2 words); keep the dictionary order otherwise.
  const ranked = glosses
    .slice(0, 6)
    .map((g, i) => ({ g, i, n: g.split(' ').length }))
    .sort((a, b) => (a.n > 2 ? 1 : 0) - (b.n > 2 ? 1 : 0) || a.i - b.i)
    .slice(0, 2);
  const out: WeightedConcept[] = [];
  ranked.forEach(({ g }, rank) => {
    for (const wc of englishConcepts(tokenizeEnglishSurface(g), false)) {
      if (out.length >= 4) break;
      if (out.some((o) => o.c === wc.c)) continue;
      out.push({ c: wc.c, w: wc.w * (rank === 0 ? 1 : 0.5), s: word });
      remember(wc.c, 'zh', word);
    }
  });
  if (out.length === 0 && glosses.length === 0 && word.length > 2) {
    // Unknown compound (技术培训, 长粒型): forward maximum matching on known sub-words.
    const g = glossary();
    let i = 0;
    while (i < word.length) {
      let n = Math.min(word.length - i, 6);
      for (; n >= 2; n--) {
        const sub = word.slice(i, i + n);
        if (sub === word) continue;
        if (g.zh.has(sub) || cedictGlosses(sub).length > 0) break;
      }
      if (n < 2) {
        i++;
        continue;
      }
      const sub = word.slice(i, i + n);
      i += n;
      if (ZH_STOP_WORDS.has(sub)) continue;
      const e = g.zh.get(sub);
      const parts = e ? e.expansion : chineseWordConcepts(sub);
      for (const p of parts) if (!p.c.startsWith('zh:') && !out.some((o) => o.c === p.c)) out.push({ c: p.c, w: p.w, s: word });
    }
  }
  if (out.length === 0) out.push({ c: `zh:${word}`, w: 1, s: word });
  if (zhCache.size < 100_000) zhCache.set(word, out);
  return out;
}

function emitEntry(e: GlossaryEntry, out: WeightedConcept[], lang: 'en' | 'zh' | 'ur', surface: string, record: boolean): void {
  for (const x of e.expansion) out.push({ c: x.c, w: x.w, s: surface });
  if (record) remember(e.id, lang, surface);
}

/*
 * Concept kinds. Most concepts are language-neutral (glossary ids, English stems that Chinese words
 * reach through CC-CEDICT glosses). Two kinds are surface forms, matched only by the same written
 * form in the same script:
 *  - `unmapped`: a Chinese or Urdu word the dictionaries cannot translate (`zh:`/`ur:` + the word):
 *    names, untranslated technical words — and the Urdu vocabulary the glossary lacks;
 *  - `code`: a Latin token mixing letters and digits, such as a model number or standard (TBX7Q2,
 *    YT-500, IEC61850), written the same way in every language. Measurements (10kW, 220kV, 100m3)
 *    and short tokens (5G, 3D, CO2) are not codes.
 * The engine weighs unmapped words with a calibrated weight and does not let either kind be
 * saturated away by the need's general vocabulary (see `MatchingEngine`).
 */
export type ConceptKind = 'concept' | 'unmapped' | 'code';

export function conceptKind(c: string): ConceptKind {
  if (c.startsWith('zh:') || c.startsWith('ur:')) return 'unmapped';
  return isCodeToken(c) ? 'code' : 'concept';
}

/**
 * A code written with a hyphen before its number ("YT-500", "ISO-9001") is one token: the number alone carries nothing and would be dropped, the letters alone are not
 * the product. Only a bare number joined by '-' to the token before it is merged, and only when the
 * result is a code.
 */
function joinCodes<T extends { key: string; surface: string; joiner?: string }>(tokens: readonly T[]): T[] {
  const out: T[] = [];
  for (const t of tokens) {
    const prev = out[out.length - 1];
    if (prev && t.joiner === '-' && /^[0-9]+$/.test(t.key) && /^[a-z0-9]+$/.test(prev.key) && isCodeToken(prev.key + t.key)) {
      out[out.length - 1] = { ...prev, key: prev.key + t.key, surface: prev.surface + '-' + t.surface };
    } else out.push(t);
  }
  return out;
}

/** English-only analysis (used for glosses too); phrase-matches the glossary on stems. */
function englishConcepts(raw: readonly { key: string; surface: string; joiner?: string }[], record: boolean): WeightedConcept[] {
  const tokens = joinCodes(raw);
  const stems: { s: string; surface: string; joiner: string }[] = [];
  // stop words inside a phrase are not indexed but are quoted: "foot-and-mouth disease"
  let skipped = '';
  for (const t of tokens) {
    const s = englishTerm(t.key);
    const joiner = t.joiner ?? ' ';
    if (s) {
      stems.push({ s, surface: t.surface, joiner: skipped + joiner });
      skipped = '';
    } else skipped += joiner + t.surface;
  }
  const out: WeightedConcept[] = [];
  matchPhrases(
    stems.map((x) => x.s),
    glossary().en,
    glossary().maxEn,
    ' ',
    (e, from, to) => {
      emitEntry(e, out, 'en', stems.slice(from, to).map((x, k) => (k === 0 ? x.surface : x.joiner + x.surface)).join(''), record);
      if (to - from > 1)
        for (let k = from; k < to; k++) if (!e.expansion.some((x) => x.c === stems[k].s)) out.push({ c: stems[k].s, w: 0.5, s: stems[k].surface });
    },
    (i) => {
      out.push({ c: stems[i].s, w: 1, s: stems[i].surface });
      if (record) remember(stems[i].s, 'en', stems[i].surface.toLowerCase());
    },
  );
  return out;
}

/** Greedy longest-match of glossary phrases over a key sequence. */
function matchPhrases(
  keys: string[],
  dict: Map<string, GlossaryEntry>,
  maxLen: number,
  sep: string,
  onEntry: (e: GlossaryEntry, from: number, to: number) => void,
  onSingle: (i: number) => void,
): void {
  let i = 0;
  while (i < keys.length) {
    let matched = 0;
    for (let n = Math.min(maxLen, keys.length - i); n >= 1; n--) {
      const key = n === 1 ? keys[i] : keys.slice(i, i + n).join(sep);
      const e = dict.get(key);
      if (e) {
        onEntry(e, i, i + n);
        matched = n;
        break;
      }
    }
    if (matched) i += matched;
    else {
      onSingle(i);
      i++;
    }
  }
}

/**
 * Weighted concepts of a text, in order of occurrence (duplicates kept: callers count them).
 * `record` feeds the display lexicon (used for matched-term labels).
 */
export function analyzeWeighted(text: string, _lang?: AnalyzerLanguage, record = true): WeightedConcept[] {
  if (!text) return [];
  const g = glossary();
  const toks = tokenize(text);
  const out: WeightedConcept[] = [];
  // Group consecutive tokens of the same script and analyse each run with its language's rules.
  let i = 0;
  while (i < toks.length) {
    const kind = toks[i].kind;
    let j = i;
    while (j < toks.length && toks[j].kind === kind) j++;
    const run = toks.slice(i, j);
    if (kind === 'en') {
      out.push(...englishConcepts(run, record));
    } else if (kind === 'zh') {
      // Glossary terms may span several jieba words (杂交|水稻): match on concatenations.
      let k = 0;
      while (k < run.length) {
        let matched = 0;
        let acc = '';
        const cands: [number, string][] = [];
        for (let n = 1; n <= 4 && k + n <= run.length; n++) {
          acc += run[k + n - 1].key;
          if (acc.length > g.maxZhChars) break;
          cands.push([n, acc]);
        }
        for (let c = cands.length - 1; c >= 0; c--) {
          const e = g.zh.get(cands[c][1]);
          if (e) {
            emitEntry(e, out, 'zh', cands[c][1], record);
            matched = cands[c][0];
            break;
          }
        }
        if (matched) {
          k += matched;
          continue;
        }
        const w = run[k].key;
        k++;
        if (w.length < 2 || ZH_STOP_WORDS.has(w)) continue;
        out.push(...chineseWordConcepts(w));
      }
    } else {
      const keys = run.map((t) => urduBaseForm(t.key, g.urTokens));
      // quote the words as written (inflected), index them by their base form
      const written = (from: number, to: number) => run.slice(from, to).map((t) => t.surface).join(' ');
      matchPhrases(
        keys,
        g.ur,
        g.maxUr,
        ' ',
        (e, from, to) => emitEntry(e, out, 'ur', written(from, to), record),
        (k) => {
          const w = keys[k];
          if (w.length < 2 || UR_STOP_WORDS.has(w)) return;
          // a form kept for a longer phrase that, alone, inflects a one-word term (کیڑوں → کیڑا)
          const base = g.ur.has(w) ? null : urduSingleBase(w, g.ur);
          if (base) emitEntry(g.ur.get(base)!, out, 'ur', run[k].surface, record);
          else out.push({ c: `ur:${w}`, w: 1, s: run[k].surface });
        },
      );
    }
    i = j;
  }
  return out;
}

/** Concept ids of a text (duplicates removed, first-occurrence order). For tests and debugging. */
export function analyze(text: string, lang?: AnalyzerLanguage): string[] {
  return [...new Set(analyzeWeighted(text, lang, false).map((x) => x.c))];
}
