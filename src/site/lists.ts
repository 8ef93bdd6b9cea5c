/**
 * Lists of articles cut into pages: `paginate` (page n at base/trang/n/) and `entityPages` (a long
 * list cut by year, so that an added article changes only its year's pages and the list's first).
 * Pure.
 */
import type { ArticleRef, Link, ListPage } from './types.ts';

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
export function paginate(
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
export function withOlder(pages: ListPage[], older: Link | null, newer: Link | null = null): ListPage[] {
  return pages.map((p, i) => ({ ...p, older: i === pages.length - 1 ? older : p.older ?? null, newer: i === 0 ? newer : p.newer ?? null }));
}

