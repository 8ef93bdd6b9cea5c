/**
 * The story's containers: elements scored by the paragraphs they hold (length, commas; link-heavy
 * containers and class words such as "comment", "related", "sidebar" count against); the best one, and
 * its siblings that score nearly as well (the idea of Readability, simplified).
 */
import type { Element } from 'hast';
import { classWeight, dropWord } from './blockHints.ts';
import { linkDensity, type Block } from './blocks.ts';

const CONTAINER = new Set(['div', 'section', 'article', 'main', 'td', 'th', 'body', 'form', 'center', 'blockquote', 'figure', 'ul', 'ol', 'table', 'tbody', 'dl', 'dd']);

const containerOf = (path: readonly Element[], from = path.length - 1): number => {
  for (let i = from; i >= 0; i--) if (CONTAINER.has(path[i]!.tagName)) return i;
  return -1;
};

/** The elements that hold the story. */
export function pickStory(blocks: readonly Block[]): Set<Element> {
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
