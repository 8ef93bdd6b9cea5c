/** An article record for tests: every field empty or ordinary, the given ones over them. */
import type { ArticleRecord } from '../../src/record.ts';
import { join } from 'node:path';

export function articleRecord(over: Partial<ArticleRecord> = {}): ArticleRecord {
  return {
    id: 'x1',
    slug: 'bai-thu',
    sourceFile: 'x.txt',
    title: 'Bài thử',
    titleOrigin: 'heading',
    lede: null,
    text: '',
    html: '',
    published: { date: '2024-06-19', time: '09:30', iso: '2024-06-19T09:30:00+07:00', partial: null, origin: 'dateline' },
    outlet: { id: 'vov', name: 'VOV', domain: 'vov.vn' },
    originalOutlet: null,
    authors: [],
    url: null,
    agencies: [],
    captions: [],
    people: [],
    places: [],
    removed: [],
    warnings: [],
    tags: [],
    ...over,
  };
}

/**
 * The records of the five articles in `articles/` and of `count` generated ones (written under
 * `dir`/generated with `seed`), parsed without a cache on a fixed day: the archive the search
 * tests index.
 */
export async function seedAndGeneratedRecords(dir: string, count: number, seed: number): Promise<{ own: ArticleRecord[]; generated: ArticleRecord[] }> {
  const { loadArchive } = await import('../../src/archive/load.ts');
  const { generateArchive } = await import('../../src/generate/index.ts');
  const out = join(dir, 'generated');
  generateArchive({ articles: count, out, seed });
  const now = new Date('2026-01-01T00:00:00Z');
  return { own: (await loadArchive('articles', { now, cache: false })).records, generated: (await loadArchive(out, { now, cache: false })).records };
}
