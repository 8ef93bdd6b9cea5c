/**
 * A page's markup cut into blocks (paragraphs, headings, list items, table rows, quotes, captions, and
 * text runs split at <br>), each with its share of link text, bold text and drop-box text; what is never
 * the story (scripts, styles, forms, nav, aside, a page's header and footer outside an <article>, hidden
 * elements, frames and media) goes to `removed` with its reason.
 */
import type { Element, Root, Nodes } from 'hast';
import { attr, classTokens, collapse } from './hast.ts';
import { AUTHOR_WORDS, CAPTION_WORDS, dropWord } from './blockHints.ts';

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

/** a block, or a subtree, that is dropped, and why */
export interface RemovedText { text: string; reason: string }

const NEVER = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'svg', 'canvas', 'select', 'option', 'button', 'input', 'textarea', 'map', 'audio', 'video', 'head', 'title', 'link', 'meta', 'math', 'frameset', 'frame', 'dialog']);
const PAGE_CHROME = new Set(['nav', 'aside', 'menu']);
const BLOCK = new Set(['p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'caption', 'blockquote', 'figure', 'figcaption', 'section', 'article', 'main', 'header', 'footer', 'address', 'center', 'pre', 'hr', 'form', 'fieldset', 'body', 'html', 'details', 'summary', 'legend']);
const STRONG = new Set(['b', 'strong', 'font', 'big', 'h1', 'h2', 'h3']);
/** a caption is short */
const CAPTION_MAX_CHARS = 300;


const isHidden = (el: Element): boolean => {
  if (el.properties['hidden'] !== undefined && el.properties['hidden'] !== false) return true;
  if (attr(el, 'ariaHidden') === 'true') return true;
  const style = (attr(el, 'style') ?? '').toLowerCase().replace(/\s+/gu, '');
  return style.includes('display:none') || style.includes('visibility:hidden');
};

/** Subtree facts, computed bottom-up without recursion: text length, and whether block children exist. */
export interface Facts { chars: number; blockInside: boolean; insideArticle: boolean }

export function subtreeFacts(root: Root): Map<Element, Facts> {
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

export function textBlocks(tree: Root, facts: Map<Element, Facts>, removed: RemovedText[], siteHost: string | null): Block[] {
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


/** the share of a block's text inside links */
export const linkDensity = (b: { linkChars: number; text: string }): number => b.linkChars / Math.max(1, b.text.length);
