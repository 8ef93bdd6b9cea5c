/**
 * A stable, readable file name for a new article:
 *   <yyyy>/<yyyy-mm-dd>-<outlet-id>-<slug>.txt     dated
 *   chua-ro-ngay/<outlet-id>-<slug>.txt            no year known
 * and the first free variant of it (-2, -3, …): an article is never overwritten.
 */
import { slugify } from '../read/text.ts';
import type { ArticleRecord } from '../record.ts';

export const UNDATED_FOLDER = 'chua-ro-ngay';
export const UNKNOWN_OUTLET = 'chua-ro-bao';
export const SLUG_MAX = 60;

/** Path relative to the articles folder, with "/" separators. */
export function articleFileName(record: Pick<ArticleRecord, 'title' | 'published' | 'outlet'>, extension = '.txt'): string {
  const outlet = slugify(record.outlet?.id ?? '') || UNKNOWN_OUTLET;
  const slug = slugify(record.title, SLUG_MAX) || 'bai-viet';
  const date = record.published.date;
  return date ? `${date.slice(0, 4)}/${date}-${outlet}-${slug}${extension}` : `${UNDATED_FOLDER}/${outlet}-${slug}${extension}`;
}

/** The name itself when free, else name-2, name-3, … (before the extension). */
export function firstFreeName(name: string, taken: (candidate: string) => boolean): string {
  if (!taken(name)) return name;
  const dot = name.lastIndexOf('.');
  const stem = dot > name.lastIndexOf('/') ? name.slice(0, dot) : name;
  const ext = name.slice(stem.length);
  for (let n = 2; ; n++) {
    const candidate = `${stem}-${n}${ext}`;
    if (!taken(candidate)) return candidate;
  }
}
