/**
 * Where the story sits in a whole page (select-all + copy): jusText-like line shapes.
 *
 * Each segment is given a shape: `prose` (a long paragraph that ends like a sentence),
 * `sentence` (a short line that ends like one, a table row: it neither makes nor breaks
 * a story), `break` (a comments header or a footer: nothing after it is the same block) or `short` (menus, tag lists, link titles, date pickers). Runs of prose
 * with at most MAX_GAP short lines between them are blocks; the story is the block with
 * the most words of prose. Pure: the segments in, the span out.
 */
import { defaultRegistries, perRegistries, type Registries } from '../registry/index.ts';
import { wordCount } from '../read/text.ts';
import type { Classified } from './types.ts';

export type LineShape = 'prose' | 'sentence' | 'short' | 'break' | 'neutral';

export interface StorySpan {
  /** index of the story's first prose segment */
  first: number;
  /** index of its last prose, sentence or table segment */
  last: number;
  /** index of its last prose segment */
  lastProse: number;
  /** words of prose in the block */
  words: number;
}

/** a paragraph of the story has this many words or more */
export const PROSE_MIN_WORDS = 12;
/** short lines a story may hold between two paragraphs (a caption, a subheading, a share row) */
const MAX_GAP = 4;
const SENTENCE_END_RE = /[.!?…]["”’»)]?\s?$/u;
const SHORT_SENTENCE_END_RE = /[.!?…;]["”’»)]?\s?$/u;
/** "Bình luận (3)": the readers' comments start (the registries' comment headers, once per Registries) */
const commentsHeaderOf = perRegistries(({ boilerplate }) => new RegExp(`^(?:${boilerplate.commentHeaders.join('|')})$`, 'iu'));
/** roles a story holds between its paragraphs: they neither extend nor break it */
const NEUTRAL_ROLES: ReadonlySet<string> = new Set(['caption', 'photo-credit', 'image', 'photo-marker', 'credit', 'source', 'byline', 'dateline', 'repeated-caption', 'duplicate-paragraph', 'repeated-title', 'related-link', 'html', 'title', 'lede']);

/** a line without the pipes a page prints after it ("Thế giới |"); the regex only when a pipe is there:
 *  on a long paragraph it would try every space */
export const withoutPipe = (t: string): string => (t.includes('|') ? t.replace(/\s*\|+\s*$/u, '') : t).trim();


/** a table row: cells separated by tabs */
export const isTableRow = (text: string): boolean => /\S\t+\S/u.test(text);

export function lineShape(s: Classified, reg: Registries = defaultRegistries()): LineShape {
  if (s.role === 'footer') return 'break';
  if (s.role === 'related-link' && s.ruleId === 'related-header') return 'short';
  const t = withoutPipe(s.text);
  if (commentsHeaderOf(reg).test(t)) return 'break';
  if (NEUTRAL_ROLES.has(s.role)) return 'neutral';
  if (s.role !== 'text' && s.role !== 'body') return 'short';
  if (isTableRow(s.text)) return 'sentence';
  const words = wordCount(t);
  if (words >= PROSE_MIN_WORDS && SENTENCE_END_RE.test(t)) return 'prose';
  // "6 bảng đấu tại vòng loại thứ 3:" announces what follows: it neither ends nor extends the story
  if (/:\s?$/u.test(t)) return 'neutral';
  if (words >= 2 && SHORT_SENTENCE_END_RE.test(t)) return 'sentence';
  return 'short';
}

/** The block of prose with the most words, or null when the page has no paragraph. */
export function locateStory(segments: readonly Classified[], reg: Registries = defaultRegistries()): StorySpan | null {
  let best: StorySpan | null = null;
  let cur: StorySpan | null = null;
  let gap = 0;
  const close = (): void => {
    if (cur && (!best || cur.words > best.words)) best = cur;
    cur = null;
  };
  segments.forEach((s, i) => {
    const shape = lineShape(s, reg);
    if (shape === 'break') { close(); return; }
    if (shape === 'prose') {
      if (!cur) cur = { first: i, last: i, lastProse: i, words: 0 };
      cur.last = i;
      cur.lastProse = i;
      cur.words += wordCount(s.text);
      gap = 0;
      return;
    }
    if (!cur) return;
    if (shape === 'sentence') { cur.last = i; gap = 0; return; }
    // a dateline inside a block dates a list's items ("Tài xế buồn ngủ…", "14/03/2016")
    gap += shape === 'short' || s.role === 'dateline' ? 1 : 0;
    if (gap > MAX_GAP) close();
  });
  close();
  return best;
}
