/**
 * The page kinds (src/site/pages/): the site data, the sitemap, the paginated collections and the
 * templates all derive from PAGE_KINDS, and agree with each other.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import type { ArticleRecord } from '../src/record.ts';
import { buildSiteData } from '../src/site/data.ts';
import { buildSiteModel } from '../src/site/model.ts';
import { PAGE_KINDS, PAGINATED, UNPAGINATED_ONLY } from '../src/site/pages/index.ts';
import { ARCHIVE } from './support/archiveSettings.ts';

const records = JSON.parse(readFileSync(new URL('./fixtures/sample-records.json', import.meta.url), 'utf8')) as ArticleRecord[];

test('the sitemap is every kind\'s URLs in PAGE_KINDS order, each once; the home page first', () => {
  const data = buildSiteData(records, { archive: ARCHIVE });
  const model = buildSiteModel(records, { archive: ARCHIVE });
  const expected = PAGE_KINDS.flatMap((kind) => {
    const own = kind.data(model, data);
    return kind.urls(own);
  });
  assert.deepEqual(data.pageUrls, expected);
  assert.equal(data.pageUrls[0], '/');
  assert.equal(new Set(data.pageUrls).size, data.pageUrls.length, 'no URL twice');
  assert.equal(data.counts.pages, data.pageUrls.length + 1, '+ the 404 page');
});

test('every paginated collection\'s items are pages of the sitemap; every kind with pages has some in a small archive', () => {
  const data = buildSiteData(records, { archive: ARCHIVE });
  const urls = new Set(data.pageUrls);
  for (const key of PAGINATED) {
    assert.ok(data[key].length > 0, `${key} is empty`);
    for (const item of data[key]) assert.ok(urls.has(item.url), `${key}: ${item.url} not in the sitemap`);
  }
  const model = buildSiteModel(records, { archive: ARCHIVE });
  for (const kind of PAGE_KINDS) {
    const own = kind.data(model, data);
    if (kind.paginates) assert.ok((own[kind.paginates] ?? []).length > 0, `${kind.name}: no page`);
  }
});

test('the templates paginate over exactly the collections the page kinds declare', () => {
  const paginated = new Set<string>();
  for (const name of readdirSync('templates').filter((n) => n.endsWith('.11ty.ts'))) {
    const m = /pagination:\s*\{\s*data:\s*'archive\.(\w+)'/u.exec(readFileSync(`templates/${name}`, 'utf8'));
    if (m) paginated.add(m[1]!);
  }
  assert.deepEqual([...paginated].sort(), [...PAGINATED].sort());
});

test('what a run of paginated pages leaves empty is only what no paginated template reads', () => {
  const templates = readdirSync('templates').filter((n) => n.endsWith('.11ty.ts'))
    .map((n) => readFileSync(`templates/${n}`, 'utf8'))
    .filter((text) => /pagination:/u.test(text))
    // and what every page lays out around its content
    .concat(readdirSync('templates/_includes').map((n) => readFileSync(`templates/_includes/${n}`, 'utf8')));
  for (const key of Object.keys(UNPAGINATED_ONLY)) {
    for (const text of templates) assert.ok(!new RegExp(`archive\\.${key}\\b`, 'u').test(text), `a paginated template reads archive.${key}`);
  }
});
