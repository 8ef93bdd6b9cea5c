/**
 * Records → what the pages need. Pure: no I/O, no clock. The result is handed to Eleventy as
 * global data (`archive`); templates only lay it out.
 *
 * The site model (model.ts: sorted records, groups, links) is built once; then each page kind of
 * PAGE_KINDS (src/site/pages/) makes its part of the site data and names its pages' URLs.
 */
import type { ArticleRecord } from '../record.ts';
import { buildSiteModel, type SiteDataOptions } from './model.ts';
import { PAGE_KINDS } from './pages/index.ts';
import type { SiteData } from './types.ts';

export type * from './types.ts';
export { HOME, compareRecords, sortRecords, isSharedRef, foldCopies, withArchiveTopics, type ArchiveSettings, type FoldedArchive, type SiteDataOptions } from './model.ts';
export { PATHS } from '../paths.ts';
export { entityPages, pagerWindow, pageUrl, UNDATED_PART } from './lists.ts';

export function buildSiteData(records: readonly ArticleRecord[], options: SiteDataOptions): SiteData {
  const model = buildSiteModel(records, options);
  const made: Partial<Record<keyof SiteData, unknown>> = {};
  // every HTML page's URL, in PAGE_KINDS order, for the sitemap
  const pageUrls: string[] = [];
  for (const kind of PAGE_KINDS) {
    const own = kind.data(model, made as Partial<SiteData>);
    for (const [key, value] of Object.entries(own) as [keyof SiteData, unknown][]) {
      // a paginated collection gathers the items of every kind that adds to it
      const before = made[key];
      made[key] = key === kind.paginates && Array.isArray(before) ? before.concat(value) : value;
    }
    for (const url of kind.urls(own)) pageUrls.push(url);
  }
  made.pageUrls = pageUrls;
  // + the 404 page
  made.counts = { articles: model.sorted.length, pages: pageUrls.length + 1 };
  const missing = (Object.keys(EMPTY_SITE) as (keyof SiteData)[]).filter((key) => !(key in made));
  if (missing.length) throw new Error(`site data: no page kind makes ${missing.join(', ')}`);
  return made as SiteData;
}

/** Every field of the site data (what a page kind must make). */
const EMPTY_SITE: Record<keyof SiteData, null> = {
  articles: null, latest: null, feed: null, updated: null, timeline: null, undated: null, entityLinks: null, listPages: null,
  registryNames: null, indexPages: null, topicPages: null, topicIndex: null, eventTimeline: null, duplicateGroups: null, merged: null, pageUrls: null,
  lastmod: null, counts: null,
};
