/** An article record for tests: every field empty or ordinary, the given ones over them. */
import type { ArticleRecord } from '../../src/record.ts';

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
