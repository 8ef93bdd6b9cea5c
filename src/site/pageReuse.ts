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

/**
 * The hash of each page's data. An article's ref is listed on dozens of pages (15,000 pages
 * hold 130 MB of refs at 10,000 articles), so a shared object (`isShared`) found in a page's
 * top-level fields is digested once per build and the page's text holds its digest instead.
 * The digests are by identity: valid while the objects hashed are not changed.
 */
export class PageHasher {
  private readonly digests = new WeakMap<object, string>();
  constructor(private readonly isShared: (value: object) => boolean = () => false) {}

  private digestOf(value: object): string {
    let digest = this.digests.get(value);
    if (digest === undefined) {
      digest = createHash('sha1').update(JSON.stringify(value)).digest('base64');
      this.digests.set(value, digest);
    }
    return digest;
  }

  // a method, not a closure made per field: this runs for every field of every page
  private shared(v: unknown): v is object {
    return v !== null && typeof v === 'object' && this.isShared(v);
  }

  private field(value: unknown): unknown {
    if (!Array.isArray(value)) return this.shared(value) ? { ref: this.digestOf(value) } : value;
    if (value.length === 0 || !this.shared(value[0])) return value;
    const out: unknown[] = new Array(value.length);
    for (let i = 0; i < value.length; i++) {
      const v: unknown = value[i];
      out[i] = this.shared(v) ? { ref: this.digestOf(v) } : v;
    }
    return out;
  }

  hash(item: object): string {
    const text: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(item)) text[key] = this.field(value);
    return createHash('sha1').update(JSON.stringify(text)).digest('hex');
  }
}

/**
 * Splits the items of one paginated collection into those to render and those to keep,
 * and records every item's hash in `next`. A page is kept only when the last build had
 * the same context and the same hash for it, and `exists` says its file is still there.
 */
export function planPages<T extends { url: string }>(
  items: readonly T[], last: PageHashes | null, next: PageHashes, exists: (path: string) => boolean,
  hasher: PageHasher = new PageHasher(),
): PagePlan<T> {
  const same = last?.context === next.context ? last.pages : {};
  const render: T[] = [];
  const keep: string[] = [];
  for (const item of items) {
    const path = pagePath(item.url);
    const hash = hasher.hash(item);
    next.pages[path] = hash;
    if (same[path] === hash && exists(path)) keep.push(path);
    else render.push(item);
  }
  return { render, keep };
}
