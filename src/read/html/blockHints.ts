/**
 * Class and id words that tell what a box of a page holds (blockHints.json, checked when loaded, a data
 * file like the registry's): the story ("content", "detail"), not it ("sidebar", "comment"), a box to
 * drop ("related", "breadcrumb"), a standfirst, an author, a caption.
 */
import type { Element } from 'hast';
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { classTokens } from './hast.ts';

const words = z.array(z.string().regex(/^[a-z0-9]+$/u));
const hintsFile = z.object({ positive: words, negative: words, drop: words, dropJoined: words, lede: words, author: words, caption: words });
const hints = hintsFile.parse(JSON.parse(readFileSync(new URL('./blockHints.json', import.meta.url), 'utf8')));

const POSITIVE = new Set(hints.positive);
const NEGATIVE = new Set(hints.negative);
const DROP = new Set(hints.drop);
export const LEDE_WORDS: ReadonlySet<string> = new Set(hints.lede);
export const CAPTION_WORDS: ReadonlySet<string> = new Set(hints.caption);
export const AUTHOR_WORDS: ReadonlySet<string> = new Set(hints.author);

/** what an element's class words say of it: + for the story's, - for a sidebar's */
export function classWeight(el: Element): number {
  let w = 0;
  const tokens = classTokens(el);
  if (tokens.some((t) => POSITIVE.has(t))) w += 25;
  if (tokens.some((t) => NEGATIVE.has(t))) w -= 25;
  return w;
}

/** a box to drop whole: comments, related stories, breadcrumbs */
export const dropWord = (el: Element): boolean => {
  const tokens = classTokens(el);
  if (tokens.some((t) => DROP.has(t))) return true;
  const joined = tokens.join('');
  return hints.dropJoined.some((w) => joined.includes(w));
};
