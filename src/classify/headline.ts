/**
 * What a headline looks like, and prose: a headline-like line (a few words, capitalised, no full stop),
 * a headline's outlet suffix ("… - Báo Người Lao Động Online"), two printings of one headline compared,
 * and a paragraph of running text (long, ending like a sentence).
 */
import { defaultRegistries, type Registries } from '../registry/index.ts';
import { wordCount } from '../read/text.ts';
import { withoutPipe } from './storyZone.ts';
import type { Classified } from './types.ts';

/** a paragraph long enough to be body text, never a heading or a widget */
export const LONG_PARAGRAPH_WORDS = 15;
const TITLE_MIN_WORDS = 4;
const TITLE_MAX_WORDS = 35;
/** a headline usually has this many words or more; a section or blog name fewer */
export const HEADLINE_WORDS = 8;
export const SENTENCE_END_RE = /[.!?…]["”’»)]?$|[.!?…]\s?["”’»)]$/u;

const TITLE_START_RE = /^[\p{Lu}\p{N}"'“‘«(\[]/u;

/** "X X" (a related link printed twice in one line) */
export function doubledHalf(text: string): string | null {
  const t = withoutPipe(text);
  const half = (t.length - 1) / 2;
  if (!Number.isInteger(half) || half < 10) return null;
  const a = t.slice(0, half);
  return t[half] === ' ' && a === t.slice(half + 1) && isTitleLike(a) ? a : null;
}

export function isTitleLike(text: string): boolean {
  const t = withoutPipe(text);
  const words = wordCount(t);
  return words >= TITLE_MIN_WORDS && words <= TITLE_MAX_WORDS && TITLE_START_RE.test(t) && !/[.:;,]$/u.test(t) && !/[.!…]["”’»)]?$/u.test(t);
}

/** "Tiêu đề - Báo Người Lao Động Online" → the title, and the outlet named in its suffix */
const TITLE_SUFFIX_RE = /^(.{10,}?)\s(?:[-–—|])\s([^-–—|]{2,60})$/u;
/** a headline is never longer than this; longer lines need no title checks */
const TITLE_MAX_CHARS = 300;

export function splitTitleSuffix(text: string, reg: Registries = defaultRegistries()): { title: string; outletId?: string } {
  const t = withoutPipe(text);
  const m = t.length <= TITLE_MAX_CHARS && /\s[-–—|]\s/u.test(t) ? TITLE_SUFFIX_RE.exec(t) : null;
  if (m) {
    const o = reg.outlets.lookup(m[2]!.trim());
    if (o) return { title: m[1]!.trim(), outletId: o.id };
  }
  return { title: t };
}

const STOP_OR_SPACE_RE = /[\s.!?…]/u;
/** the text without the spaces and full stops at its end (a loop: /[\s.!?…]+$/ tries every space of a long paragraph) */
function withoutTrailingStops(t: string): string {
  let end = t.length;
  while (end > 0 && STOP_OR_SPACE_RE.test(t[end - 1]!)) end--;
  return t.slice(0, end);
}

/**
 * A line as two printings of it compare: lower case, quotes and runs of spaces as one space, no full
 * stop at the end. (toLowerCase: Vietnamese has no casing of its own, and "vi" lowercases exactly as it.)
 */
export const comparable = (t: string): string =>
  withoutTrailingStops(withoutPipe(t).toLowerCase().replace(/[\s"“”'‘’«»]+/gu, ' ')).trim();

/** the headline keys of this article's lines, with the registries they were made with (parseArticle forgets them after each article) */
let keys: { reg: Registries; memo: Map<string, string | null> } | undefined;
const KEY_MEMO = 5_000;
/** Forgets the remembered keys (slices of an article's text: kept, they would keep it alive). */
export function forgetHeadlineKeys(): void {
  keys = undefined;
}
/** the comparable form of a line as a headline (suffix and " |" gone); null for lines too long to be one. The title rules ask it of every line, several times. */
export function headlineKey(text: string, reg: Registries): string | null {
  if (text.length > TITLE_MAX_CHARS) return null;
  if (keys?.reg !== reg || keys.memo.size >= KEY_MEMO) keys = { reg, memo: new Map() };
  let key = keys.memo.get(text);
  if (key === undefined) {
    key = comparable(splitTitleSuffix(text, reg).title);
    keys.memo.set(text, key);
  }
  return key;
}
/** a paragraph of running text: long, and ending like a sentence (a headline does not) */
export const isLong = (s: Classified): boolean => wordCount(s.text) >= LONG_PARAGRAPH_WORDS && SENTENCE_END_RE.test(withoutPipe(s.text));
