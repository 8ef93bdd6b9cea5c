/**
 * Every page kind of the site, in order: the order of the sitemap, and of the site data they make
 * (a kind reads what the kinds before it made). Rendering (which collections are paginated), the
 * build's page plans and reuse, the sitemap and the link crawl derive from this list.
 *
 * To add a page kind: a module here exporting a PageKind (its data from the site model, its
 * URLs, its paginated collection if any), its entry below, its fields in SiteData (types.ts), and
 * a template in templates/ that reads them (a paginated one: `pagination: { data: 'archive.<collection>' }`).
 */
import { articlePages } from './articles.ts';
import { dateListPages } from './dateLists.ts';
import { entityListPages } from './entityLists.ts';
import { feeds } from './feeds.ts';
import { homePage } from './home.ts';
import { indexPages } from './indexes.ts';
import type { PageKind, Paginated } from './kind.ts';
import type { SiteData } from '../types.ts';
import { searchPage } from './search.ts';
import { sitemap } from './sitemap.ts';
import { timelinePage } from './timeline.ts';
import { topicPages } from './topics.ts';

export type { PageKind, Paginated } from './kind.ts';

export const PAGE_KINDS: readonly PageKind[] = [
  homePage, articlePages, dateListPages, entityListPages, indexPages, topicPages, timelinePage, feeds, searchPage, sitemap,
];

/** The paginated collections, in PAGE_KINDS order. */
export const PAGINATED: readonly Paginated[] = [...new Set(PAGE_KINDS.flatMap((k) => (k.paginates ? [k.paginates] : [])))];

/** What only unpaginated pages read, empty (so it is in the runs of paginated pages). */
export const UNPAGINATED_ONLY: Partial<SiteData> = Object.assign({}, ...PAGE_KINDS.map((k) => k.unpaginatedOnly ?? {}));
