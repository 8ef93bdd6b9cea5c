/**
 * The site, built from test/fixtures/sample-records.json into temporary folders:
 * pages exist, every internal link resolves (root and /sub/ builds), metadata
 * and feeds parse, output is deterministic. Plus the pure site-data functions.
 */
import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { buildSite } from '../src/build.ts';
import type { ArticleRecord } from '../src/record.ts';
import { buildSiteData, foldCopies, pagerWindow, sortRecords } from '../src/site/data.ts';
import { formatLong, formatShort } from '../src/site/dates.ts';
import { escapeHtml, escapeXml, html, jsonForScript, raw, safeExternalUrl } from '../src/site/escape.ts';
import { relatedIndices } from '../src/site/related.ts';
import { slugify, uniqueSlugs } from '../src/site/slug.ts';
import { ARCHIVE } from './support/archiveSettings.ts';

const records = JSON.parse(
  await readFile(new URL('./fixtures/sample-records.json', import.meta.url), 'utf8'),
) as ArticleRecord[];

async function walk(dir: string, base = dir): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await walk(full, base)));
    else out.push(path.relative(base, full).split(path.sep).join('/'));
  }
  return out.sort();
}

/** Internal URL → file in the output, or null when it does not exist. */
function resolveInternal(out: string, prefix: string, url: string): string | null {
  const pathname = decodeURI(url.split('#')[0]?.split('?')[0] ?? '');
  if (!pathname.startsWith(prefix)) return null;
  let rel = pathname.slice(prefix.length);
  if (rel === '' || rel.endsWith('/')) rel += 'index.html';
  const file = path.join(out, rel);
  return existsSync(file) ? file : null;
}

function isExternal(url: string): boolean {
  return /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(url);
}

const env = { SITE_URL: 'https://example.org' };
let tmp: string;
const outRoot = () => path.join(tmp, 'root');
const outRoot2 = () => path.join(tmp, 'root2');
const outSub = () => path.join(tmp, 'sub');
const outYears = () => path.join(tmp, 'years');

before(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'site-test-'));
  await buildSite({ records, output: outRoot(), env });
  await buildSite({ records, output: outSub(), pathPrefix: '/sub/', env });
  await buildSite({ records, output: outRoot2(), env });
  // two articles a page: the lists of the people and places in most articles are cut by year
  await buildSite({ records, output: outYears(), env, perPage: 2 });
});

after(async () => {
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

describe('built site', () => {
  test('every expected page exists', () => {
    const expected = [
      'index.html',
      '404.html',
      'robots.txt',
      'sitemap.xml',
      'feed.xml',
      'feed.json',
      'assets/site.css',
      'fonts/be-vietnam-pro-vietnamese-400-normal.woff2',
      'fonts/be-vietnam-pro-latin-700-normal.woff2',
      'bao/index.html',
      'bao/vtcnews/index.html',
      'bao/nld/index.html',
      'nhan-vat/index.html',
      'nhan-vat/kim-jong-un/index.html',
      'nhan-vat/vladimir-putin/index.html',
      'dia-danh/index.html',
      'dia-danh/binh-nhuong/index.html',
      'dia-danh/moskva/index.html',
      'chua-ro-ngay/index.html',
      'nam/2024/index.html',
      'nam/2023/index.html',
      'thang/2024/01/index.html',
      'thang/2024/12/index.html',
      'thang/2023/09/index.html',
      'chu-de/index.html',
      'chu-de/hiep-uoc-2024/index.html',
      'chu-de/binh-si-o-kursk/index.html',
      'dong-thoi-gian/index.html',
      ...records.map((r) => `bai-viet/${r.slug}/index.html`),
    ];
    for (const file of expected) assert.ok(existsSync(path.join(outRoot(), file)), `missing ${file}`);
  });

  for (const [name, out, prefix] of [
    ['root build', outRoot, '/'],
    ['pathPrefix /sub/ build', outSub, '/sub/'],
    ['lists cut by year', outYears, '/'],
  ] as const) {
    test(`every internal href and src resolves (${name})`, async () => {
      const files = await walk(out());
      const htmlFiles = files.filter((f) => f.endsWith('.html'));
      assert.ok(htmlFiles.length >= 30);
      const broken: string[] = [];
      let checked = 0;
      for (const f of htmlFiles) {
        const text = await readFile(path.join(out(), f), 'utf8');
        for (const m of text.matchAll(/\s(?:href|src)="([^"]*)"/g)) {
          const url = (m[1] ?? '').replace(/&amp;/g, '&');
          if (isExternal(url)) continue;
          checked++;
          if (url.startsWith('#')) {
            assert.ok(text.includes(`id="${url.slice(1)}"`), `${f}: anchor ${url}`);
            continue;
          }
          if (!url.startsWith(prefix)) broken.push(`${f}: ${url} (does not start with ${prefix})`);
          else if (!resolveInternal(out(), prefix, url)) broken.push(`${f}: ${url}`);
        }
      }
      // Fonts referenced from the stylesheet, relative to it.
      const css = await readFile(path.join(out(), 'assets/site.css'), 'utf8');
      for (const m of css.matchAll(/url\((\.\.\/[^)]+)\)/g)) {
        checked++;
        if (!existsSync(path.join(out(), 'assets', m[1] ?? ''))) broken.push(`site.css: ${m[1]}`);
      }
      assert.deepEqual(broken, []);
      assert.ok(checked > 200, `only ${checked} links checked`);
      // Absolute links to the site itself carry the prefix too.
      const feed = JSON.parse(await readFile(path.join(out(), 'feed.json'), 'utf8')) as { items: { url: string }[] };
      for (const item of feed.items) assert.ok(item.url.startsWith(`https://example.org${prefix}bai-viet/`), item.url);
    });
  }

  test('a list longer than a page: its newest first, then one list per year and one of the undated', async () => {
    const dir = path.join(outYears(), 'nhan-vat', 'vladimir-putin');
    const front = await readFile(path.join(dir, 'index.html'), 'utf8');
    assert.match(front, /5 bài · 2 bài mới nhất/);
    assert.match(front, /<nav class="subnav" aria-label="Các năm">.*href="\/nhan-vat\/vladimir-putin\/2024\/">2024 <span class="n">\(2\)<\/span>.*href="\/nhan-vat\/vladimir-putin\/chua-ro-ngay\/">Chưa rõ ngày/s);
    const y2024 = await readFile(path.join(dir, '2024', 'index.html'), 'utf8');
    assert.match(y2024, /<span aria-current="page">2024<\/span>/);
    assert.match(y2024, /<h1>Bài viết nhắc đến Vladimir Putin – năm 2024<\/h1>/);
    assert.ok(!/\(\d+\)/.test(y2024.match(/<nav class="subnav".*?<\/nav>/s)![0]), 'no counts in a year page\'s years');
    assert.ok(existsSync(path.join(dir, '2023', 'index.html')));
    assert.ok(existsSync(path.join(dir, 'chua-ro-ngay', 'index.html')));
    assert.ok(!existsSync(path.join(dir, 'trang')), 'no page numbers across years');
  });

  test('article page shows title, Vietnamese date, outlet, people, places, captions', async () => {
    const page = await readFile(
      path.join(outRoot(), 'bai-viet/dien-kremlin-nga-hop-tac-moi-linh-vuc-voi-trieu-tien-ke-ca-nhay-cam/index.html'),
      'utf8',
    );
    assert.match(page, /<html lang="vi">/);
    assert.match(page, /<h1>Điện Kremlin: Nga hợp tác mọi lĩnh vực với Triều Tiên, kể cả &#39;nhạy cảm&#39;<\/h1>/);
    assert.match(page, /Thứ Tư, 17 tháng 1, 2024 lúc 21:08/);
    assert.match(page, /<a class="outlet" href="\/bao\/vtcnews\/">VTC News<\/a>/);
    assert.match(page, /href="https:\/\/vtcnews\.vn\/[^"]+" rel="noopener"/);
    assert.match(page, /<figure><figcaption>Người phát ngôn Điện Kremlin Dmitry Peskov\./);
    assert.match(page, /href="\/nhan-vat\/kim-jong-un\/">Kim Jong-un</);
    assert.match(page, /href="\/dia-danh\/binh-nhuong\/">Bình Nhưỡng</);
    assert.match(page, /<link rel="canonical" href="https:\/\/example\.org\/bai-viet\/dien-kremlin/);
    assert.match(page, /<meta property="og:type" content="article">/);
    assert.match(page, /rel="prev"/);
    assert.match(page, /rel="next"/);
  });

  test('republished and undated articles', async () => {
    const page = await readFile(path.join(outRoot(), 'bai-viet/nga-thuc-hien-buoc-di-moi-doi-voi-trieu-tien/index.html'), 'utf8');
    assert.match(page, /15 tháng 8, năm chưa rõ/);
    assert.match(page, /Đăng lại từ<\/dt><dd><a href="\/bao\/nld\/">Người Lao động<\/a>/);
    const undated = await readFile(path.join(outRoot(), 'chua-ro-ngay/index.html'), 'utf8');
    assert.match(undated, /nga-thuc-hien-buoc-di-moi-doi-voi-trieu-tien/);
    assert.match(undated, /trieu-tien-nga-cam-ket-tang-cuong-quan-he-song-phuong/);
    assert.doesNotMatch(undated, /dien-kremlin/);
  });

  test('JSON-LD parses; NewsArticle has datePublished with +07:00; BreadcrumbList on every page', async () => {
    const files = (await walk(outRoot())).filter((f) => f.endsWith('.html') && f !== '404.html');
    for (const f of files) {
      const text = await readFile(path.join(outRoot(), f), 'utf8');
      const blocks = [...text.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map(
        (m) => JSON.parse(m[1] ?? '') as Record<string, unknown>,
      );
      assert.ok(blocks.some((b) => b['@type'] === 'BreadcrumbList'), `${f}: no BreadcrumbList`);
      if (f === 'bai-viet/dien-kremlin-nga-hop-tac-moi-linh-vuc-voi-trieu-tien-ke-ca-nhay-cam/index.html') {
        const article = blocks.find((b) => b['@type'] === 'NewsArticle');
        assert.ok(article);
        assert.equal(article.datePublished, '2024-01-17T21:08:30+07:00');
        assert.equal(article.headline, "Điện Kremlin: Nga hợp tác mọi lĩnh vực với Triều Tiên, kể cả 'nhạy cảm'");
        assert.ok(String(article.isBasedOn).startsWith('https://vtcnews.vn/'));
        assert.deepEqual(article.publisher, { '@type': 'Organization', name: 'VTC News', url: 'https://vtcnews.vn/' });
      }
    }
  });

  test('feed.json is JSON Feed 1.1 with full text of dated articles', async () => {
    const feed = JSON.parse(await readFile(path.join(outRoot(), 'feed.json'), 'utf8')) as {
      version: string;
      items: { id: string; content_html: string; date_published: string }[];
    };
    assert.equal(feed.version, 'https://jsonfeed.org/version/1.1');
    assert.equal(feed.items.length, 3);
    assert.equal(feed.items[0]?.date_published, '2024-12-24T09:15:00+07:00');
    assert.match(feed.items[0]?.content_html ?? '', /<p>/);
  });

  test('feed.xml is an Atom feed', async () => {
    const xml = await readFile(path.join(outRoot(), 'feed.xml'), 'utf8');
    assert.ok(xml.startsWith('<?xml'));
    assert.match(xml, /<feed xmlns="http:\/\/www\.w3\.org\/2005\/Atom"/);
    assert.equal((xml.match(/<entry>/g) ?? []).length, 3);
    assert.equal((xml.match(/<\/entry>/g) ?? []).length, 3);
    assert.doesNotMatch(xml, /<content type="html"><p>/, 'content must be escaped');
    assert.match(xml, /&amp; đồng minh/);
  });

  test('sitemap lists every article; robots.txt names it', async () => {
    const sitemap = await readFile(path.join(outRoot(), 'sitemap.xml'), 'utf8');
    for (const r of records) assert.ok(sitemap.includes(`<loc>https://example.org/bai-viet/${r.slug}/</loc>`), r.slug);
    const subSitemap = await readFile(path.join(outSub(), 'sitemap.xml'), 'utf8');
    assert.match(subSitemap, /<loc>https:\/\/example\.org\/sub\/bai-viet\//);
    const robots = await readFile(path.join(outRoot(), 'robots.txt'), 'utf8');
    assert.match(robots, /Sitemap: https:\/\/example\.org\/sitemap\.xml/);
  });

  test('article page with its CSS stays under 60 KB', async () => {
    const page = await readFile(path.join(outRoot(), `bai-viet/${records[0]?.slug}/index.html`));
    const css = await readFile(path.join(outRoot(), 'assets/site.css'));
    assert.ok(page.length + css.length < 60_000, `${page.length + css.length} bytes`);
  });

  test('two builds are byte-identical', async () => {
    const a = await walk(outRoot());
    const b = await walk(outRoot2());
    assert.deepEqual(a, b);
    for (const f of a) {
      const [x, y] = await Promise.all([readFile(path.join(outRoot(), f)), readFile(path.join(outRoot2(), f))]);
      assert.ok(x.equals(y), `${f} differs`);
    }
  });
});

describe('site data', () => {
  test('slugify strips Vietnamese diacritics', () => {
    assert.equal(slugify('Bình Nhưỡng'), 'binh-nhuong');
    assert.equal(slugify('Đà Nẵng – ĐỒNG ĐĂNG'), 'da-nang-dong-dang');
    assert.equal(slugify('Kim Jong-un'), 'kim-jong-un');
    assert.equal(slugify('Thế giới & Việt Nam'), 'the-gioi-viet-nam');
    assert.equal(slugify('Bình Nhưỡng'.normalize('NFD')), 'binh-nhuong');
    assert.deepEqual([...uniqueSlugs(['Đà Nẵng', 'Da Nang']).values()], ['da-nang', 'da-nang-2']);
  });

  test('Vietnamese dates do not depend on the machine time zone', () => {
    const p = { date: '2024-01-17', time: '21:08', iso: '2024-01-17T21:08:00+07:00', partial: null, origin: 'dateline' as const };
    assert.equal(formatLong(p), 'Thứ Tư, 17 tháng 1, 2024 lúc 21:08');
    assert.equal(formatLong({ ...p, time: '23:59' }), 'Thứ Tư, 17 tháng 1, 2024 lúc 23:59');
    assert.equal(formatLong({ ...p, time: '00:05' }), 'Thứ Tư, 17 tháng 1, 2024 lúc 00:05');
    assert.equal(formatLong({ ...p, time: null }), 'Thứ Tư, 17 tháng 1, 2024');
    assert.equal(formatShort(p), '17/01/2024');
    const undated = { date: null, time: null, iso: null, partial: '--08-15', origin: 'body' as const };
    assert.equal(formatLong(undated), '15 tháng 8, năm chưa rõ');
    assert.equal(formatLong({ ...undated, partial: null }), 'Chưa rõ ngày đăng');
  });

  test('formatLong writes what date-fns writes for a TZDate in Vietnam time, on every day of 28 years', async () => {
    const { format } = await import('date-fns');
    const { vi } = await import('date-fns/locale');
    const { TZDate } = await import('@date-fns/tz');
    let checked = 0;
    for (let t = Date.UTC(1999, 0, 1); t <= Date.UTC(2026, 11, 31); t += 86_400_000) {
      const day = new Date(t).toISOString().slice(0, 10);
      const [y, m, d] = day.split('-').map(Number) as [number, number, number];
      for (const time of [null, '00:00', '07:05', '23:59']) {
        const [hh, mm] = (time ?? '00:00').split(':').map(Number) as [number, number];
        const at = new TZDate(y, m - 1, d, hh, mm, 'Asia/Ho_Chi_Minh');
        const expected = format(at, time ? "EEEE, d 'tháng' M, yyyy 'lúc' HH:mm" : "EEEE, d 'tháng' M, yyyy", { locale: vi });
        assert.equal(formatLong({ date: day, time, iso: null, partial: null, origin: 'dateline' }), expected);
        checked++;
      }
    }
    assert.ok(checked > 40_000);
  });

  test('escaping', () => {
    assert.equal(escapeHtml(`<a href="x">'&'</a>`), '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    assert.equal(html`<p title="${'"x"'}">${'<b>'}${raw('<i>ok</i>')}</p>`.value, '<p title="&quot;x&quot;">&lt;b&gt;<i>ok</i></p>');
    assert.ok(!jsonForScript({ a: '</script><!--' }).includes('</'));
    assert.equal(escapeXml('a\u0001b & c'), 'ab &amp; c');
    assert.equal(safeExternalUrl('javascript:alert(1)'), null);
    assert.equal(safeExternalUrl('https://vtcnews.vn/a'), 'https://vtcnews.vn/a');
  });

  test('sorted newest first, undated last; prev/next stay within dated or undated', () => {
    const sorted = sortRecords(records).map((r) => r.published.date ?? r.published.partial ?? 'none');
    assert.deepEqual(sorted, ['2024-12-24', '2024-01-17', '2023-09-22', '--08-15', 'none']);
    const data = buildSiteData(records, { archive: ARCHIVE });
    assert.equal(data.articles[2]?.prev, null, 'the oldest dated article has no older one');
    assert.equal(data.articles[3]?.next, null, 'the first undated article has no newer one');
    assert.equal(data.articles[1]?.prev?.url, data.articles[2]?.url);
  });

  test('archives paginate by 50; pager windows stay short', () => {
    const base = records[0] as ArticleRecord;
    const many: ArticleRecord[] = Array.from({ length: 120 }, (_, i) => ({
      ...base,
      id: `id${i}`,
      slug: `bai-${i}`,
      // distinct texts: copies of one text would be folded into one article (src/stories/)
      lede: null,
      text: Array.from({ length: 40 }, (_, k) => `từ${i}x${k}`).join(' '),
      published: { ...base.published, date: `2024-01-${String((i % 28) + 1).padStart(2, '0')}`, time: '08:00', iso: null },
    }));
    const data = buildSiteData(many, { archive: ARCHIVE });
    const month = data.listPages.filter((p) => p.kind === 'month');
    assert.deepEqual(month.map((p) => [p.url, p.items.length]), [
      ['/thang/2024/01/', 50],
      ['/thang/2024/01/trang/2/', 50],
      ['/thang/2024/01/trang/3/', 20],
    ]);
    assert.deepEqual(pagerWindow(10, 40), [1, null, 8, 9, 10, 11, 12, null, 40]);
  });

  test('links: one object per person, place, outlet and month, however many articles show it', () => {
    const base = records[0] as ArticleRecord;
    const three: ArticleRecord[] = Array.from({ length: 3 }, (_, i) => ({
      ...base,
      id: `lk${i}`,
      slug: `lien-ket-${i}`,
      lede: null,
      // distinct texts, so that none is folded into another
      text: Array.from({ length: 40 }, (_, k) => `chữ${i}y${k}`).join(' '),
      people: ['Vladimir Putin', i === 2 ? 'Kim Jong-un' : 'Sergei Lavrov'],
      places: ['Moskva'],
      // a copy of the outlet in each record, as records read from JSON have
      outlet: base.outlet ? { ...base.outlet } : null,
      published: { ...base.published, date: `2024-03-0${i + 1}`, time: null, iso: null },
    }));
    const { articles } = buildSiteData(three, { archive: ARCHIVE });
    const [a, b, c] = ['lien-ket-0', 'lien-ket-1', 'lien-ket-2'].map((slug) => articles.find((v) => v.slug === slug));
    assert.ok(a && b && c);
    assert.equal(a.people[0], b.people[0], 'Vladimir Putin: one link');
    assert.equal(a.people[0], c.people[0]);
    assert.notEqual(a.people[1], c.people[1], 'two people, two links');
    assert.deepEqual(c.people.map((l) => l.name), ['Vladimir Putin', 'Kim Jong-un']);
    assert.equal(a.places[0], c.places[0]);
    assert.equal(a.places[0]?.url, '/dia-danh/moskva/');
    assert.equal(a.outletLink, c.outletLink, 'one link per outlet, though each record has its own outlet object');
    assert.equal(a.breadcrumbs[2], c.breadcrumbs[2], 'one link per month');
    assert.equal(a.breadcrumbs[2]?.url, '/thang/2024/03/');
  });

  test('related articles: near-linear on a large archive', () => {
    const people = Array.from({ length: 200 }, (_, i) => `Người ${i}`);
    const places = Array.from({ length: 50 }, (_, i) => `Nơi ${i}`);
    const base = records[0] as ArticleRecord;
    const n = 30_000;
    const big: ArticleRecord[] = Array.from({ length: n }, (_, i) => ({
      ...base,
      id: `r${i}`,
      slug: `r-${i}`,
      people: ['Vladimir Putin', 'Kim Jong-un', people[i % 200] as string, people[(i * 7) % 200] as string],
      places: ['Moskva', places[i % 50] as string],
      published: { ...base.published, date: `20${10 + (i % 15)}-0${1 + (i % 9)}-1${i % 10}`, time: null, iso: null },
    }));
    const sorted = sortRecords(big);
    const started = performance.now();
    const related = relatedIndices(sorted);
    const ms = performance.now() - started;
    assert.equal(related.length, n);
    assert.ok(related.every((r) => r.length === 5));
    assert.ok(ms < 15_000, `${ms} ms`);
  });
});

test('page reuse: a page is kept only with the same context, the same data and its file still there', async () => {
  const { planPages, pagePath } = await import('../src/site/pageReuse.ts');
  const items = [{ url: '/bai-viet/a/', title: 'A' }, { url: '/bai-viet/b/', title: 'B' }];
  const first = { context: 'c1', pages: {} };
  assert.deepEqual(planPages(items, null, first, () => true).keep, [], 'no last build: all rendered');
  assert.equal(pagePath('/bai-viet/a/'), 'bai-viet/a/index.html');

  const changed = [{ url: '/bai-viet/a/', title: 'A' }, { url: '/bai-viet/b/', title: 'B mới' }];
  const plan = planPages(changed, first, { context: 'c1', pages: {} }, () => true);
  assert.deepEqual(plan.keep, ['bai-viet/a/index.html']);
  assert.deepEqual(plan.render.map((i) => i.url), ['/bai-viet/b/']);

  assert.equal(planPages(items, first, { context: 'c2', pages: {} }, () => true).render.length, 2, 'another context: all rendered');
  assert.equal(planPages(items, first, { context: 'c1', pages: {} }, (p) => p !== 'bai-viet/a/index.html').render.length, 1, 'a file gone from the last site is rendered');
});

test('page hashes: a shared article ref is digested once, and a change in it changes every page that lists it', async () => {
  const { PageHasher } = await import('../src/site/pageReuse.ts');
  const { isSharedRef } = await import('../src/site/data.ts');
  const archive = buildSiteData(records, { archive: ARCHIVE });
  const list = archive.listPages.find((p) => p.items.length > 1)!;
  assert.ok(list && isSharedRef(list.items[0]!), 'the list items are the shared refs');
  assert.ok(!isSharedRef(list.breadcrumbs[0]!), 'a page\'s own links are not');
  // the same page data gives the same hash on every build (a fresh hasher: new digests)
  assert.equal(new PageHasher(isSharedRef).hash(list), new PageHasher(isSharedRef).hash(list));
  // another build, one article's title edited: the pages that list it change, the others do not
  const target = list.items[1]!;
  const again = buildSiteData(records.map((r) => (`/bai-viet/${r.slug}/` === target.url ? { ...r, title: `${r.title} (sửa)` } : r)), { archive: ARCHIVE });
  const hashes = (data: typeof archive) => {
    const hasher = new PageHasher(isSharedRef);
    return new Map([...data.articles, ...data.listPages, ...data.topicPages].map((p) => [p.url, { hash: hasher.hash(p), plain: new PageHasher().hash(p) }]));
  };
  const before = hashes(archive);
  const after = hashes(again);
  const pages = [...again.articles, ...again.listPages, ...again.topicPages];
  const lists = (p: (typeof pages)[number]): boolean => JSON.stringify(p).includes(`"url":"${target.url}"`) || p.url === target.url;
  let changed = 0;
  for (const page of pages) {
    const b = before.get(page.url)!;
    const a = after.get(page.url)!;
    assert.equal(a.hash !== b.hash, a.plain !== b.plain, `${page.url}: digests and plain JSON agree on what changed`);
    assert.equal(a.hash !== b.hash, lists(page), `${page.url} changes exactly when it shows the edited article`);
    if (a.hash !== b.hash) changed++;
  }
  assert.ok(changed >= 3, `${changed} pages show the edited article`);
});

test('render chunks: the paginated pages cut in order, none lost, at most the chunk size each', async () => {
  const { renderChunks } = await import('../src/site/render.ts');
  const item = (url: string) => ({ url }) as never;
  const data = { articles: [1, 2, 3, 4, 5].map((n) => item(`/a/${n}/`)), listPages: [item('/l/1/')], indexPages: [], topicPages: [item('/t/1/'), item('/t/2/')] };
  const chunks = renderChunks(data, 3);
  assert.deepEqual(chunks.map((c) => [c.articles.length, c.listPages.length, c.indexPages.length, c.topicPages.length]), [[3, 0, 0, 0], [2, 1, 0, 0], [0, 0, 0, 2]]);
  assert.equal(renderChunks({ articles: [], listPages: [], indexPages: [], topicPages: [] }).length, 1, 'one run even with nothing paginated');
  assert.equal(renderChunks(data).length, 1);
});

test('withBodies: the views with a bodyRef get their body read back (copies); the others stay as they are', async () => {
  const { withBodies } = await import('../src/site/bodies.ts');
  const view = (url: string, extra: object) => ({ url, html: '', ...extra }) as never;
  const held = view('/a/', { html: '<p>A</p>' });
  const views = [held, view('/b/', { bodyRef: 'k-b' }), view('/c/', { bodyRef: 'k-c' })];
  const asked: string[][] = [];
  const out = await withBodies(views, async (refs) => {
    asked.push([...refs]);
    return refs.map((r) => `<p>${r}</p>`);
  });
  assert.deepEqual(asked, [['k-b', 'k-c']], 'one read for the run');
  assert.equal(out[0], held);
  assert.deepEqual(out.slice(1), [{ url: '/b/', html: '<p>k-b</p>' }, { url: '/c/', html: '<p>k-c</p>' }]);
  assert.equal((views[1] as unknown as { html: string }).html, '', 'the views themselves keep no body');
  await assert.rejects(withBodies(views, undefined), /nothing reads them back/);
  await assert.rejects(withBodies(views, async () => { throw new Error('the record cache lost an entry'); }), /lost an entry/);
});

test('ownCopy: the same string, code unit for code unit (a lone surrogate too)', async () => {
  const { ownCopy } = await import('../src/ownCopy.ts');
  const long = 'Triều Tiên và Nga ký hiệp ước 🇰🇵 '.repeat(200);
  for (const s of ['', 'a', long.slice(0, 180), long.slice(0, 31) /* cuts the flag's surrogate pair */, '\ud83c']) assert.equal(ownCopy(s), s);
});

/** `articles` generated raw articles (src/generate, `seed`), parsed without a cache; the folder is removed after. */
async function loadGenerated(articles: number, seed: number) {
  const { generateArchive } = await import('../src/generate/index.ts');
  const { loadArchive } = await import('../src/archive/load.ts');
  const dir = await mkdtemp(path.join(os.tmpdir(), 'generated-'));
  try {
    generateArchive({ articles, out: dir, seed });
    return await loadArchive(dir, { cache: false });
  } finally {
    await rm(dir, { recursive: true });
  }
}

test('the site from the start of each text and the derived part is the site from the whole texts', async () => {
  const { loadArchive } = await import('../src/archive/load.ts');
  const { textStart } = await import('../src/search/content.ts');
  const { searchable } = await import('../src/search/worker.ts');
  // 300 generated articles (republished copies among them) and the archive's own
  const generated = await loadGenerated(300, 11);
  const own = await loadArchive('articles', { cache: false });
  const whole = [...generated.records, ...own.records];
  // the reference: everything (copies, topics, key events, summaries) from the whole texts
  const reference = buildSiteData(structuredClone(whole), { archive: ARCHIVE });
  const search = whole.map(searchable);
  const texts = whole.map((r) => r.text);
  // as the build does: derived parts from the load, copies folded, then the texts cut to their start
  const derived = new Map([...generated.derived, ...own.derived]);
  const folded = foldCopies(whole, derived);
  let cut = 0;
  for (const r of whole) {
    const start = textStart(r.text);
    if (start.length < r.text.length) cut++;
    r.text = start;
  }
  assert.ok(cut > 200, `${cut} texts cut`);
  assert.ok(reference.merged.length > 0, 'some copies are folded');
  assert.ok(reference.articles.some((a) => a.event), 'some articles have a key event');
  assert.deepEqual(buildSiteData(whole, { archive: ARCHIVE, derived, folded }), reference);
  // the search is sent every word, before the cut (src/build.ts)
  assert.deepEqual(search.map((r) => r.text), texts);
  assert.ok(search.some((r, i) => r.text.length > whole[i]!.text.length), 'the search has the whole texts the site no longer holds');
});

test('textStart: the search reads the same start from it as from the whole text, on any text', async () => {
  const fc = (await import('fast-check')).default;
  const { indexedBody, textStart } = await import('../src/search/content.ts');
  const piece = fc.constantFrom('Nga', 'Triều Tiên', 'ký', 'hiệp ước', '.', '!', '?', '…', '”', '"', ')', ' ', '  ', '\n', '\n\n', '2024', 'Kim Jong-un');
  const text = fc.array(piece, { maxLength: 900, size: 'max' }).map((parts) => parts.join(' '));
  fc.assert(fc.property(text, (t) => {
    const start = textStart(t);
    assert.equal(indexedBody(start), indexedBody(t));
    assert.ok(start.length <= t.length + 2);
  }), { numRuns: 400 });
});

test('entityPages: a short list is one page; a long one is cut by year, with a first page of the newest', async () => {
  const { entityPages, UNDATED_PART } = await import('../src/site/data.ts');
  const ref = (n: number) => ({ title: `Bài ${n}`, url: `/bai-viet/b${n}/`, dateShort: '', day: null, outlet: null, summary: '' });
  const base = { kind: 'place' as const, title: 'Nga', heading: 'Bài viết nhắc đến Nga', breadcrumbs: [{ name: 'Trang chủ', url: '/' }] };
  const describe = (count: number, period: string) => `${count} bài${period}.`;
  // up to perPage: one page, as before, no years
  const short = entityPages(base, '/dia-danh/nga/', [ref(1), ref(2)], [2024, 2011], 3, describe);
  assert.deepEqual(short.map((p) => [p.url, p.items.length, p.nav.length, p.description]), [['/dia-danh/nga/', 2, 0, '2 bài.']]);
  // 7 articles, newest first, undated last: 2024 ×3, 2011 ×3, undated ×1; 2 per page
  const items = [1, 2, 3, 4, 5, 6, 7].map(ref);
  const years = [2024, 2024, 2024, 2011, 2011, 2011, null];
  const pages = entityPages(base, '/dia-danh/nga/', items, years, 2, describe);
  assert.deepEqual(pages.map((p) => [p.url, p.items.map((i) => i.title).join(','), p.description]), [
    ['/dia-danh/nga/', 'Bài 1,Bài 2', '7 bài.'],
    ['/dia-danh/nga/2024/', 'Bài 1,Bài 2', '3 bài năm 2024.'],
    ['/dia-danh/nga/2024/trang/2/', 'Bài 3', '3 bài năm 2024.'],
    ['/dia-danh/nga/2011/', 'Bài 4,Bài 5', '3 bài năm 2011.'],
    ['/dia-danh/nga/2011/trang/2/', 'Bài 6', '3 bài năm 2011.'],
    [`/dia-danh/nga/${UNDATED_PART}`, 'Bài 7', '1 bài chưa rõ ngày đăng.'],
  ]);
  const [front, y2024, , y2011] = pages;
  assert.equal(front!.total, 7);
  assert.deepEqual(front!.nav, [
    { name: '2024', url: '/dia-danh/nga/2024/', count: 3 },
    { name: '2011', url: '/dia-danh/nga/2011/', count: 3 },
    { name: 'Chưa rõ ngày', url: `/dia-danh/nga/${UNDATED_PART}`, count: 1 },
  ]);
  // a year page counts only its own year: another year's article changes nothing on it
  assert.ok(y2011!.nav.every((n) => n.count === undefined));
  assert.deepEqual([y2011!.total, y2011!.totalPages, y2011!.nextUrl], [3, 2, '/dia-danh/nga/2011/trang/2/']);
  assert.deepEqual(y2024!.breadcrumbs.at(-1), { name: 'Năm 2024', url: '/dia-danh/nga/2024/' });
  assert.equal(y2024!.title, 'Nga – năm 2024');
});

test('long lists cut by year: an article added in 2011 changes only the 2011 pages and the first pages of its lists', async () => {
  const { PageHasher } = await import('../src/site/pageReuse.ts');
  const { isSharedRef } = await import('../src/site/data.ts');
  const { records: all } = await loadGenerated(400, 5);
  // one article less, then added: dated 2011, about the archive's most listed people and places
  const added = all.find((r) => r.published.date?.startsWith('2011-') && r.places.length > 1 && r.people.length > 0);
  assert.ok(added, 'a 2011 article with people and places');
  const perPage = 10;
  const without = buildSiteData(structuredClone(all.filter((r) => r !== added)), { archive: ARCHIVE, perPage });
  const withIt = buildSiteData(structuredClone(all), { archive: ARCHIVE, perPage });
  const hashes = (data: typeof withIt) => {
    const hasher = new PageHasher(isSharedRef);
    return new Map([...data.listPages, ...data.topicPages].map((p) => [p.url, hasher.hash(p)]));
  };
  const before = hashes(without);
  const after = hashes(withIt);
  const changed = [...after].filter(([url, hash]) => before.get(url) !== hash).map(([url]) => url);
  const firstPages = new Set([...withIt.listPages, ...withIt.topicPages].filter((p) => p.navLabel === 'Các năm' && p.totalPages === 1 && p.items.length < p.total).map((p) => p.url));
  const navOf = (data: typeof withIt, url: string) => JSON.stringify([...data.listPages, ...data.topicPages].find((p) => p.url === url)?.nav);
  for (const url of changed) {
    const allowed = firstPages.has(url) || /\/2011\/(?:trang\/\d+\/)?$/.test(url) || url.startsWith('/thang/2011/')
      || !before.has(url) // a list that reached perPage + 1 articles gains its year pages
      || navOf(without, url) !== navOf(withIt, url); // a list's first article of 2011: its years list 2011 too
    assert.ok(allowed, `${url} changed although it shows no 2011 article and is no first page`);
  }
  const lists = [...withIt.listPages, ...withIt.topicPages];
  assert.ok(changed.length < lists.length / 10, `${changed.length} of ${lists.length} list pages changed`);
  assert.ok(firstPages.size > 3, `${firstPages.size} lists are cut by year`);
  // every article of a cut list is on exactly one of its year pages
  for (const url of firstPages) {
    const front = lists.find((p) => p.url === url)!;
    const onYears = lists.filter((p) => p.url !== url && p.url.startsWith(url) && p.breadcrumbs.length === front.breadcrumbs.length + 1).flatMap((p) => p.items.map((i) => i.url));
    assert.equal(onYears.length, front.total, `${url}: ${onYears.length} of ${front.total} on its year pages`);
    assert.equal(new Set(onYears).size, front.total);
  }
});
