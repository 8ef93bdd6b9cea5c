/**
 * A saved web page (.html, .htm) → the lines the Vietnamese text rules read, and the facts its
 * markup gives (src/parse.ts weighs them against the text). Pure: text in, lines and facts out;
 * nothing is executed or fetched.
 */
import type { Segment } from '../../classify/types.ts';
import { parseHtml } from './tree.ts';
import { readMetadata, type PageMetadata } from './metadata.ts';
import { extractStory, type StoryLine } from './story.ts';
import { titleParts } from './pageTitle.ts';
import { elements, attr } from './hast.ts';

export { decodeHtmlBytes } from './decode.ts';

/** Which article files are saved web pages. */
export const HTML_FILE_RE = /\.html?$/iu;
export const isHtmlFile = (name: string): boolean => HTML_FILE_RE.test(name);

export interface SavedPage {
  lines: (Segment & Pick<StoryLine, 'kind' | 'inStory' | 'setApart' | 'ledeHint'>)[];
  metadata: PageMetadata;
  /** the visible headline, or the page's own title without its site suffix */
  title: string | null;
  /** the host most of the page's absolute links point to: the site's own domain */
  ownHost: string | null;
  removed: { text: string; reason: string }[];
  notes: string[];
}

function hostOfUrl(href: string): string | null {
  try {
    const u = new URL(href);
    return /^https?:$/u.test(u.protocol) ? u.hostname.toLowerCase().replace(/^www\./u, '') : null;
  } catch {
    return null;
  }
}

/** The host that most absolute links point to (a page links to its own site far more than to others). */
function commonLinkHost(tree: Parameters<typeof elements>[0]): string | null {
  const counts = new Map<string, number>();
  for (const { el } of elements(tree)) {
    if (el.tagName !== 'a') continue;
    const host = hostOfUrl(attr(el, 'href') ?? '');
    if (host) counts.set(host, (counts.get(host) ?? 0) + 1);
  }
  let best: [string, number] | null = null;
  for (const e of counts) if (!best || e[1] > best[1]) best = e;
  return best && best[1] >= 5 ? best[0] : null;
}

/** The page's title without a site suffix: the longest of its parts ("Tựa bài - VnExpress" → "Tựa bài"). */
function bareTitle(title: string): string {
  const parts = titleParts(title).slice(1);
  return parts.length > 1 ? parts.reduce((a, b) => (b.length > a.length ? b : a)) : title;
}

export function readSavedPage(html: string, lineOffset: number): SavedPage {
  const notes: string[] = [];
  const { tree, depthCut } = parseHtml(html);
  if (depthCut) notes.push('elements nested too deep were unwrapped (their text is kept)');
  const metadata = readMetadata(tree);
  const ownHost = commonLinkHost(tree);
  const story = extractStory(tree, metadata.titles, ownHost);
  if (!story.lines.some((l) => l.kind !== 'title')) notes.push('no article text found in the page (a saved article page has its story in the markup)');
  const title = story.titleBlock?.text ?? (metadata.titles[0] ? bareTitle(metadata.titles[0]) : null);
  return {
    lines: story.lines.map((l) => ({ text: l.text, kind: l.kind, inStory: l.inStory, setApart: l.setApart, ledeHint: l.ledeHint, line: l.line + lineOffset, column: l.column })),
    metadata,
    title,
    ownHost,
    removed: story.removed,
    notes,
  };
}
