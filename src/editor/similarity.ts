/**
 * Is this article already in the archive? Compare the normalised body text:
 * the same hash is an identical article; a word-shingle Jaccard of at least
 * NEAR_DUPLICATE is a near-identical one (another copy of the same page, a
 * republication with a different header or footer). One pass over the archive,
 * each existing article compared once.
 */
import { createHash } from 'node:crypto';
import type { ArticleRecord } from '../record.ts';

export const NEAR_DUPLICATE = 0.8;
export const SHINGLE_WORDS = 5;

/** Lower case, NFC, letters and digits only, single spaces. */
export function normaliseText(text: string): string {
  return text.normalize('NFC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** What is compared: the lede and the body; the title only when there is no body. */
export function comparableText(record: Pick<ArticleRecord, 'title' | 'lede' | 'text'>): string {
  const body = normaliseText([record.lede ?? '', record.text].join(' '));
  return body || normaliseText(record.title);
}

export function textHash(normalised: string): string {
  return createHash('sha256').update(normalised).digest('hex');
}

/** Word k-shingles; a text shorter than k words is one shingle. */
export function shingles(normalised: string, k = SHINGLE_WORDS): Set<string> {
  const words = normalised.split(' ').filter(Boolean);
  const out = new Set<string>();
  if (words.length === 0) return out;
  if (words.length <= k) return out.add(words.join(' '));
  for (let i = 0; i + k <= words.length; i++) out.add(words.slice(i, i + k).join(' '));
  return out;
}

export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const s of small) if (large.has(s)) shared++;
  return shared / (a.size + b.size - shared);
}

export interface Duplicate {
  record: ArticleRecord;
  kind: 'identical' | 'near-identical';
  similarity: number;
}

/** The most similar existing article at or above the threshold, or null. */
export function findDuplicate(candidate: ArticleRecord, existing: readonly ArticleRecord[], threshold = NEAR_DUPLICATE): Duplicate | null {
  const text = comparableText(candidate);
  if (!text) return null;
  const hash = textHash(text);
  const mine = shingles(text);
  let best: Duplicate | null = null;
  for (const record of existing) {
    const other = comparableText(record);
    if (!other) continue;
    if (textHash(other) === hash) return { record, kind: 'identical', similarity: 1 };
    const similarity = jaccard(mine, shingles(other));
    if (similarity >= threshold && (!best || similarity > best.similarity)) best = { record, kind: 'near-identical', similarity };
  }
  return best;
}
