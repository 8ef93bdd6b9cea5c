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
import type { Element, Root, Nodes } from 'hast';
import { attr, classTokens, collapse } from './hast.ts';
import { readFileSync } from 'node:fs';
import { z } from 'zod';

/** Class and id words, checked when loaded (a data file, like the registry's). */
const words = z.array(z.string().regex(/^[a-z0-9]+$/u));
const hintsFile = z.object({ positive: words, negative: words, drop: words, dropJoined: words, lede: words, author: words, caption: words });
const hints = hintsFile.parse(JSON.parse(readFileSync(new URL('./blockHints.json', import.meta.url), 'utf8')));

export type BlockKind = 'paragraph' | 'heading' | 'item' | 'quote' | 'caption' | 'row' | 'text';

export interface Block {
  text: string;
  kind: BlockKind;
  /** heading level 1–6 */
  level?: number;
  linkChars: number;
  /** holds a link to the author (rel="author", an "author" class): a byline's link, not navigation */
  authorLink: boolean;
  /** holds a link to another site (a source's, or an advertiser's) */
  offsiteLink: boolean;
  /** characters inside an element with a "drop" class word (comments, related, breadcrumb…), inline ones included */
  dropChars: number;
  /** the depth (index in `path`) of the outermost such element */
  dropAt: number;
  /** characters set in bold, a <font size> or a heading: a headline set by hand on old pages */
  strongChars: number;
  /** open elements when the block ended, outermost first */
  path: Element[];
  line: number;
  column: number;
}

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
  removed: { text: string; reason: string }[];
  /** the block chosen as the title, if any */
  titleBlock: Block | null;
}

const NEVER = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'svg', 'canvas', 'select', 'option', 'button', 'input', 'textarea', 'map', 'audio', 'video', 'head', 'title', 'link', 'meta', 'math', 'frameset', 'frame', 'dialog']);
const PAGE_CHROME = new Set(['nav', 'aside', 'menu']);
const BLOCK = new Set(['p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'caption', 'blockquote', 'figure', 'figcaption', 'section', 'article', 'main', 'header', 'footer', 'address', 'center', 'pre', 'hr', 'form', 'fieldset', 'body', 'html', 'details', 'summary', 'legend']);
const CONTAINER = new Set(['div', 'section', 'article', 'main', 'td', 'th', 'body', 'form', 'center', 'blockquote', 'figure', 'ul', 'ol', 'table', 'tbody', 'dl', 'dd']);
const STRONG = new Set(['b', 'strong', 'font', 'big', 'h1', 'h2', 'h3']);
const POSITIVE = new Set(hints.positive);
const NEGATIVE = new Set(hints.negative);
const DROP = new Set(hints.drop);
const LEDE_WORDS = new Set(hints.lede);
const CAPTION_WORDS = new Set(hints.caption);
/** a caption is short */
const CAPTION_MAX_CHARS = 300;

const isHidden = (el: Element): boolean => {
  if (el.properties['hidden'] !== undefined && el.properties['hidden'] !== false) return true;
  if (attr(el, 'ariaHidden') === 'true') return true;
  const style = (attr(el, 'style') ?? '').toLowerCase().replace(/\s+/gu, '');
  return style.includes('display:none') || style.includes('visibility:hidden');
};

/** Subtree facts, computed bottom-up without recursion: text length, and whether block children exist. */
interface Facts { chars: number; blockInside: boolean; insideArticle: boolean }

function subtreeFacts(root: Root): Map<Element, Facts> {
  const facts = new Map<Element, Facts>();
  const order: { el: Element; parent: Element | null }[] = [];
  const stack: { node: Nodes; parent: Element | null; inArticle: boolean }[] = root.children.map((c) => ({ node: c, parent: null, inArticle: false })).reverse();
  const inArticle = new Map<Element, boolean>();
  while (stack.length) {
    const { node, parent, inArticle: ia } = stack.pop()!;
    if (node.type !== 'element') {
      if (node.type === 'text' && parent) {
        const f = facts.get(parent)!;
        f.chars += collapse(node.value).length;
      }
      continue;
    }
    facts.set(node, { chars: 0, blockInside: false, insideArticle: ia });
    inArticle.set(node, ia);
    order.push({ el: node, parent });
    if (NEVER.has(node.tagName)) continue;
    const childIa = ia || node.tagName === 'article' || node.tagName === 'main';
    for (let i = node.children.length - 1; i >= 0; i--) stack.push({ node: node.children[i]!, parent: node, inArticle: childIa });
  }
  for (let i = order.length - 1; i >= 0; i--) {
    const { el, parent } = order[i]!;
    if (!parent) continue;
    const f = facts.get(el)!;
    const p = facts.get(parent)!;
    p.chars += f.chars;
    if (BLOCK.has(el.tagName) || f.blockInside) p.blockInside = true;
  }
  return facts;
}

/** Why an element (and all it holds) is not part of any story, or null. */
function chromeReason(el: Element, facts: Facts): string | null {
  if (NEVER.has(el.tagName)) return null; // dropped without a trace: no reader text
  if (isHidden(el)) return 'hidden';
  if (PAGE_CHROME.has(el.tagName)) return el.tagName === 'aside' ? 'aside' : 'navigation';
  if ((el.tagName === 'header' || el.tagName === 'footer') && !facts.insideArticle) return el.tagName;
  if (el.tagName === 'form' && facts.chars < 300) return 'form';
  return null;
}

const AUTHOR_WORDS = new Set(hints.author);

function isAuthorLink(a: Element, parent: Element | undefined): boolean {
  if (/\bauthor\b/iu.test(attr(a, 'rel') ?? '')) return true;
  return [a, parent].some((el) => el && classTokens(el).some((t) => AUTHOR_WORDS.has(t)));
}

function isOffsiteLink(a: Element, siteHost: string | null): boolean {
  if (!siteHost) return false;
  try {
    const host = new URL(attr(a, 'href') ?? '').hostname.toLowerCase().replace(/^www\./u, '');
    return /^https?:/iu.test(attr(a, 'href') ?? '') && host !== siteHost && !host.endsWith(`.${siteHost}`) && !siteHost.endsWith(`.${host}`);
  } catch {
    return false;
  }
}

function textBlocks(tree: Root, facts: Map<Element, Facts>, removed: Story['removed'], siteHost: string | null): Block[] {
  const blocks: Block[] = [];
  const open: Element[] = [];
  let buf = '';
  let linkChars = 0;
  let anchorDepth = 0;
  let strongDepth = 0;
  let strongChars = 0;
  let authorLink = false;
  let offsiteLink = false;
  let dropChars = 0;
  let dropAt = Infinity;
  const dropOpen: number[] = [];
  let start: { line: number; column: number } | null = null;
  let rowMode = 0;
  const flush = (): void => {
    const text = collapse(buf).replace(/(?:\s–)+$/u, '');
    // a table row of empty cells is no text
    if (text && /[\p{L}\p{N}]/u.test(text)) {
      let kind: BlockKind = 'text';
      let level: number | undefined;
      for (let i = open.length - 1; i >= 0; i--) {
        const t = open[i]!.tagName;
        if (/^h[1-6]$/u.test(t)) { kind = 'heading'; level = Number(t[1]); break; }
        if (t === 'figcaption' || t === 'caption') { kind = 'caption'; break; }
        if (t === 'li' || t === 'dd' || t === 'dt') { kind = 'item'; break; }
        if (t === 'blockquote') { kind = 'quote'; break; }
        if (t === 'tr' && rowMode) { kind = 'row'; break; }
        if (t === 'p') { kind = 'paragraph'; break; }
      }
      // a short block in a "caption"/"image" class (old pages put pictures and captions in tables)
      if ((kind === 'paragraph' || kind === 'text' || kind === 'row') && text.length <= CAPTION_MAX_CHARS && open.slice(-3).some((el) => classTokens(el).some((t) => CAPTION_WORDS.has(t)))) kind = 'caption';
      blocks.push({ text, kind, ...(level ? { level } : {}), linkChars: Math.min(linkChars, text.length), authorLink, offsiteLink, dropChars: Math.min(dropChars, text.length), dropAt, strongChars: Math.min(strongChars, text.length), path: [...open], line: start?.line ?? 1, column: start?.column ?? 1 });
    }
    buf = '';
    linkChars = 0;
    strongChars = 0;
    authorLink = false;
    offsiteLink = false;
    dropChars = 0;
    dropAt = Infinity;
    start = null;
  };
  type Step = { node: Nodes; exit?: Element };
  const stack: Step[] = tree.children.map((node): Step => ({ node })).reverse();
  while (stack.length) {
    const step = stack.pop()!;
    if (step.exit) {
      const el = step.exit;
      if (el.tagName === 'a') anchorDepth--;
      if (STRONG.has(el.tagName)) strongDepth--;
      if (dropOpen.at(-1) === open.length - 1) dropOpen.pop();
      const rowLike = el.tagName === 'tr' && rowMode > 0;
      if (BLOCK.has(el.tagName) && !(rowMode && (el.tagName === 'td' || el.tagName === 'th'))) flush();
      else if (rowMode && (el.tagName === 'td' || el.tagName === 'th')) buf += ' – ';
      if (rowLike) rowMode--;
      open.pop();
      continue;
    }
    const node = step.node;
    if (node.type === 'text') {
      if (!start && node.value.trim() && node.position) start = { line: node.position.start.line, column: node.position.start.column };
      buf += node.value;
      if (anchorDepth > 0) linkChars += collapse(node.value).length;
      if (strongDepth > 0) strongChars += collapse(node.value).length;
      if (dropOpen.length) { dropChars += collapse(node.value).length; dropAt = Math.min(dropAt, dropOpen[0]!); }
      continue;
    }
    if (node.type !== 'element') continue;
    const el = node;
    const f = facts.get(el);
    if (NEVER.has(el.tagName)) continue;
    const why = f ? chromeReason(el, f) : null;
    if (why) {
      const text = textOfVisible(el);
      if (text) removed.push({ text, reason: `html-${why}` });
      continue;
    }
    if (el.tagName === 'br' || el.tagName === 'hr') { flush(); continue; }
    if (el.tagName === 'img') {
      const alt = attr(el, 'alt');
      if (alt && alt.trim()) removed.push({ text: collapse(alt), reason: 'html-image-alt' });
      continue;
    }
    if (BLOCK.has(el.tagName) && !(rowMode && (el.tagName === 'td' || el.tagName === 'th'))) flush();
    if (el.tagName === 'tr' && !el.children.some((c) => c.type === 'element' && facts.get(c)?.blockInside)) rowMode++;
    if (el.tagName === 'a') {
      anchorDepth++;
      if (isAuthorLink(el, open[open.length - 1])) authorLink = true;
      else if (isOffsiteLink(el, siteHost)) offsiteLink = true;
    }
    if (STRONG.has(el.tagName)) strongDepth++;
    if (dropWord(el)) dropOpen.push(open.length);
    open.push(el);
    stack.push({ node: el, exit: el });
    for (let i = el.children.length - 1; i >= 0; i--) stack.push({ node: el.children[i]! });
  }
  flush();
  return blocks;
}

/** The text a reader would see in a dropped subtree (for `removed`). */
function textOfVisible(el: Element): string {
  const parts: string[] = [];
  const stack: Nodes[] = [el];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.type === 'text') parts.push(n.value);
    else if (n.type === 'element') {
      if (NEVER.has(n.tagName)) continue;
      parts.push(' ');
      for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]!);
    }
  }
  return collapse(parts.join(''));
}

function classWeight(el: Element): number {
  let w = 0;
  const tokens = classTokens(el);
  if (tokens.some((t) => POSITIVE.has(t))) w += 25;
  if (tokens.some((t) => NEGATIVE.has(t))) w -= 25;
  return w;
}

const dropWord = (el: Element): boolean => {
  const tokens = classTokens(el);
  if (tokens.some((t) => DROP.has(t))) return true;
  const joined = tokens.join('');
  return hints.dropJoined.some((w) => joined.includes(w));
};

const containerOf = (path: readonly Element[], from = path.length - 1): number => {
  for (let i = from; i >= 0; i--) if (CONTAINER.has(path[i]!.tagName)) return i;
  return -1;
};

const linkDensity = (b: { linkChars: number; text: string }): number => b.linkChars / Math.max(1, b.text.length);

/** The elements that hold the story. */
function pickStory(blocks: readonly Block[]): Set<Element> {
  const score = new Map<Element, number>();
  const chars = new Map<Element, number>();
  const links = new Map<Element, number>();
  const prose = new Map<Element, number>();
  for (const b of blocks) {
    const isProse = b.text.length >= 25 && linkDensity(b) <= 0.3 && b.kind !== 'heading';
    for (const el of b.path) {
      chars.set(el, (chars.get(el) ?? 0) + b.text.length);
      links.set(el, (links.get(el) ?? 0) + b.linkChars);
      if (isProse) prose.set(el, (prose.get(el) ?? 0) + b.text.length);
    }
    if (!isProse) continue;
    const s = 1 + (b.text.match(/[,،，]/gu)?.length ?? 0) + Math.min(Math.floor(b.text.length / 100), 3);
    let at = containerOf(b.path);
    for (let lvl = 0; lvl < 3 && at >= 0; lvl++) {
      const el = b.path[at]!;
      if (!score.has(el)) score.set(el, classWeight(el));
      score.set(el, score.get(el)! + s / (lvl === 0 ? 1 : lvl * 2));
      at = containerOf(b.path, at - 1);
    }
  }
  let best: Element | null = null;
  let bestScore = -Infinity;
  for (const [el, s] of score) {
    const d = (links.get(el) ?? 0) / Math.max(1, chars.get(el) ?? 0);
    const final = s * (1 - d);
    score.set(el, final);
    if (final > bestScore) { best = el; bestScore = final; }
  }
  const story = new Set<Element>();
  if (!best) return story;
  story.add(best);
  // siblings that score nearly as well (a story split in two containers, a sapo box beside the body)
  const parentPath = blocks.find((b) => b.path.includes(best))?.path;
  const parent = parentPath ? parentPath[parentPath.indexOf(best) - 1] : undefined;
  if (parent) {
    for (const c of parent.children) {
      if (c.type !== 'element' || c === best) continue;
      const s = score.get(c) ?? 0;
      // a sibling that scores nearly as well, or whose text (links aside) is mostly prose
      const p = prose.get(c) ?? 0;
      const plain = (chars.get(c) ?? 0) - (links.get(c) ?? 0);
      if ((s >= Math.max(10, bestScore * 0.2) || (p >= 80 && p >= plain * 0.6)) && !dropWord(c)) story.add(c);
    }
  }
  return story;
}

/** a credit link (author, another site) is kept as a line when it is this short */
const HEADER_LINK_WORDS = 10;
const OFFSITE_LINK_WORDS = 6;
const DATE_LIKE = /(?<!\d)(?:\d{1,2}\s*\/\s*\d{1,2}|\d{1,2}-\d{1,2}-\d{2,4}|\d{1,2}:\d{2}|\d{4}-\d{2}-\d{2})(?!\d)|tháng\s+\d{1,2}(?!\d)/iu;

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
