/**
 * The block that shows a page's title: the one equal to a title the metadata gives, else the <h1> above
 * the story, else the nearest headline-like block before it.
 */
import { classTokens } from './hast.ts';
import { linkDensity, type Block } from './blocks.ts';

/** a dateline's look: a date or a time */
export const DATE_LIKE = /(?<!\d)(?:\d{1,2}\s*\/\s*\d{1,2}|\d{1,2}-\d{1,2}-\d{2,4}|\d{1,2}:\d{2}|\d{4}-\d{2}-\d{2})(?!\d)|tháng\s+\d{1,2}(?!\d)/iu;

function normTitle(s: string): string {
  return s.normalize('NFC').toLowerCase().replace(/[\s\u00a0]+/gu, ' ').replace(/["“”'‘’]/gu, '').trim();
}

/** The parts of a page title around its separators: "Tựa bài | CafeF Mobile" → ["Tựa bài | CafeF Mobile", "Tựa bài", "CafeF Mobile"]. */
export function titleParts(title: string): string[] {
  const parts = title.split(/\s+[|–—-]\s+|\s+[|]\s*|\s*[|]\s+/u).map((s) => s.trim()).filter(Boolean);
  return [title, ...parts];
}

const TITLE_WORDS = new Set(['title', 'headline', 'tieude', 'tieu', 'heading']);

/** A short block that looks like a headline: a heading, all in bold, or in a "title" class; not a dateline, not a lead-in. */
function looksLikeHeadline(b: Block): boolean {
  const words = b.text.split(' ').length;
  if (b.text.length > 200 || words < 4 || /[:：]$/u.test(b.text) || linkDensity(b) > 0.5) return false;
  if (DATE_LIKE.test(b.text) && b.text.length < 60) return false;
  return (b.kind === 'heading' && (b.level ?? 9) <= 3) || b.strongChars >= b.text.length * 0.9 || b.path.some((el) => classTokens(el).some((t) => TITLE_WORDS.has(t)));
}

/**
 * The visible block that shows the title: a heading (or any short block) equal to one the metadata
 * gives; else the first <h1> with text; else the nearest headline-like block before the story.
 */
export function pickTitle(blocks: readonly Block[], metaTitles: readonly string[], storyStart = -1): Block | null {
  const wanted = new Set(metaTitles.flatMap(titleParts).filter((t) => t.length >= 8).map(normTitle));
  const candidates = blocks.filter((b) => b.text.length >= 8 && b.text.length <= 300 && linkDensity(b) < 0.5);
  const matches = candidates.filter((b) => wanted.has(normTitle(b.text)));
  const heading = matches.find((b) => b.kind === 'heading') ?? [...matches].sort((a, b) => b.text.length - a.text.length)[0];
  if (heading) return heading;
  // a headline may be a link to itself: a heading that is the page's whole own title (not a part of it)
  const whole = new Set(metaTitles.map(normTitle));
  const linked = blocks.find((b) => b.kind === 'heading' && (b.level ?? 9) <= 3 && whole.has(normTitle(b.text)));
  if (linked) return linked;
  // the <h1> nearest above the story (a site may set its name in an <h1> at the top), else the first one
  const h1s = candidates.filter((b) => b.kind === 'heading' && b.level === 1);
  const above = storyStart >= 0 ? h1s.filter((b) => blocks.indexOf(b) <= storyStart).at(-1) : undefined;
  const h1 = above ?? h1s[0];
  if (h1) return h1;
  for (let i = storyStart - 1; i >= 0 && i >= storyStart - 40; i--) if (looksLikeHeadline(blocks[i]!)) return blocks[i]!;
  return null;
}
