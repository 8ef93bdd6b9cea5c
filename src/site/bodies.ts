/**
 * Article bodies read back for the pages about to be rendered. A large build leaves each
 * record's body HTML in the record cache (LoadOptions.bodiesInCache): an article's view
 * then has `html: ""` and a `bodyRef`, and each render run fills in the bodies of its own
 * articles only, so the bodies of the whole archive are never in memory at once.
 */
import type { ArticleView } from './data.ts';

/** The body HTML for each reference, in order (rejects when one cannot be read). */
export type ReadBodies = (refs: readonly string[]) => Promise<string[]>;

/** `articles` with their bodies: copies for the views that have a `bodyRef`, the others as they are. */
export async function withBodies(articles: readonly ArticleView[], read: ReadBodies | undefined): Promise<ArticleView[]> {
  const refs = articles.flatMap((a) => (a.bodyRef === undefined ? [] : [a.bodyRef]));
  if (refs.length === 0) return [...articles];
  if (!read) throw new Error(`${refs.length} article bodies are in the record cache, and nothing reads them back`);
  const bodies = await read(refs);
  const byRef = new Map(refs.map((ref, k) => [ref, bodies[k]!]));
  return articles.map((a) => {
    if (a.bodyRef === undefined) return a;
    const { bodyRef, ...view } = a;
    return { ...view, html: byRef.get(bodyRef)! };
  });
}
