/**
 * What the pages read: the views the page kinds (src/site/pages/) make from the site model.
 * Every URL here is site-relative ("/bai-viet/x/"); templates pass them through Eleventy's
 * `url` filter so a path prefix applies.
 */
import type { EntityEntry, NameKind } from './searchNames.ts';

export interface Link {
  name: string;
  url: string;
}

export interface OutletLink extends Link {
  domain: string;
}

/** What a list needs to show an article. Shared by reference between pages. */
export interface ArticleRef {
  title: string;
  url: string;
  dateShort: string;
  /** ISO day for <time datetime>, null when undated */
  day: string | null;
  outlet: string | null;
  summary: string;
}

export interface ArticleView extends ArticleRef {
  id: string;
  slug: string;
  dateLong: string;
  /** ISO 8601 with +07:00, null when the year is unknown */
  iso: string | null;
  lede: string | null;
  /** sanitised body HTML, inserted as is ("" while it is in the record cache: see bodyRef) */
  html: string;
  /** where the body HTML is while `html` is "": its record cache key (the render reads it back, src/site/bodies.ts) */
  bodyRef?: string;
  description: string;
  outletLink: OutletLink | null;
  originalOutletLink: OutletLink | null;
  authors: string[];
  agencies: string[];
  originalUrl: string | null;
  captions: { text: string; credit: string | null }[];
  people: Link[];
  places: Link[];
  related: ArticleRef[];
  // [stories/topics/timeline]
  /** the same article published by other outlets too (folded copies: they get no page) */
  alsoPublished: AlsoPublished[];
  /** other outlets' articles on the same event */
  sameEvent: ArticleRef[];
  topics: Link[];
  /** the key event this article reports (a timeline anchor) */
  event: Link | null;
  /** older article */
  prev: ArticleRef | null;
  /** newer article */
  next: ArticleRef | null;
  breadcrumbs: Link[];
}

export type ListKind = 'year' | 'month' | 'outlet' | 'person' | 'place' | 'undated' | 'topic';

// [stories/topics/timeline] ---------------------------------------------------
export interface AlsoPublished {
  outlet: string;
  /** the outlet's archive page, when the outlet is known */
  outletUrl: string | null;
  /** the copy's address on the outlet's site, if known */
  originalUrl: string | null;
  dateShort: string;
  day: string | null;
  title: string;
}

export interface TopicPage extends ListPage {
  slug: string;
  name: string;
  intro: string;
}

export interface TopicIndexPage {
  url: string;
  title: string;
  heading: string;
  description: string;
  entries: (IndexEntry & { description: string })[];
  breadcrumbs: Link[];
}

export interface EventView {
  slug: string;
  /** /dong-thoi-gian/#slug */
  url: string;
  day: string;
  dateLong: string;
  title: string;
  description: string;
  articles: ArticleRef[];
}

export interface TimelinePage {
  url: string;
  title: string;
  heading: string;
  description: string;
  events: EventView[];
  breadcrumbs: Link[];
}
// [/stories/topics/timeline] --------------------------------------------------


export interface ListPage {
  kind: ListKind;
  url: string;
  /** <title> */
  title: string;
  heading: string;
  description: string;
  items: ArticleRef[];
  total: number;
  pageNumber: number;
  totalPages: number;
  prevUrl: string | null;
  nextUrl: string | null;
  /** URL of page 1; page n is `${baseUrl}trang/${n}/` (see pageUrl) */
  baseUrl: string;
  breadcrumbs: Link[];
  /** e.g. the months of a year, the years of a person's articles; a count only where it does not change every page */
  nav: (Link & { count?: number })[];
  /** what `nav` lists, for its aria-label ("Các tháng", "Các năm") */
  navLabel: string;
  /**
   * where the reader goes on in time at the end of the list: the older and the newer year or month
   * (year and month pages), or the list's older articles (the first page of a list cut by year, the
   * last page of each year); null at the end
   */
  older?: Link | null;
  newer?: Link | null;
}

export interface IndexEntry extends Link {
  count: number;
}

export interface IndexPage {
  /** the entities' indexes, and the indexes of the dates: /nam/, /thang/, /thang/<year>/, /bai-viet/ */
  kind: 'outlets' | 'people' | 'places' | 'years' | 'months' | 'articles';
  url: string;
  title: string;
  heading: string;
  description: string;
  entries: IndexEntry[];
  breadcrumbs: Link[];
}

export interface TimelineMonth extends Link {
  month: number;
  count: number;
  /** count relative to the busiest month, 0..1 */
  share: number;
}

export interface TimelineYear extends Link {
  year: number;
  count: number;
  months: TimelineMonth[];
}

/**
 * Everything the templates read. The page collections Eleventy paginates (`articles`,
 * `listPages`, `indexPages`, `topicPages`) are used for nothing else: a rebuild hands
 * Eleventy only the pages that changed (src/site/pageReuse.ts) and links the rest.
 */
export interface SiteData {
  articles: ArticleView[];
  latest: ArticleRef[];
  /** newest dated articles, full text, for the feeds */
  feed: ArticleView[];
  /** ISO date-time of the newest article (feed "updated"); never the build time */
  updated: string | null;
  timeline: TimelineYear[];
  undated: { count: number; url: string };
  /** every person's and place's page (the search page's names, templates/search-names.11ty.ts); not paginated, so always whole */
  entityLinks: { person: Link[]; place: Link[] };
  /** every person and place the registries know (with the archive's knowledge), for the search page's names */
  registryNames: Record<NameKind, readonly EntityEntry[]>;
  listPages: ListPage[];
  indexPages: IndexPage[];
  // [stories/topics/timeline]
  topicPages: TopicPage[];
  topicIndex: TopicIndexPage;
  eventTimeline: TimelinePage;
  /** near-duplicate groups folded into one article */
  duplicateGroups: number;
  /** every folded copy: its source file, and the article it was folded into */
  merged: { file: string; into: string; url: string }[];
  /** every HTML page's site-relative URL, for the sitemap */
  pageUrls: string[];
  /** lastmod per URL when known (article pages) */
  lastmod: Record<string, string>;
  counts: { articles: number; pages: number };
}

