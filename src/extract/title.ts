/**
 * Titles that the page lost: restored from the URL slug with the diacritics
 * of words in the article, or the first sentence.
 */
import { foldAscii, wordCount } from '../read/text.ts';

/** trailing ids in article URLs: "-20241219101002248", "-post489189", "-d123.html", "-ar87654" */
const SLUG_ID_RE = /(?:[-_](?:post|d|ar|a|n|p|c|tin|bai)?\d{4,}|[-_]\d+)$/u;
const MAX_NGRAM = 8;
const FIRST_SENTENCE_MAX_WORDS = 25;

export function slugWordsFromUrl(url: string): string[] | null {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return null;
  }
  const last = path.split('/').filter(Boolean).pop();
  if (!last) return null;
  let slug = last.replace(/\.[a-z0-9]{2,5}$/iu, '');
  for (let i = 0; i < 2 && SLUG_ID_RE.test(slug); i++) slug = slug.replace(SLUG_ID_RE, '');
  const words = slug.toLowerCase().split(/[-_]+/).filter((w) => /^[a-z0-9]+$/.test(w));
  return words.length >= 3 ? words : null;
}

const WORD_RE = /[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu;

interface Word { text: string; folded: string; sentenceStart: boolean }

function wordsOf(text: string): Word[] {
  const out: Word[] = [];
  for (const para of text.split('\n')) {
    let prevEnd = 0;
    let sentenceStart = true;
    for (const m of para.matchAll(WORD_RE)) {
      const gap = para.slice(prevEnd, m.index);
      if (/[.!?…:]/u.test(gap)) sentenceStart = true;
      for (const part of m[0].split('-')) out.push({ text: part, folded: foldAscii(part), sentenceStart });
      sentenceStart = false;
      prevEnd = m.index + m[0].length;
    }
  }
  return out;
}

/**
 * "trieu-tien-hop-tac-voi-nga-…" + article text → "Triều Tiên hợp tác với Nga …".
 * Greedy: at each slug position, the longest run of words that the article has.
 * Returns the title and the slug words no article word could restore.
 */
export function titleFromSlug(slugWords: readonly string[], articleText: string): { title: string; unknown: string[] } {
  const words = wordsOf(articleText);
  const firstAt = new Map<string, number[]>();
  words.forEach((w, i) => {
    const list = firstAt.get(w.folded);
    if (list) list.push(i); else firstAt.set(w.folded, [i]);
  });
  // a word written lower case mid-sentence anywhere is a common word: lower case in the title
  const lowerSomewhere = new Set(words.filter((w) => !w.sentenceStart && w.text === w.text.toLowerCase()).map((w) => w.folded));
  const out: string[] = [];
  const unknown: string[] = [];
  let i = 0;
  while (i < slugWords.length) {
    let bestLen = 0;
    let bestAt = -1;
    for (const start of firstAt.get(slugWords[i]!) ?? []) {
      let n = 1;
      while (n < MAX_NGRAM && i + n < slugWords.length && words[start + n]?.folded === slugWords[i + n]) n++;
      if (n > bestLen) { bestLen = n; bestAt = start; }
    }
    if (bestAt < 0) {
      out.push(slugWords[i]!);
      unknown.push(slugWords[i]!);
      i++;
      continue;
    }
    for (let k = 0; k < bestLen; k++) {
      const w = words[bestAt + k]!;
      const isCapitalised = w.text !== w.text.toLowerCase();
      out.push(isCapitalised && (w.sentenceStart || w.text === w.text.toUpperCase()) && lowerSomewhere.has(w.folded)
        ? w.text.toLowerCase()
        : w.text);
    }
    i += bestLen;
  }
  const title = out.join(' ');
  return { title: title.charAt(0).toUpperCase() + title.slice(1), unknown };
}

/** The first sentence of the text, at most ~25 words, as a last-resort title. */
export function firstSentence(text: string): string {
  const para = text.split('\n').find((p) => p.trim()) ?? '';
  const m = /^(.+?[.!?…])(?:\s|$)/u.exec(para);
  let s = (m ? m[1]! : para).trim();
  if (wordCount(s) > FIRST_SENTENCE_MAX_WORDS) s = s.split(/\s+/).slice(0, FIRST_SENTENCE_MAX_WORDS).join(' ') + '…';
  return s.replace(/[.]$/u, '');
}
