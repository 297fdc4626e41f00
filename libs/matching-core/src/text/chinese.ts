import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';

let jieba: Jieba | null = null;
let extraWords: readonly string[] = [];

/** Extra words (the glossary's Chinese terms) that jieba must keep whole; call before first use. */
export function registerChineseWords(words: readonly string[]): void {
  extraWords = words;
  jieba = null;
}

/** Segments Chinese text into words with jieba (HMM on for unknown words); lazily initialised. */
export function segmentChinese(text: string): string[] {
  if (!jieba) {
    jieba = Jieba.withDict(dict);
    if (extraWords.length > 0) {
      const lines = extraWords.filter((w) => !/\s/.test(w)).map((w) => `${w} ${50000 * w.length * w.length} n`).join('\n');
      jieba.loadDict(Buffer.from(lines + '\n', 'utf8'));
    }
  }
  return jieba.cut(text, true);
}

export const HAN_RE = /[\u3400-\u9fff\uf900-\ufaff]/;
export const HAN_ONLY_RE = /^[\u3400-\u9fff\uf900-\ufaff]+$/;

/** Function words and listing boilerplate that carry no topic. */
export const ZH_STOP_WORDS: ReadonlySet<string> = new Set(
  (
    '的 了 和 与 及 以及 或 等 在 是 为 对 可 将 有 于 由 从 把 被 其 该 此 这 那 这些 那些 一个 一种 一套 我们 我方 贵方 本 ' +
    '进行 提供 实现 采用 具有 可以 能够 通过 相关 主要 需求 需要 寻求 寻找 希望 项目 方面 以上 以下 方式 方案 情况 目前 已经 用于 应用 ' +
    '公司 企业 单位 有限公司 股份 集团 中国 巴基斯坦 中巴 合作 技术 产品 服务 领域 其中 同时 并 且 也 都 又 还 而 但 如果 因此 使 ' +
    '包括 具备 开展 支持 形成 拥有 成功 已 已在 多个 多项 国家 地区 当地 国内 国际 先进 成熟 优势 特点 可靠 稳定 高效 良好 显著'
  ).split(/\s+/),
);
