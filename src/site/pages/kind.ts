/**
 * A page kind: one module of src/site/pages/ and (at least) one template of templates/. It declares
 * its part of the site data, made from the site model, the URLs of its HTML pages, and whether its
 * pages are paginated (one page per item of a collection that a template paginates over; a rebuild
 * renders only the items whose data changed, src/site/pageReuse.ts).
 */
import type { SiteModel } from '../model.ts';
import type { SiteData } from '../types.ts';

/** The collections Eleventy paginates over (`pagination: { data: 'archive.<collection>' }`). */
export type Paginated = 'articles' | 'listPages' | 'indexPages' | 'topicPages';

export interface PageKind {
  name: string;
  /** the paginated collection its pages are items of; none: its pages are rendered once, with the whole site data */
  paginates?: Paginated;
  /** its part of the site data, from the model and what the kinds before it in PAGE_KINDS made */
  data(model: SiteModel, made: Readonly<Partial<SiteData>>): Partial<SiteData>;
  /** the site-relative URLs of its HTML pages (the sitemap, in PAGE_KINDS order), from its own part */
  urls(own: Partial<SiteData>): string[];
  /** what only its unpaginated pages read, empty: so it is in the render runs of paginated pages (src/site/render.ts) */
  unpaginatedOnly?: Partial<SiteData>;
}
