/**
 * Pages a rebuild can take unchanged from the last site. A paginated page (an
 * article, a list page, an index of outlets/people/places, a topic) is a function of
 * its own data item (src/site/data.ts), the site settings and the templates; when
 * none of these changed since the last build, its file is linked from the last site
 * and Eleventy does not render it again. Pure, apart from the `exists` check the
 * caller passes.
 */
import { createHash } from 'node:crypto';

/** What the last build rendered: the render context and each paginated page's data hash. */
export interface PageHashes {
  /** templates, site code, path prefix and site settings: a change renders every page again */
  context: string;
  /** site path of the page ("bai-viet/x/index.html") → hash of its data */
  pages: Record<string, string>;
}

export interface PagePlan<T> {
  /** the items Eleventy renders */
  render: T[];
  /** site paths of the pages linked unchanged from the last site */
  keep: string[];
}

/** "/bai-viet/x/" → "bai-viet/x/index.html" */
export function pagePath(url: string): string {
  return `${url.replace(/^\/+/, '')}index.html`;
}

export function dataHash(item: unknown): string {
  return createHash('sha1').update(JSON.stringify(item)).digest('hex');
}

/**
 * Splits the items of one paginated collection into those to render and those to keep,
 * and records every item's hash in `next`. A page is kept only when the last build had
 * the same context and the same hash for it, and `exists` says its file is still there.
 */
export function planPages<T extends { url: string }>(
  items: readonly T[], last: PageHashes | null, next: PageHashes, exists: (path: string) => boolean,
): PagePlan<T> {
  const same = last?.context === next.context ? last.pages : {};
  const render: T[] = [];
  const keep: string[] = [];
  for (const item of items) {
    const path = pagePath(item.url);
    const hash = dataHash(item);
    next.pages[path] = hash;
    if (same[path] === hash && exists(path)) keep.push(path);
    else render.push(item);
  }
  return { render, keep };
}
