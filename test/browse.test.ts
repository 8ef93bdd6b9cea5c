/**
 * A reader's way through the years: previous/next on every year and month page, index pages
 * for every folder of a URL (/nam/, /thang/, /thang/<year>/, /bai-viet/), lists that end with
 * their older articles, the menu's years and "Chưa rõ ngày" only when some article is undated.
 * The data (buildSiteData) here; then a built site walked in chromium, on a phone.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { buildSite } from '../src/build.ts';
import { buildSiteData, type ListPage } from '../src/site/data.ts';
import { createStaticServer } from '../src/site/serve.ts';
import { launchChromium, openWatchedPage } from './support/browser.ts';
import { articleRecord } from './support/records.ts';
import { ARCHIVE } from './support/archiveSettings.ts';

const TEXTS = [
  'Ông Putin tiếp phái đoàn Triều Tiên tại Điện Kremlin để bàn về thương mại và nông nghiệp.',
  'Hai nước ký thỏa thuận về đường sắt nối Vladivostok với cảng Rajin vào mùa xuân.',
  'Bộ Ngoại giao Nga ra thông cáo về cuộc tập trận chung trên biển Nhật Bản.',
  'Một đoàn nghệ thuật Bình Nhưỡng biểu diễn tại Moskva trong dịp kỷ niệm quốc khánh.',
  'Hội nghị thượng đỉnh ở sân bay vũ trụ Vostochny kéo dài bốn giờ đồng hồ.',
  'Hiệp ước đối tác chiến lược toàn diện được ký kết tại Bình Nhưỡng tháng sáu.',
  'Thượng viện Nga phê chuẩn văn kiện sau cuộc bỏ phiếu nhất trí của các thượng nghị sĩ.',
];

/** Eight articles naming Putin: 2022 (3), 2023 (2: June, September), 2024 (2), one undated. */
function archive(undated = true) {
  const days = ['2022-01-10', '2022-05-02', '2022-11-20', '2023-06-01', '2023-09-13', '2024-06-19', '2024-07-01'];
  const records = days.map((date, i) => articleRecord({
    id: `a${i}`,
    slug: `bai-${i}`,
    sourceFile: `a${i}.txt`,
    title: `Tổng thống Putin tiếp khách lần ${i}`,
    // texts unlike each other: near-duplicates would be folded into one page
    text: TEXTS[i]!,
    published: { date, time: null, iso: null, partial: null, origin: 'dateline' },
    people: ['Vladimir Putin'],
  }));
  if (undated) {
    records.push(articleRecord({
      id: 'u', slug: 'bai-chua-ro-ngay', sourceFile: 'u.txt', title: 'Ông Putin và Triều Tiên',
      text: 'Ông Putin nói về Triều Tiên.', people: ['Vladimir Putin'],
      published: { date: null, time: null, iso: null, partial: '--08-15', origin: 'body' },
    }));
  }
  return buildSiteData(records, { archive: ARCHIVE, perPage: 2 });
}

const page = (pages: ListPage[], url: string): ListPage => {
  const p = pages.find((x) => x.url === url);
  assert.ok(p, `${url}: no such page`);
  return p;
};

describe('the data', () => {
  const data = archive();

  test('every year page links the older and the newer year; the ends have one side', () => {
    assert.deepEqual([page(data.listPages, '/nam/2023/').older?.url, page(data.listPages, '/nam/2023/').newer?.url], ['/nam/2022/', '/nam/2024/']);
    assert.equal(page(data.listPages, '/nam/2024/').newer, null);
    assert.equal(page(data.listPages, '/nam/2022/').older, null);
    // a year of two pages: both pages link the years
    assert.equal(page(data.listPages, '/nam/2022/trang/2/').older, null);
    assert.equal(page(data.listPages, '/nam/2022/trang/2/').newer?.url, '/nam/2023/');
  });

  test('every month page links the month before and after it that has articles, across years', () => {
    const june = page(data.listPages, '/thang/2023/06/');
    assert.equal(june.older?.url, '/thang/2022/11/');
    assert.equal(june.newer?.url, '/thang/2023/09/');
    assert.equal(june.older?.name, 'Tháng 11, 2022');
    assert.equal(page(data.listPages, '/thang/2024/07/').newer, null);
    assert.equal(page(data.listPages, '/thang/2022/01/').older, null);
  });

  test('index pages for /nam/, /thang/, /thang/<year>/ and /bai-viet/: every folder of a URL has a page', () => {
    const urls = data.indexPages.map((p) => p.url);
    for (const u of ['/nam/', '/thang/', '/thang/2022/', '/thang/2023/', '/thang/2024/', '/bai-viet/']) assert.ok(urls.includes(u), u);
    const years = data.indexPages.find((p) => p.url === '/nam/')!;
    assert.deepEqual(years.entries.map((e) => [e.name, e.count]), [['Năm 2024', 2], ['Năm 2023', 2], ['Năm 2022', 3], ['Chưa rõ ngày', 1]]);
    assert.deepEqual(data.indexPages.find((p) => p.url === '/thang/2023/')!.entries.map((e) => e.url), ['/thang/2023/06/', '/thang/2023/09/']);
    assert.ok(data.pageUrls.includes('/thang/2023/'), 'in the sitemap');
    for (const u of data.pageUrls) {
      // every folder of every page's URL is a page itself
      const parts = u.split('/').filter(Boolean);
      for (let k = 1; k < parts.length; k++) {
        const folder = `/${parts.slice(0, k).join('/')}/`;
        if (/\/trang\/$/.test(folder)) continue; // "…/trang/" is the pager's, page 1 is the folder above
        assert.ok(data.pageUrls.includes(folder), `${u}: ${folder} has no page`);
      }
    }
  });

  test('a list cut by year ends with its older articles: the first page the year of the next article, each year the year before', () => {
    const front = page(data.listPages, '/nhan-vat/vladimir-putin/');
    assert.equal(front.items.length, 2);
    assert.equal(front.older?.url, '/nhan-vat/vladimir-putin/2023/');
    assert.equal(page(data.listPages, '/nhan-vat/vladimir-putin/2023/').older?.url, '/nhan-vat/vladimir-putin/2022/');
    // 2022 has two pages: the last one goes on to the undated
    assert.equal(page(data.listPages, '/nhan-vat/vladimir-putin/2022/').older ?? null, null);
    assert.equal(page(data.listPages, '/nhan-vat/vladimir-putin/2022/trang/2/').older?.url, '/nhan-vat/vladimir-putin/chua-ro-ngay/');
    assert.equal(page(data.listPages, '/nhan-vat/vladimir-putin/chua-ro-ngay/').older, null);
  });
});

describe('a built site in a browser', () => {
  let tmp: string;
  let server: http.Server;
  let browser: Browser;
  let base: string;
  const PREFIX = '/sub/';

  before(async () => {
    tmp = await mkdtemp(path.join(os.tmpdir(), 'browse-'));
    await buildSite({ input: 'articles', output: path.join(tmp, 'site'), pathPrefix: PREFIX, cache: false, env: { SITE_URL: 'https://example.org' } });
    server = createStaticServer(path.join(tmp, 'site'), PREFIX);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}${PREFIX}`;
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await new Promise((r) => (server ? server.close(r) : r(undefined)));
    if (tmp) await rm(tmp, { recursive: true, force: true });
  });

  test('no article is undated in articles/: no "Chưa rõ ngày" in the menu; the years are', async () => {
    const home = await readFile(path.join(tmp, 'site', 'index.html'), 'utf8');
    const menu = /<nav class="sitenav"[\s\S]*?<\/nav>/.exec(home)?.[0] ?? '';
    assert.ok(menu.includes(`href="${PREFIX}nam/"`), menu);
    assert.ok(!menu.includes('Chưa rõ ngày'), menu);
    for (const f of ['nam', 'thang', 'thang/2024', 'bai-viet']) assert.ok(existsSync(path.join(tmp, 'site', f, 'index.html')), f);
  });

  for (const width of [390, 1280]) {
    test(`through the years by the menu and previous/next, ${width} px`, async () => {
      const { page: p, problems } = await openWatchedPage(browser, { width, documentErrors: true });
      try {
        await p.goto(base);
        await Promise.all([p.waitForURL(`${base}nam/`), p.locator('.sitenav a', { hasText: /^Năm$/ }).click()]);
        assert.equal((await p.locator('h1').innerText()).trim(), 'Bài viết theo năm');
        await Promise.all([p.waitForURL(`${base}nam/2023/`), p.getByRole('link', { name: 'Năm 2023' }).click()]);
        const older = p.locator('nav.onwards a[rel="next"]');
        assert.match(await older.innerText(), /Năm 2022/);
        await Promise.all([p.waitForURL(`${base}nam/2022/`), older.click()]);
        await Promise.all([p.waitForURL(`${base}nam/2023/`), p.locator('nav.onwards a[rel="prev"]').click()]);
        // a month: its neighbours
        await Promise.all([p.waitForURL(/\/thang\/2023\/\d\d\/$/), p.locator('.subnav a').first().click()]);
        assert.ok(await p.locator('nav.onwards a').count() >= 1);
        // the breadcrumbs' folders are pages
        for (const u of ['thang/', 'thang/2023/', 'bai-viet/']) {
          const r = await p.goto(`${base}${u}`);
          assert.equal(r?.status(), 200, u);
        }
        assert.deepEqual(problems, []);
      } finally {
        await p.context().close();
      }
    });
  }
});
