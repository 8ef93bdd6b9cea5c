/**
 * Records → what the pages need. Pure: no I/O, no clock. The result is handed
 * to Eleventy as global data; templates only lay it out.
 *
 * All URLs here are site-relative ("/bai-viet/x/"); templates pass them
 * through Eleventy's `url` filter so a path prefix applies.
 */
import type { ArticleRecord, Outlet } from '../record.ts';
import { formatLong, formatShort, isoWithZone, monthLabel } from './dates.ts';
import { relatedIndices } from './related.ts';
import { ownCopy } from '../ownCopy.ts';
import { slugify, uniqueSlugs } from './slug.ts';
// [stories/topics/timeline] same-story grouping, topics and the event timeline
import { groupStories, type StoryResult } from '../stories/index.ts';
import type { RecordDerived } from '../archive/derived.ts';
import { assignTopics, loadTopics } from '../topics/index.ts';
import { loadEvents, matchEvents } from '../timeline/index.ts';

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

export interface SiteDataOptions {
  /** per record, what was computed before (src/archive/derived.ts): signatures and topics */
  derived?: ReadonlyMap<ArticleRecord, RecordDerived>;
  /** foldCopies() of the same records, when the caller made it already */
  folded?: FoldedArchive;
  /** per record whose body HTML was left in the record cache, its key there (LoadResult.bodyRefs) */
  bodyRefs?: ReadonlyMap<ArticleRecord, string>;
  latest?: number;
  perPage?: number;
  feed?: number;
  related?: number;
}

export const HOME: Link = { name: 'Trang chủ', url: '/' };
export const PATHS = {
  articles: '/bai-viet/',
  article: (slug: string) => `/bai-viet/${slug}/`,
  years: '/nam/',
  year: (y: number) => `/nam/${y}/`,
  months: '/thang/',
  monthsOf: (y: number) => `/thang/${y}/`,
  month: (y: number, m: number) => `/thang/${y}/${String(m).padStart(2, '0')}/`,
  outlets: '/bao/',
  outlet: (slug: string) => `/bao/${slug}/`,
  people: '/nhan-vat/',
  person: (slug: string) => `/nhan-vat/${slug}/`,
  places: '/dia-danh/',
  place: (slug: string) => `/dia-danh/${slug}/`,
  undated: '/chua-ro-ngay/',
  topics: '/chu-de/',
  topic: (slug: string) => `/chu-de/${slug}/`,
  events: '/dong-thoi-gian/',
  event: (slug: string) => `/dong-thoi-gian/#${slug}`,
} as const;
const UNDATED_CRUMB: Link = { name: 'Chưa rõ ngày', url: PATHS.undated };

const collator = new Intl.Collator('vi', { sensitivity: 'base' });

function codeOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Newest first; undated last (those with a known day and month first, latest in the year first). */
export function compareRecords(a: ArticleRecord, b: ArticleRecord): number {
  const pa = a.published;
  const pb = b.published;
  if (pa.date && pb.date) {
    const ka = `${pa.date}T${pa.time ?? '00:00'}`;
    const kb = `${pb.date}T${pb.time ?? '00:00'}`;
    if (ka !== kb) return ka > kb ? -1 : 1;
  } else if (pa.date || pb.date) {
    return pa.date ? -1 : 1;
  } else if (pa.partial !== pb.partial) {
    if (!pa.partial || !pb.partial) return pa.partial ? -1 : 1;
    return pa.partial > pb.partial ? -1 : 1;
  }
  return codeOrder(a.slug, b.slug) || codeOrder(a.id, b.id);
}

export function sortRecords(records: readonly ArticleRecord[]): ArticleRecord[] {
  return [...records].sort(compareRecords);
}

function summarize(r: ArticleRecord, max = 180): string {
  const source = (r.lede ?? r.text).replace(/\s+/g, ' ').trim();
  if (source.length <= max) return source;
  const cut = source.slice(0, max);
  const space = cut.lastIndexOf(' ');
  // a copy: a slice would keep the article's whole text in memory for the rest of the build
  return ownCopy(`${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,.;:–-]+$/, '')}…`);
}

/** The refs of this build's articles: each one object, listed on many pages (see PageHasher). */
const sharedRefs = new WeakSet<object>();
function sharedRef(ref: ArticleRef): ArticleRef {
  sharedRefs.add(ref);
  return ref;
}
/** Is `value` one of the article refs that many pages share? */
export const isSharedRef = (value: object): boolean => sharedRefs.has(value);

/**
 * `make(key)` made once per key and shared: a person's, place's or month's link is one object
 * however many articles show it (at 100,000 articles, two million links and their URL strings
 * otherwise). Templates only read the site data, so sharing is safe.
 */
function onePerKey<T, V>(make: (value: T) => V, keyOf: (value: T) => unknown = (value) => value): (value: T) => V {
  const made = new Map<unknown, V>();
  return (value) => {
    const key = keyOf(value);
    let shared = made.get(key);
    if (shared === undefined) made.set(key, (shared = make(value)));
    return shared;
  };
}

export function pageUrl(baseUrl: string, n: number): string {
  return n === 1 ? baseUrl : `${baseUrl}trang/${n}/`;
}

/** Page numbers to show: first, last, and two either side of the current one; null is a gap. */
export function pagerWindow(current: number, total: number): (number | null)[] {
  const out: (number | null)[] = [];
  for (let n = 1; n <= total; n++) {
    if (n === 1 || n === total || Math.abs(n - current) <= 2) out.push(n);
    else if (out[out.length - 1] !== null) out.push(null);
  }
  return out;
}

/** Slices `items` into pages of `perPage` at base, base/trang/2/, … */
function paginate(
  base: Omit<ListPage, 'items' | 'pageNumber' | 'totalPages' | 'prevUrl' | 'nextUrl' | 'baseUrl' | 'url' | 'total'>,
  baseUrl: string,
  items: ArticleRef[],
  perPage: number,
): ListPage[] {
  const totalPages = Math.max(1, Math.ceil(items.length / perPage));
  const urlOf = (n: number) => pageUrl(baseUrl, n);
  const pages: ListPage[] = [];
  for (let n = 1; n <= totalPages; n++) {
    pages.push({
      ...base,
      title: n === 1 ? base.title : `${base.title} – trang ${n}`,
      url: urlOf(n),
      items: items.slice((n - 1) * perPage, n * perPage),
      total: items.length,
      pageNumber: n,
      totalPages,
      prevUrl: n > 1 ? urlOf(n - 1) : null,
      nextUrl: n < totalPages ? urlOf(n + 1) : null,
      baseUrl,
    });
  }
  return pages;
}

/** The URL part of the undated articles of an entity cut by year. */
export const UNDATED_PART = 'chua-ro-ngay/';

/**
 * The pages of one outlet's, person's, place's or topic's articles (`items`, newest first, undated
 * last; `years[k]` is the year of `items[k]`, null when undated). Up to `perPage` articles: one page.
 * More: cut by year, so that an article added in 2011 changes only the 2011 pages and the first page,
 * however long the list: the first page (`url`) shows the newest `perPage` and links each year with its
 * count; `${url}2011/` (paginated within the year) and `${url}chua-ro-ngay/` hold every article. The
 * year pages link the years without counts, and say nothing that another year's article changes.
 * `describe(count, period)`: the page description, period "" (all), " năm 2011" or " chưa rõ ngày đăng".
 */
export function entityPages(
  base: Omit<ListPage, 'items' | 'pageNumber' | 'totalPages' | 'prevUrl' | 'nextUrl' | 'baseUrl' | 'url' | 'total' | 'description' | 'nav' | 'navLabel'>,
  url: string,
  items: readonly ArticleRef[],
  years: readonly (number | null)[],
  perPage: number,
  describe: (count: number, period: string) => string,
): ListPage[] {
  if (items.length <= perPage) return paginate({ ...base, description: describe(items.length, ''), nav: [], navLabel: '' }, url, [...items], perPage);
  const byYear = new Map<number | null, ArticleRef[]>();
  items.forEach((item, k) => {
    const y = years[k] ?? null;
    const list = byYear.get(y);
    if (list) list.push(item);
    else byYear.set(y, [item]);
  });
  const periods = [...byYear.keys()].sort((a, b) => (a === null ? 1 : b === null ? -1 : b - a));
  const urlOf = (y: number | null) => (y === null ? `${url}${UNDATED_PART}` : `${url}${y}/`);
  const nameOf = (y: number | null) => (y === null ? 'Chưa rõ ngày' : `Năm ${y}`);
  // in the nav, a year is just its number ("2011"): twenty-six of them fit a phone's screen
  const navName = (y: number | null) => (y === null ? nameOf(y) : String(y));
  const older = (y: number | null): Link | null => {
    const next = periods[periods.indexOf(y) + 1];
    return next === undefined ? null : { name: `Bài cũ hơn: ${nameOf(next).toLowerCase()}`, url: urlOf(next) };
  };
  const front: ListPage = {
    ...base,
    // the article after the newest `perPage`: the reader goes on in its year
    older: { name: `Bài cũ hơn: ${nameOf(years[perPage] ?? null).toLowerCase()}`, url: urlOf(years[perPage] ?? null) },
    description: describe(items.length, ''),
    nav: periods.map((y) => ({ name: navName(y), url: urlOf(y), count: byYear.get(y)!.length })),
    navLabel: 'Các năm',
    url,
    items: items.slice(0, perPage),
    total: items.length,
    pageNumber: 1,
    totalPages: 1,
    prevUrl: null,
    nextUrl: null,
    baseUrl: url,
  };
  const yearNav = periods.map((y) => ({ name: navName(y), url: urlOf(y) }));
  return [front, ...periods.flatMap((y) => withOlder(paginate(
    {
      ...base,
      title: `${base.title} – ${nameOf(y).toLowerCase()}`,
      heading: `${base.heading} – ${nameOf(y).toLowerCase()}`,
      description: describe(byYear.get(y)!.length, y === null ? ' chưa rõ ngày đăng' : ` năm ${y}`),
      breadcrumbs: [...base.breadcrumbs, { name: nameOf(y), url: urlOf(y) }],
      nav: yearNav,
      navLabel: 'Các năm',
    },
    urlOf(y),
    byYear.get(y)!,
    perPage,
  ), older(y)))];
}

/** The last of `pages` ends with `older`, when the list goes on elsewhere. */
function withOlder(pages: ListPage[], older: Link | null, newer: Link | null = null): ListPage[] {
  return pages.map((p, i) => ({ ...p, older: i === pages.length - 1 ? older : p.older ?? null, newer: i === 0 ? newer : p.newer ?? null }));
}

interface Group {
  name: string;
  slug: string;
  indices: number[];
}

/** Groups article indices by name, slugs made unique in a stable (code-point) name order. */
function groupBy(sorted: readonly ArticleRecord[], namesOf: (r: ArticleRecord, i: number) => Iterable<string>): Map<string, Group> {
  const byName = new Map<string, number[]>();
  sorted.forEach((r, i) => {
    for (const name of new Set(namesOf(r, i))) {
      let list = byName.get(name);
      if (!list) byName.set(name, (list = []));
      list.push(i);
    }
  });
  const names = [...byName.keys()].sort(codeOrder);
  const slugs = uniqueSlugs(names);
  const out = new Map<string, Group>();
  for (const name of names) out.set(name, { name, slug: slugs.get(name) ?? slugify(name), indices: byName.get(name) ?? [] });
  return out;
}

function byCountThenName(a: IndexEntry, b: IndexEntry): number {
  return b.count - a.count || collator.compare(a.name, b.name) || codeOrder(a.name, b.name);
}

/** The records in archive order, and how near-duplicates fold into one article each (and which are reports of the same event). */
export interface FoldedArchive {
  all: ArticleRecord[];
  stories: StoryResult;
}

/**
 * The first step of buildSiteData: near-duplicates are folded into their canonical record (one page
 * per article, its other publishers listed on it). The build runs it first, to start the search
 * index (which needs to know which records have a page) while the rest of the site data is made.
 */
export function foldCopies(records: readonly ArticleRecord[], derived?: ReadonlyMap<ArticleRecord, RecordDerived>): FoldedArchive {
  const all = sortRecords(records);
  const signatures = derived && all.every((r) => derived.has(r)) ? all.map((r) => derived.get(r)!.signature) : undefined;
  return { all, stories: groupStories(all, { signatures }) };
}

export function buildSiteData(records: readonly ArticleRecord[], options: SiteDataOptions = {}): SiteData {
  const perPage = options.perPage ?? 50;
  // [stories/topics/timeline] near-duplicates are folded into their canonical record:
  // one page per article, its other publishers listed on it.
  const { all, stories } = options.folded ?? foldCopies(records, options.derived);
  const derived = options.derived;
  const sorted = all.filter((_, i) => stories.canonicalOf[i] === i);
  const positionOf = new Map<number, number>();
  all.forEach((_, i) => {
    if (stories.canonicalOf[i] === i) positionOf.set(i, positionOf.size);
  });
  const copiesOf = new Map<number, ArticleRecord[]>();
  for (const g of stories.groups) copiesOf.set(positionOf.get(g.canonical) as number, g.others.map((o) => all[o] as ArticleRecord));
  const topicSet = loadTopics();
  const topicsOf = sorted.map((r) => derived?.get(r)?.topics ?? assignTopics([r], topicSet)[0] ?? []);
  const events = loadEvents();
  const eventIndex = new Map(events.map((e, i) => [e.slug, i]));
  const eventOf = derived && sorted.every((r) => derived.has(r))
    ? sorted.map((r) => eventIndex.get(derived.get(r)!.event ?? '') ?? -1)
    : matchEvents(sorted, events);
  // [/stories/topics/timeline]

  // --- entity groups -------------------------------------------------------
  const outletNames = new Map<string, Outlet>();
  for (const r of sorted) {
    for (const o of [r.outlet, r.originalOutlet]) if (o && !outletNames.has(o.id)) outletNames.set(o.id, o);
  }
  // [stories] the outlets of folded copies list the canonical article too
  for (const copies of copiesOf.values()) for (const c of copies) if (c.outlet && !outletNames.has(c.outlet.id)) outletNames.set(c.outlet.id, c.outlet);
  const outletGroups = groupBy(sorted, (r, i) =>
    [r.outlet?.id, r.originalOutlet?.id, ...(copiesOf.get(i) ?? []).map((c) => c.outlet?.id)].filter((x): x is string => !!x),
  );
  // one per outlet as the records name it (each record holds its own outlet object)
  const linkOfOutlet = onePerKey(
    (o: Outlet): OutletLink => ({ name: o.name, domain: o.domain, url: PATHS.outlet(outletGroups.get(o.id)?.slug ?? slugify(o.id)) }),
    (o) => `${o.id}\0${o.name}\0${o.domain ?? ''}`,
  );
  const outletLink = (o: Outlet | null): OutletLink | null => (o ? linkOfOutlet(o) : null);
  const peopleGroups = groupBy(sorted, (r) => r.people);
  const placeGroups = groupBy(sorted, (r) => r.places);
  const personLink = onePerKey((p: string): Link => ({ name: p, url: PATHS.person(peopleGroups.get(p)?.slug ?? slugify(p)) }));
  const placeLink = onePerKey((p: string): Link => ({ name: p, url: PATHS.place(placeGroups.get(p)?.slug ?? slugify(p)) }));

  // --- refs and views ------------------------------------------------------
  const refs: ArticleRef[] = sorted.map((r) => sharedRef({
    title: r.title,
    url: PATHS.article(r.slug),
    dateShort: formatShort(r.published),
    day: r.published.date,
    outlet: r.outlet?.name ?? null,
    summary: summarize(r),
  }));
  const related = relatedIndices(sorted, { limit: options.related ?? 5 });
  // [stories/topics/timeline] position in `all` of each article, topic names
  const sortedIndex = [...positionOf.keys()];
  const topicName = new Map(topicSet.topics.map((t) => [t.slug, t.name]));
  const topicLink = onePerKey((slug: string): Link => ({ name: topicName.get(slug) ?? slug, url: PATHS.topic(slug) }));
  const eventLink = onePerKey((e: number): Link => ({ name: events[e]!.title, url: PATHS.event(events[e]!.slug) }));
  const yearLink = onePerKey((y: number): Link => ({ name: `Năm ${y}`, url: PATHS.year(y) }));
  // by year * 100 + month
  const monthLink = onePerKey((ym: number): Link => ({ name: monthLabel(Math.floor(ym / 100), ym % 100), url: PATHS.month(Math.floor(ym / 100), ym % 100) }));
  const firstUndated = sorted.findIndex((r) => !r.published.date);
  const datedCount = firstUndated === -1 ? sorted.length : firstUndated;

  const articles: ArticleView[] = sorted.map((r, i) => {
    const ref = refs[i] as ArticleRef;
    const dated = i < datedCount;
    const lo = dated ? 0 : datedCount;
    const hi = dated ? datedCount : sorted.length;
    const y = r.published.date ? Number(r.published.date.slice(0, 4)) : null;
    const m = r.published.date ? Number(r.published.date.slice(5, 7)) : null;
    const breadcrumbs: Link[] = [HOME];
    if (y !== null && m !== null) {
      breadcrumbs.push(yearLink(y), monthLink(y * 100 + m));
    } else {
      breadcrumbs.push(UNDATED_CRUMB);
    }
    breadcrumbs.push({ name: r.title, url: ref.url });
    return {
      ...ref,
      id: r.id,
      slug: r.slug,
      dateLong: formatLong(r.published),
      iso: isoWithZone(r.published),
      lede: r.lede,
      html: r.html,
      ...(options.bodyRefs?.has(r) ? { bodyRef: options.bodyRefs.get(r) } : {}),
      description: summarize(r, 160),
      outletLink: outletLink(r.outlet),
      originalOutletLink: outletLink(r.originalOutlet),
      authors: r.authors,
      agencies: r.agencies,
      originalUrl: r.url,
      captions: r.captions,
      people: r.people.map(personLink),
      places: r.places.map(placeLink),
      related: (related[i] ?? []).map((j) => refs[j] as ArticleRef),
      // [stories/topics/timeline]
      alsoPublished: (copiesOf.get(i) ?? []).map((c) => ({
        outlet: c.outlet?.name ?? 'Chưa rõ báo',
        outletUrl: c.outlet ? outletLink(c.outlet)?.url ?? null : null,
        originalUrl: c.url,
        dateShort: formatShort(c.published),
        day: c.published.date,
        title: c.title,
      })),
      sameEvent: (stories.sameEvent[sortedIndex[i] as number] ?? []).map((j) => refs[positionOf.get(j) as number] as ArticleRef),
      topics: (topicsOf[i] ?? []).map(topicLink),
      event: eventOf[i] !== undefined && eventOf[i] >= 0 ? eventLink(eventOf[i]) : null,
      prev: i + 1 < hi ? (refs[i + 1] as ArticleRef) : null,
      next: i - 1 >= lo ? (refs[i - 1] as ArticleRef) : null,
      breadcrumbs,
    };
  });

  // --- time archives -------------------------------------------------------
  const listPages: ListPage[] = [];
  // the year of each article (null: undated), for the lists cut by year
  const yearOf = sorted.map((r) => (r.published.date ? Number(r.published.date.slice(0, 4)) : null));
  const years = new Map<number, Map<number, ArticleRef[]>>();
  const yearItems = new Map<number, ArticleRef[]>();
  sorted.forEach((r, i) => {
    if (!r.published.date) return;
    const y = Number(r.published.date.slice(0, 4));
    const m = Number(r.published.date.slice(5, 7));
    let months = years.get(y);
    if (!months) years.set(y, (months = new Map()));
    let list = months.get(m);
    if (!list) months.set(m, (list = []));
    list.push(refs[i] as ArticleRef);
    let yl = yearItems.get(y);
    if (!yl) yearItems.set(y, (yl = []));
    yl.push(refs[i] as ArticleRef);
  });

  const maxMonth = Math.max(1, ...[...years.values()].flatMap((ms) => [...ms.values()].map((l) => l.length)));
  const timeline: TimelineYear[] = [...years.keys()]
    .sort((a, b) => b - a)
    .map((y) => {
      const months = years.get(y) ?? new Map<number, ArticleRef[]>();
      return {
        year: y,
        name: `Năm ${y}`,
        url: PATHS.year(y),
        count: yearItems.get(y)?.length ?? 0,
        months: [...months.keys()]
          .sort((a, b) => a - b)
          .map((m) => {
            const count = months.get(m)?.length ?? 0;
            return { month: m, name: monthLabel(y, m), url: PATHS.month(y, m), count, share: count / maxMonth };
          }),
      };
    });

  // every month with articles, newest first: a month page links the one before and after it
  const allMonths = timeline.flatMap((ty) => [...ty.months].reverse());
  const monthAt = new Map(allMonths.map((m, i) => [m.url, i]));
  timeline.forEach((ty, yi) => {
    const yearCrumb = { name: `Năm ${ty.year}`, url: ty.url };
    const olderYear = timeline[yi + 1];
    const newerYear = timeline[yi - 1];
    const yearPages = paginate(
        {
          kind: 'year',
          title: `Năm ${ty.year}`,
          heading: `Bài viết năm ${ty.year}`,
          description: `${ty.count} bài viết về quan hệ Nga – Triều Tiên đăng năm ${ty.year}.`,
          breadcrumbs: [HOME, yearCrumb],
          nav: ty.months.map((m) => ({ name: m.name, url: m.url, count: m.count })),
          navLabel: 'Các tháng',
        },
        ty.url,
        yearItems.get(ty.year) ?? [],
        perPage,
      );
    listPages.push(...yearPages.map((p) => ({
      ...p,
      older: olderYear ? { name: olderYear.name, url: olderYear.url } : null,
      newer: newerYear ? { name: newerYear.name, url: newerYear.url } : null,
    })));
    for (const tm of ty.months) {
      const at = monthAt.get(tm.url) ?? 0;
      const olderMonth = allMonths[at + 1];
      const newerMonth = allMonths[at - 1];
      const monthPages = paginate(
          {
            kind: 'month',
            title: tm.name,
            heading: `Bài viết ${tm.name.toLowerCase()}`,
            description: `${tm.count} bài viết về quan hệ Nga – Triều Tiên đăng trong ${tm.name.toLowerCase()}.`,
            breadcrumbs: [HOME, yearCrumb, { name: tm.name, url: tm.url }],
            nav: [],
            navLabel: '',
          },
          tm.url,
          years.get(ty.year)?.get(tm.month) ?? [],
          perPage,
        );
      listPages.push(...monthPages.map((p) => ({
        ...p,
        older: olderMonth ? { name: olderMonth.name, url: olderMonth.url } : null,
        newer: newerMonth ? { name: newerMonth.name, url: newerMonth.url } : null,
      })));
    }
  });

  const undatedRefs = refs.slice(datedCount);
  listPages.push(
    ...paginate(
      {
        kind: 'undated',
        title: 'Bài chưa rõ ngày đăng',
        heading: 'Bài chưa rõ ngày đăng',
        description: 'Những bài viết mà nguồn không cho biết đầy đủ ngày đăng; ghi lại những gì đã biết.',
        breadcrumbs: [HOME, UNDATED_CRUMB],
        nav: [],
        navLabel: '',
      },
      PATHS.undated,
      undatedRefs,
      perPage,
    ),
  );

  // --- entity archives and indexes ------------------------------------------
  const indexPages: IndexPage[] = [];
  const entitySections = [
    {
      kind: 'outlet' as const,
      indexKind: 'outlets' as const,
      groups: outletGroups,
      indexUrl: PATHS.outlets,
      indexName: 'Báo',
      indexHeading: 'Các báo',
      indexDescription: 'Các báo và trang tin có bài trong kho lưu trữ, với số bài của mỗi báo.',
      nameOf: (g: Group) => outletNames.get(g.name)?.name ?? g.name,
      url: PATHS.outlet,
      heading: (n: string) => `Bài viết của ${n}`,
      description: (n: string, c: number, period: string) => `${c} bài viết về quan hệ Nga – Triều Tiên của ${n}${period}.`,
    },
    {
      kind: 'person' as const,
      indexKind: 'people' as const,
      groups: peopleGroups,
      indexUrl: PATHS.people,
      indexName: 'Nhân vật',
      indexHeading: 'Nhân vật',
      indexDescription: 'Những người được nhắc đến trong các bài viết, với số bài nhắc đến mỗi người.',
      nameOf: (g: Group) => g.name,
      url: PATHS.person,
      heading: (n: string) => `Bài viết nhắc đến ${n}`,
      description: (n: string, c: number, period: string) => `${c} bài viết nhắc đến ${n}${period} trong quan hệ Nga – Triều Tiên.`,
    },
    {
      kind: 'place' as const,
      indexKind: 'places' as const,
      groups: placeGroups,
      indexUrl: PATHS.places,
      indexName: 'Địa danh',
      indexHeading: 'Địa danh',
      indexDescription: 'Những địa danh được nhắc đến trong các bài viết, với số bài nhắc đến mỗi nơi.',
      nameOf: (g: Group) => g.name,
      url: PATHS.place,
      heading: (n: string) => `Bài viết nhắc đến ${n}`,
      description: (n: string, c: number, period: string) => `${c} bài viết nhắc đến ${n}${period} trong quan hệ Nga – Triều Tiên.`,
    },
  ];
  for (const s of entitySections) {
    const indexCrumb = { name: s.indexName, url: s.indexUrl };
    const entries: IndexEntry[] = [];
    for (const g of s.groups.values()) {
      const name = s.nameOf(g);
      const url = s.url(g.slug);
      entries.push({ name, url, count: g.indices.length });
      listPages.push(
        ...entityPages(
          { kind: s.kind, title: name, heading: s.heading(name), breadcrumbs: [HOME, indexCrumb, { name, url }] },
          url,
          g.indices.map((i) => refs[i] as ArticleRef),
          g.indices.map((i) => yearOf[i] ?? null),
          perPage,
          (count, period) => s.description(name, count, period),
        ),
      );
    }
    entries.sort(byCountThenName);
    indexPages.push({
      kind: s.indexKind,
      url: s.indexUrl,
      title: s.indexHeading,
      heading: s.indexHeading,
      description: s.indexDescription,
      entries,
      breadcrumbs: [HOME, indexCrumb],
    });
  }

  // --- the indexes of the dates: no folder in a URL without its page ---------------
  const undatedEntry: IndexEntry[] = undatedRefs.length ? [{ name: 'Chưa rõ ngày', url: PATHS.undated, count: undatedRefs.length }] : [];
  const yearEntries: IndexEntry[] = timeline.map((ty) => ({ name: ty.name, url: ty.url, count: ty.count }));
  const yearsCrumb: Link = { name: 'Các năm', url: PATHS.years };
  const monthsCrumb: Link = { name: 'Các tháng', url: PATHS.months };
  indexPages.push(
    {
      kind: 'years',
      url: PATHS.years,
      title: 'Các năm',
      heading: 'Bài viết theo năm',
      description: 'Các năm có bài trong kho lưu trữ, với số bài của mỗi năm.',
      entries: [...yearEntries, ...undatedEntry],
      breadcrumbs: [HOME, yearsCrumb],
    },
    {
      kind: 'months',
      url: PATHS.months,
      title: 'Các tháng',
      heading: 'Bài viết theo tháng',
      description: 'Các tháng có bài trong kho lưu trữ, mới nhất trước, với số bài của mỗi tháng.',
      entries: timeline.flatMap((ty) => [...ty.months].reverse().map((m) => ({ name: m.name, url: m.url, count: m.count }))),
      breadcrumbs: [HOME, monthsCrumb],
    },
    ...timeline.map((ty): IndexPage => ({
      kind: 'months',
      url: PATHS.monthsOf(ty.year),
      title: `Các tháng năm ${ty.year}`,
      heading: `Bài viết năm ${ty.year} theo tháng`,
      description: `Các tháng năm ${ty.year} có bài trong kho lưu trữ, với số bài của mỗi tháng.`,
      entries: ty.months.map((m) => ({ name: m.name, url: m.url, count: m.count })),
      breadcrumbs: [HOME, monthsCrumb, { name: `Năm ${ty.year}`, url: PATHS.monthsOf(ty.year) }],
    })),
    {
      kind: 'articles',
      url: PATHS.articles,
      title: 'Tất cả bài viết',
      heading: 'Tất cả bài viết',
      description: `${sorted.length} bài viết trong kho lưu trữ, theo năm đăng.`,
      entries: [...yearEntries, ...undatedEntry],
      breadcrumbs: [HOME, { name: 'Bài viết', url: PATHS.articles }],
    },
  );

  // --- [stories/topics/timeline] topic pages, topic index, event timeline -------
  const topicPages: TopicPage[] = [];
  const topicCrumb = { name: 'Chủ đề', url: PATHS.topics };
  const topicEntries: TopicIndexPage['entries'] = [];
  for (const t of topicSet.topics) {
    const items: ArticleRef[] = [];
    const years: (number | null)[] = [];
    topicsOf.forEach((slugs, i) => {
      if (!slugs.includes(t.slug)) return;
      items.push(refs[i] as ArticleRef);
      years.push(yearOf[i] ?? null);
    });
    const url = PATHS.topic(t.slug);
    topicEntries.push({ name: t.name, url, count: items.length, description: t.description });
    for (const p of entityPages(
      { kind: 'topic', title: t.name, heading: t.name, breadcrumbs: [HOME, topicCrumb, { name: t.name, url }] },
      url,
      items,
      years,
      perPage,
      (count, period) => `${count} bài viết về chủ đề ${t.name}${period}. ${t.description}`,
    )) topicPages.push({ ...p, slug: t.slug, name: t.name, intro: t.description });
  }
  const topicIndex: TopicIndexPage = {
    url: PATHS.topics,
    title: 'Chủ đề',
    heading: 'Chủ đề',
    description: 'Các chủ đề lớn của quan hệ Nga – Triều Tiên, với số bài của mỗi chủ đề.',
    entries: topicEntries,
    breadcrumbs: [HOME, topicCrumb],
  };
  const eventTimeline: TimelinePage = {
    url: PATHS.events,
    title: 'Dòng thời gian',
    heading: 'Dòng thời gian quan hệ Nga – Triều Tiên',
    description: 'Các sự kiện chính của quan hệ Nga – Triều Tiên theo thứ tự thời gian, mỗi sự kiện với các bài báo đưa tin.',
    events: events.map((e) => ({
      slug: e.slug,
      url: PATHS.event(e.slug),
      day: e.date,
      dateLong: formatLong({ date: e.date, time: null, iso: null, partial: null, origin: 'none' }),
      title: e.title,
      description: e.description,
      articles: eventOf.flatMap((ev, i) => (ev >= 0 && events[ev] === e ? [refs[i] as ArticleRef] : [])),
    })),
    breadcrumbs: [HOME, { name: 'Dòng thời gian', url: PATHS.events }],
  };
  // [/stories/topics/timeline]

  // --- feeds, sitemap --------------------------------------------------------
  const feed = articles.slice(0, Math.min(datedCount, options.feed ?? 50));
  const lastmod: Record<string, string> = {};
  for (const a of articles) if (a.iso) lastmod[a.url] = a.iso;
  const pageUrls = [
    '/',
    ...articles.map((a) => a.url),
    ...listPages.map((p) => p.url),
    ...indexPages.map((p) => p.url),
    // [stories/topics/timeline]
    ...topicPages.map((p) => p.url),
    topicIndex.url,
    eventTimeline.url,
  ];

  return {
    articles,
    latest: refs.slice(0, options.latest ?? 20),
    feed,
    updated: feed[0]?.iso ?? null,
    timeline,
    undated: { count: undatedRefs.length, url: PATHS.undated },
    entityLinks: {
      person: [...peopleGroups.values()].map((g) => personLink(g.name)),
      place: [...placeGroups.values()].map((g) => placeLink(g.name)),
    },
    listPages,
    indexPages,
    topicPages,
    topicIndex,
    eventTimeline,
    duplicateGroups: stories.groups.length,
    merged: stories.groups.flatMap((g) => {
      const canonical = all[g.canonical] as ArticleRecord;
      return g.others.map((o) => ({ file: (all[o] as ArticleRecord).sourceFile, into: canonical.sourceFile, url: PATHS.article(canonical.slug) }));
    }),
    pageUrls,
    lastmod,
    // + the 404 page
    counts: { articles: articles.length, pages: pageUrls.length + 1 },
  };
}
