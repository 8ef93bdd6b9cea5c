/**
 * The site model: what every page kind (src/site/pages/) reads, built once per build from the
 * records. Near-duplicates folded into one article each, the articles sorted (newest first,
 * undated last), their topics and key events, the groups by outlet, person and place, one shared
 * ref and one shared link per article, entity, year and month, and the years and months with
 * articles. Pure: no I/O, no clock.
 */
import type { ArticleRecord, Outlet } from '../record.ts';
import { PATHS } from '../paths.ts';
import { formatShort, monthLabel } from './dates.ts';
import { ownCopy } from '../ownCopy.ts';
import { slugify, uniqueSlugs } from './slug.ts';
import type { RecordDerived } from '../archive/derived.ts';
import { assignTopics, loadTopics, type TopicSet } from '../topics/index.ts';
import { loadEvents, matchEvents, type TimelineEvent } from '../timeline/index.ts';
import { groupStories, storySignature, type StoryResult } from '../stories/index.ts';
import type { ArticleRef, IndexEntry, Link, OutletLink, TimelineYear } from './types.ts';
import type { EntityEntry, NameKind } from './searchNames.ts';

export const HOME: Link = { name: 'Trang chủ', url: '/' };
export const UNDATED_CRUMB: Link = { name: 'Chưa rõ ngày', url: PATHS.undated };

const collator = new Intl.Collator('vi', { sensitivity: 'base' });

export function codeOrder(a: string, b: string): number {
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

export function summarize(r: ArticleRecord, max = 180): string {
  const source = (r.lede ?? r.text).replace(/\s+/g, ' ').trim();
  if (source.length <= max) return source;
  const cut = source.slice(0, max);
  const space = cut.lastIndexOf(' ');
  // a copy: a slice would keep the article's whole text in memory for the rest of the build
  return ownCopy(`${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,.;:–-]+$/, '')}…`);
}

/** The refs of this build's articles: each one object, listed on many pages (see PageHasher). */
const sharedRefs = new WeakSet<object>();
export function sharedRef(ref: ArticleRef): ArticleRef {
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
export function onePerKey<T, V>(make: (value: T) => V, keyOf: (value: T) => unknown = (value) => value): (value: T) => V {
  const made = new Map<unknown, V>();
  return (value) => {
    const key = keyOf(value);
    let shared = made.get(key);
    if (shared === undefined) made.set(key, (shared = make(value)));
    return shared;
  };
}

export interface Group {
  name: string;
  slug: string;
  indices: number[];
}

/** Groups article indices by name, slugs made unique in a stable (code-point) name order. */
export function groupBy(sorted: readonly ArticleRecord[], namesOf: (r: ArticleRecord, i: number) => Iterable<string>): Map<string, Group> {
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

export function byCountThenName(a: IndexEntry, b: IndexEntry): number {
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


/** What the site data takes from the archive's config (archive.config.json). */
export interface ArchiveSettings {
  /** what the archive is about, closing the lists' descriptions ("quan hệ Nga – Triều Tiên") */
  subject: string;
  topics: TopicSet;
  events: TimelineEvent[];
  /** the registries' people and places (createRegistries with the archive's knowledge), for the search page's names */
  names?: Record<NameKind, readonly EntityEntry[]>;
}

export interface SiteDataOptions {
  /** the archive's subject, topics and key events */
  archive: ArchiveSettings;
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

export interface SiteModel {
  options: SiteDataOptions;
  /** what the archive is about ("quan hệ Nga – Triều Tiên") */
  subject: string;
  perPage: number;
  /** every record in archive order, and how near-duplicates fold */
  all: ArticleRecord[];
  stories: StoryResult;
  /** the articles with a page (canonical records), newest first, undated last */
  sorted: ArticleRecord[];
  /** position in `all` → position in `sorted` */
  positionOf: Map<number, number>;
  /** position in `sorted` → position in `all` */
  sortedIndex: number[];
  /** position in `sorted` → the copies folded into it */
  copiesOf: Map<number, ArticleRecord[]>;
  topicSet: TopicSet;
  /** position in `sorted` → its topics' slugs */
  topicsOf: string[][];
  events: TimelineEvent[];
  /** position in `sorted` → its key event's index in `events`, -1 for none */
  eventOf: number[];
  outletNames: Map<string, Outlet>;
  outletGroups: Map<string, Group>;
  peopleGroups: Map<string, Group>;
  placeGroups: Map<string, Group>;
  outletLink: (o: Outlet | null) => OutletLink | null;
  personLink: (name: string) => Link;
  placeLink: (name: string) => Link;
  topicLink: (slug: string) => Link;
  eventLink: (event: number) => Link;
  yearLink: (year: number) => Link;
  /** by year * 100 + month */
  monthLink: (yearMonth: number) => Link;
  /** one shared ref per article in `sorted` */
  refs: ArticleRef[];
  /** how many articles of `sorted` are dated (they come first) */
  datedCount: number;
  /** position in `sorted` → its year, null when undated */
  yearOf: (number | null)[];
  /** year → month → its articles' refs */
  years: Map<number, Map<number, ArticleRef[]>>;
  /** year → its articles' refs */
  yearItems: Map<number, ArticleRef[]>;
  /** the years and months with articles, newest year first (months in calendar order) */
  timeline: TimelineYear[];
  /** the refs of the undated articles */
  undatedRefs: ArticleRef[];
}

export function buildSiteModel(records: readonly ArticleRecord[], options: SiteDataOptions): SiteModel {
  const perPage = options.perPage ?? 50;
  // near-duplicates are folded into their canonical record: one page per article, its other publishers listed on it.
  const { all, stories } = options.folded ?? foldCopies(records, options.derived);
  const derived = options.derived;
  const sorted = all.filter((_, i) => stories.canonicalOf[i] === i);
  const positionOf = new Map<number, number>();
  all.forEach((_, i) => {
    if (stories.canonicalOf[i] === i) positionOf.set(i, positionOf.size);
  });
  const copiesOf = new Map<number, ArticleRecord[]>();
  for (const g of stories.groups) copiesOf.set(positionOf.get(g.canonical) as number, g.others.map((o) => all[o] as ArticleRecord));
  const topicSet = options.archive.topics;
  const topicsOf = sorted.map((r) => derived?.get(r)?.topics ?? assignTopics([r], topicSet)[0] ?? []);
  const events = options.archive.events;
  const eventIndex = new Map(events.map((e, i) => [e.slug, i]));
  const eventOf = derived && sorted.every((r) => derived.has(r))
    ? sorted.map((r) => eventIndex.get(derived.get(r)!.event ?? '') ?? -1)
    : matchEvents(sorted, events);

  // --- entity groups -------------------------------------------------------
  const outletNames = new Map<string, Outlet>();
  for (const r of sorted) {
    for (const o of [r.outlet, r.originalOutlet]) if (o && !outletNames.has(o.id)) outletNames.set(o.id, o);
  }
  // the outlets of folded copies list the canonical article too
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

  // --- refs and links ------------------------------------------------------
  const refs: ArticleRef[] = sorted.map((r) => sharedRef({
    title: r.title,
    url: PATHS.article(r.slug),
    dateShort: formatShort(r.published),
    day: r.published.date,
    outlet: r.outlet?.name ?? null,
    summary: summarize(r),
  }));
  const topicName = new Map(topicSet.topics.map((t) => [t.slug, t.name]));
  const topicLink = onePerKey((slug: string): Link => ({ name: topicName.get(slug) ?? slug, url: PATHS.topic(slug) }));
  const eventLink = onePerKey((e: number): Link => ({ name: events[e]!.title, url: PATHS.event(events[e]!.slug) }));
  const yearLink = onePerKey((y: number): Link => ({ name: `Năm ${y}`, url: PATHS.year(y) }));
  const monthLink = onePerKey((ym: number): Link => ({ name: monthLabel(Math.floor(ym / 100), ym % 100), url: PATHS.month(Math.floor(ym / 100), ym % 100) }));
  const firstUndated = sorted.findIndex((r) => !r.published.date);
  const datedCount = firstUndated === -1 ? sorted.length : firstUndated;

  // --- years and months ----------------------------------------------------
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

  return {
    options, subject: options.archive.subject, perPage, all, stories, sorted, positionOf, sortedIndex: [...positionOf.keys()], copiesOf, topicSet, topicsOf, events, eventOf,
    outletNames, outletGroups, peopleGroups, placeGroups, outletLink, personLink, placeLink, topicLink, eventLink, yearLink, monthLink,
    refs, datedCount, yearOf, years, yearItems, timeline, undatedRefs: refs.slice(datedCount),
  };
}

/**
 * The derived part of each record (src/archive/derived.ts) is computed in the parse workers with
 * the built-in topics and key events. An archive whose config has others gets its records' topics
 * and events computed here, from the whole texts (so before the build cuts them to their start).
 */
export function withArchiveTopics(
  records: readonly ArticleRecord[], derived: ReadonlyMap<ArticleRecord, RecordDerived> | undefined, archive: ArchiveSettings,
): ReadonlyMap<ArticleRecord, RecordDerived> | undefined {
  if (!derived || (sameJson(archive.topics, loadTopics()) && sameJson(archive.events, loadEvents()))) return derived;
  const topics = assignTopics(records, archive.topics);
  const events = matchEvents(records, archive.events);
  const out = new Map<ArticleRecord, RecordDerived>();
  records.forEach((r, i) => {
    const e = events[i] ?? -1;
    out.set(r, { signature: derived.get(r)?.signature ?? storySignature(r), topics: topics[i] ?? [], event: e >= 0 ? archive.events[e]!.slug : null });
  });
  return out;
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
