/**
 * The story out of a page's markup, by structure and by the density of text and links (the idea
 * of Readability, simplified), not by any one site's class names:
 *
 *  1. drop what is never the story: scripts, styles, forms, nav, aside, page header and footer
 *     (those outside an <article>), hidden elements, embedded frames and media;
 *  2. cut the rest into blocks (paragraphs, headings, list items, table rows, quotes, captions,
 *     and text runs split at <br>), each with its share of link text;
 *  3. score containers by the paragraphs they hold (length, commas; link-heavy containers and
 *     class words such as "comment", "related", "sidebar" count against): the best one, and its
 *     siblings that score nearly as well, are the story;
 *  4. the lines of the page are then: the title block, the short lines between it and the story
 *     (dateline, sapo, byline), the story without its link lists and comment/related boxes, and a
 *     few short lines right after it (byline, source). The Vietnamese text rules do the rest.
 *
 * Every block that is dropped is returned with its reason, so nothing is lost silently.
 */
import type { Element, Root } from 'hast';
import { attr, classTokens } from './hast.ts';
import { AUTHOR_WORDS, LEDE_WORDS, dropWord } from './blockHints.ts';
import { linkDensity, subtreeFacts, textBlocks, type Block, type BlockKind, type RemovedText } from './blocks.ts';
import { DATE_LIKE, pickTitle } from './pageTitle.ts';
import { pickStory } from './storyContainer.ts';

export type { Block, BlockKind } from './blocks.ts';

export interface StoryLine {
  text: string;
  kind: BlockKind | 'title';
  /** inside the story's containers, or around them (title, dateline, byline) */
  inStory: boolean;
  /** set apart: all in bold, aligned right, or in an "author" class (a byline's look) */
  setApart: boolean;
  /** in a "sapo", "lead", "summary"… class: the standfirst */
  ledeHint: boolean;
  line: number;
  column: number;
}

export interface Story {
  lines: StoryLine[];
  removed: RemovedText[];
  /** the block chosen as the title, if any */
  titleBlock: Block | null;
}

/** a credit link (author, another site) is kept as a line when it is this short */
const HEADER_LINK_WORDS = 10;
const OFFSITE_LINK_WORDS = 6;

/**
 * A short line whose link is an author's page (or, around the story, a very short one to another site:
 * "Theo Reuters"): a byline or a source, for the text rules to read. Inside the story an off-site link
 * line is more often an advertiser's.
 */
const isCreditLine = (b: Block, aroundStory: boolean): boolean => {
  const words = b.text.split(' ').filter((w) => /\p{L}/u.test(w)).length;
  return (b.authorLink && words <= HEADER_LINK_WORDS) || (aroundStory && b.offsiteLink && words <= OFFSITE_LINK_WORDS);
};

function isSetApart(b: Block): boolean {
  return b.strongChars >= b.text.length * 0.9 || b.path.slice(-2).some((el) => classTokens(el).some((t) => AUTHOR_WORDS.has(t))) || b.path.slice(-3).some((el) => /^right$/iu.test(attr(el, 'align') ?? '') || /text-align:\s*right/iu.test(attr(el, 'style') ?? ''));
}

function isInside(b: Block, set: ReadonlySet<Element>): boolean {
  return b.path.some((el) => set.has(el));
}

export function extractStory(tree: Root, metaTitles: readonly string[], siteHost: string | null = null): Story {
  const removed: Story['removed'] = [];
  const facts = subtreeFacts(tree);
  const blocks = textBlocks(tree, facts, removed, siteHost);
  const story = pickStory(blocks);
  const inStory = blocks.map((b) => isInside(b, story));
  const first = inStory.indexOf(true);
  const titleBlock = pickTitle(blocks, metaTitles, first);
  const last = inStory.lastIndexOf(true);
  const titleAt = titleBlock ? blocks.indexOf(titleBlock) : -1;
  const keep = new Map<number, StoryLine['kind']>();
  const why = new Map<number, string>();

  if (first >= 0) {
    for (let i = first; i <= last; i++) {
      if (!inStory[i]) continue;
      const b = blocks[i]!;
      const storyAt = b.path.findIndex((el) => story.has(el));
      const junkBox = b.path.slice(storyAt + 1).some((el) => dropWord(el)) || (b.dropChars >= b.text.length / 2 && b.dropAt > storyAt);
      if (junkBox) why.set(i, 'html-related-or-comments');
      else if (linkDensity(b) > 0.5 && !isCreditLine(b, false)) why.set(i, 'html-link-list');
      else keep.set(i, b.kind);
    }
  }
  // a lead-in to a dropped link list ("Đọc thêm tin tài chính trên X:") goes with it
  for (const [i] of keep) {
    const next = why.get(i + 1);
    const b = blocks[i]!;
    if (next && /[:：]$/u.test(b.text) && b.text.length < 120) { keep.delete(i); why.set(i, next); }
  }
  // the title, and the short lines between it and the story: dateline, sapo, byline
  const headerFrom = titleAt >= 0 && (first < 0 || titleAt < first) ? titleAt : -1;
  if (titleAt >= 0) keep.set(titleAt, 'title');
  if (headerFrom >= 0 && first >= 0) {
    const gap = [];
    for (let i = headerFrom + 1; i < first; i++) {
      const b = blocks[i]!;
      // a short link here is often the author's ("Long Trần - Theo Trí Thức Trẻ"); the text rules tell it from a breadcrumb
      if ((linkDensity(b) > 0.5 && !isCreditLine(b, true)) || b.path.some(dropWord) || b.dropChars >= b.text.length / 2) continue;
      gap.push(i);
    }
    for (const i of gap.slice(-12)) keep.set(i, blocks[i]!.kind);
  }
  // a dateline just before the title ("Thời sự | Thứ Sáu, 30/11/2012 16:00")
  if (titleAt > 0) {
    for (let i = titleAt - 1, seen = 0; i >= 0 && seen < 3; i--, seen++) {
      const b = blocks[i]!;
      if (b.text.length < 120 && DATE_LIKE.test(b.text) && linkDensity(b) <= 0.5) { keep.set(i, b.kind); break; }
    }
  }
  // short lines right after the story: the byline, "Theo …"
  if (last >= 0) {
    for (let i = last + 1, n = 0; i < blocks.length && n < 3; i++, n++) {
      const b = blocks[i]!;
      if ((linkDensity(b) > 0.3 && !isCreditLine(b, true)) || b.kind === 'heading' || b.text.length > 80 || b.path.some(dropWord)) break;
      keep.set(i, b.kind);
    }
  }
  const lines: StoryLine[] = [];
  // the title first, then the rest in page order
  if (titleAt >= 0) lines.push({ text: blocks[titleAt]!.text, kind: 'title', inStory: false, setApart: true, ledeHint: false, line: blocks[titleAt]!.line, column: blocks[titleAt]!.column });
  let run: { text: string[]; reason: string } | null = null;
  const closeRun = (): void => {
    if (run) removed.push({ text: run.text.join(' · '), reason: run.reason });
    run = null;
  };
  blocks.forEach((b, i) => {
    const kind = keep.get(i);
    if (kind && i !== titleAt) {
      closeRun();
      lines.push({ text: b.text, kind, inStory: inStory[i]!, setApart: isSetApart(b), ledeHint: b.path.slice(-3).some((el) => classTokens(el).some((t) => LEDE_WORDS.has(t))), line: b.line, column: b.column });
    } else if (!kind) {
      const reason = why.get(i) ?? (i < (first < 0 ? Infinity : first) ? 'html-before-story' : 'html-after-story');
      if (run && run.reason === reason) run.text.push(b.text);
      else { closeRun(); run = { text: [b.text], reason }; }
    }
  });
  closeRun();
  return { lines, removed, titleBlock };
}
