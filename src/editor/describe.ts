/** Record fields as short readable text, shared by the `add` summary, `show` and `list`. */
import type { ArticleRecord, Outlet, Published } from '../record.ts';

export function describeDate(p: Published): string {
  if (p.date) return `${p.date}${p.time ? ` ${p.time}` : ''} (from ${p.origin})`;
  if (p.partial) return `year unknown: ${p.partial.slice(5)}/${p.partial.slice(2, 4)} (from ${p.origin})`;
  return 'not found';
}

export function describeOutlet(o: Outlet | null): string {
  return o ? `${o.name} (${o.id}, ${o.domain})` : '';
}

export function list(items: readonly string[]): string {
  return items.join(', ');
}

/** The short date column: "2024-06-19", "--08-15" or "—". */
export function dateColumn(r: Pick<ArticleRecord, 'published'>): string {
  return r.published.date ?? '—';
}

/** The article's page on the site (before any path prefix). */
export function pagePath(record: Pick<ArticleRecord, 'slug'>): string {
  return `/bai-viet/${record.slug}/`;
}
