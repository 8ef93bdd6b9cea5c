/**
 * Search in a real browser: the site built from articles/ (through the parser,
 * plus one made-up article that writes "Kiev" and "Đà Nẵng") under the path
 * prefix /sub/, served on 127.0.0.1, driven with playwright-core in Debian's
 * chromium (as test/e2e.test.ts). Pagefind runs as a reader's browser runs it.
 *
 * chromium is required (`apt-get install chromium`): without it this file fails.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { axeFor, launchChromium, openWatchedPage } from './support/browser.ts';
import { articleRecord } from './support/records.ts';
import { loadArchive } from '../src/archive/load.ts';
import { buildSite } from '../src/build.ts';
import type { ArticleRecord } from '../src/record.ts';
import { createStaticServer } from '../src/site/serve.ts';
import { logTransfers, measureQuery } from '../src/bench/searchTransfer.ts';

const PREFIX = '/sub/';

/** What the five articles are (slugs), for the expected result sets. */
const A = {
  kremlin: 'dien-kremlin-nga-hop-tac-moi-linh-vuc-voi-trieu-tien-ke-ca-nhay-cam',
  balance: 'trieu-tien-hop-tac-voi-nga-nham-dam-bao-can-bang-quyen-luc-toan-cau',
  further: 'nga-noi-ve-y-dinh-tien-xa-hon-voi-trieu-tien',
  newStep: 'nga-thuc-hien-buoc-di-moi-doi-voi-trieu-tien',
  pledge: 'trieu-tien-nga-cam-ket-tang-cuong-quan-he-song-phuong',
  kiev: 'phai-doan-ukraine-tu-kiev-den-da-nang',
};

let tmp: string;
let server: http.Server;
let browser: Browser;
let base: string;
const serverErrors: string[] = [];
let transfers: ReturnType<typeof logTransfers>;

/** A made-up article: its place names appear only in their canonical forms. */
function kievArticle(model: ArticleRecord): ArticleRecord {
  const text = 'Một phái đoàn rời Kiev hôm thứ Hai.\n\nHọ dự một hội thảo ở Đà Nẵng về an ninh khu vực.';
  // the model's outlet, title origin and tags; nothing else of it
  return articleRecord({
    titleOrigin: model.titleOrigin,
    outlet: model.outlet,
    tags: model.tags,
    id: 'search-e2e-kiev',
    slug: A.kiev,
    sourceFile: 'search-e2e-kiev.txt',
    title: 'Phái đoàn Ukraine từ Kiev đến Đà Nẵng',
    text,
    html: text.split('\n\n').map((p) => `<p>${p}</p>`).join('\n'),
    published: { date: '2021-03-02', time: null, iso: null, partial: null, origin: 'front-matter' },
    places: ['Kiev', 'Đà Nẵng'],
  });
}

before(async () => {
  browser = await launchChromium();
  tmp = await mkdtemp(path.join(os.tmpdir(), 'search-e2e-'));
  const { records } = await loadArchive('articles');
  assert.equal(records.length, 5);
  const site = path.join(tmp, 'site');
  await buildSite({ records: [...records, kievArticle(records[0] as ArticleRecord)], output: site, pathPrefix: PREFIX, env: { SITE_URL: 'https://example.org' } });
  server = createStaticServer(site, PREFIX);
  // Every failed request, the Pagefind worker's too, seen from the server (the browser's own favicon aside).
  server.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
    res.on('finish', () => {
      if (res.statusCode >= 400 && req.url !== '/favicon.ico') serverErrors.push(`${res.statusCode}: ${req.url}`);
    });
  });
  transfers = logTransfers(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(async () => {
  await browser?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

/** A fresh page; any 4xx, even of a page, is a problem here: the search never opens the 404 page. */
const open = (colorScheme: 'light' | 'dark' = 'light'): Promise<{ page: Page; problems: string[] }> =>
  openWatchedPage(browser, { colorScheme, documentErrors: true });

/** Waits until the status line reports the search's outcome, then returns the result paths. */
async function results(page: Page, q?: string): Promise<string[]> {
  await page.waitForFunction(
    (what) => {
      const status = document.getElementById('search-status')?.textContent ?? '';
      return /kết quả/i.test(status) && (!what || status.includes(what));
    },
    q ? `cho “${q}”` : '',
  );
  return page.locator('#search-results .item-title a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
}

const urls = (...slugs: string[]) => slugs.map((s) => `${PREFIX}bai-viet/${s}/`).sort();

/** Types q, presses Enter; the result paths in rank order. */
async function ranked(page: Page, q: string): Promise<string[]> {
  await page.locator('#q').fill(q);
  await page.locator('#q').press('Enter');
  await page.waitForURL((u) => u.searchParams.get('q') === q);
  return results(page, q);
}

/** The same, sorted: the set of articles found. */
async function search(page: Page, q: string): Promise<string[]> {
  return (await ranked(page, q)).sort();
}

describe('search in a browser (path prefix /sub/)', () => {
  test('with or without diacritics, by any known variant: the expected articles', async () => {
    const { page, problems } = await open();
    try {
      await page.goto(`${base}${PREFIX}tim-kiem/`);
      assert.equal((await page.locator('h1').innerText()).trim(), 'Tìm kiếm');
      assert.equal(await page.locator('#q').getAttribute('placeholder'), 'Tìm bài viết…');
      const all = urls(A.kremlin, A.balance, A.further, A.newStep, A.pledge);
      assert.deepEqual(await search(page, 'trieu tien'), all);
      assert.deepEqual(await search(page, 'Trieu Tien'), all);
      assert.deepEqual(await search(page, 'Triều Tiên'), all);
      assert.deepEqual(await search(page, 'kim jong un'), all);
      // "Moskva" is the canonical name; one article writes only "Moscow".
      const moskva = urls(A.kremlin, A.balance, A.further);
      assert.deepEqual(await search(page, 'moskva'), moskva);
      assert.deepEqual(await search(page, 'moscow'), moskva);
      assert.deepEqual(await search(page, 'Mát-xcơ-va'), moskva);
      // The made-up article writes "Kiev" and "Đà Nẵng".
      assert.deepEqual(await search(page, 'kyiv'), urls(A.kiev));
      // Without its marks "Đà Nẵng" is also "đa năng", "dã … năng": the article that names the
      // city comes first.
      assert.equal((await ranked(page, 'da nang'))[0], urls(A.kiev)[0]);
      assert.equal((await ranked(page, 'Đà Nẵng'))[0], urls(A.kiev)[0]);
      // Nothing found: said in Vietnamese.
      assert.deepEqual(await search(page, 'xyzzyq'), []);
      assert.match(await page.locator('#search-status').innerText(), /Không tìm thấy kết quả/);

      // A result shows its title (a link), date, outlet and a highlighted excerpt.
      await search(page, 'kim jong un');
      const first = page.locator('#search-results .item').first();
      assert.ok((await first.locator('.item-title a').innerText()).length > 10);
      assert.match((await first.locator('.item-meta time').getAttribute('datetime')) ?? '', /^\d{4}-\d{2}-\d{2}$/);
      assert.match(await first.locator('.item-meta').innerText(), /^\d{2}\/\d{2}\/\d{4} · \S/);
      assert.ok((await first.locator('.search-excerpt mark').count()) >= 1, 'highlighted words');
      assert.deepEqual(problems, []);
    } finally {
      await page.context().close();
    }
  });

  test('every word of every article: the issue\'s queries, typed without diacritics or đ, quoted or not; no excerpt shows a word the articles do not have', async () => {
    const { page, problems } = await open();
    try {
      await page.goto(`${base}${PREFIX}tim-kiem/`);
      // the last paragraph of the VTC News article, the middle of the Pháp Luật VN one, the Soha one
      assert.deepEqual(await search(page, 'khoi phuc moi quan he voi trieu tien'), urls(A.kremlin));
      assert.deepEqual(await search(page, 'thay doi can ban ve tinh hinh dia chinh tri'), urls(A.further));
      assert.deepEqual(await search(page, 'cat dut quan he'), urls(A.newStep));
      assert.deepEqual(await search(page, '"thay doi can ban"'), urls(A.further));
      assert.deepEqual(await search(page, '"thay đổi căn bản"'), urls(A.further));
      // a quoted phrase without its đ finds what it finds with it
      const treaty = await search(page, '"hiệp ước đối tác"');
      assert.ok(treaty.length >= 1);
      assert.deepEqual(await search(page, '"hiep uoc doi tac"'), treaty);
      // a full name is that name: the son's articles are not the father's
      assert.deepEqual(await search(page, 'kim jong il'), []);
      assert.deepEqual(await search(page, 'Kim Jong-il'), []);
      assert.equal((await search(page, 'Kim Jong-un')).length, 5);
      assert.deepEqual(await search(page, 'duyet binh'), urls(A.pledge));

      // Every excerpt word is a word of the articles (the variants' line never shows), "đ" and hyphens as written.
      const { records } = await loadArchive('articles');
      const known = new Set(records.flatMap((r) => [r.title, r.lede ?? '', r.text, ...r.captions.map((c) => c.text)]).join(' ').split(/\s+/));
      known.add('…');
      for (const q of ['trieu tien', 'nga', 'kim jong un', 'dong bac a', 'moscow', 'vladimir putin', 'doi tac', 'binh nhuong']) {
        await search(page, q);
        const excerpts = await page.locator('#search-results .search-excerpt').allInnerTexts();
        assert.ok(excerpts.length > 0, q);
        for (const e of excerpts) {
          for (const w of e.split(/\s+/).filter(Boolean)) assert.ok(known.has(w), `${q}: "${w}" in "${e}" is not a word of the articles`);
        }
        const titles = await page.locator('#search-results .item-title a').allInnerTexts();
        for (const t of titles) assert.ok(records.some((r) => r.title === t.trim()), `${q}: title "${t}"`);
      }
      assert.deepEqual(problems, []);
    } finally {
      await page.context().close();
    }
  });

  test('a query that is a person\'s or a place\'s name shows its page above the results', async () => {
    const { page, problems } = await open();
    try {
      await page.goto(`${base}${PREFIX}tim-kiem/?q=kim+jong+un`);
      await results(page);
      const entity = page.locator('#search-entity');
      assert.equal(await entity.isVisible(), true);
      assert.match(await entity.innerText(), /^Nhân vật: Kim Jong-un/);
      assert.equal(await entity.locator('a').getAttribute('href'), `${PREFIX}nhan-vat/kim-jong-un/`);
      await ranked(page, 'Moscow');
      assert.match(await entity.innerText(), /^Địa danh: Moskva/);
      await ranked(page, 'hop tac');
      assert.equal(await entity.isVisible(), false);
      assert.deepEqual(problems, []);
    } finally {
      await page.context().close();
    }
  });

  test('?q= in the URL runs the search on load; a filter narrows it and goes into the URL; a result opens its article', async () => {
    const { page, problems } = await open();
    try {
      await page.goto(`${base}${PREFIX}tim-kiem/?q=trieu+tien`);
      assert.equal(await page.locator('#q').inputValue(), 'trieu tien');
      assert.equal((await results(page)).length, 5);
      assert.match(await page.title(), /^“trieu tien” – Tìm kiếm/);

      // Filters (loaded when opened): outlet as checkboxes, person and place as lists, with counts.
      assert.equal(await page.locator('#search-filters').isVisible(), false);
      await page.locator('#search-toggle').click();
      const vtc = page.getByRole('checkbox', { name: /VTC News/ });
      assert.equal((await page.locator('label', { has: vtc }).textContent())?.replace(/\s+/g, ' ').trim(), 'VTC News (1)');
      await vtc.check();
      await page.waitForURL((u) => u.searchParams.get('bao') === 'VTC News');
      await page.waitForFunction(() => document.querySelectorAll('#search-results .item').length === 1);
      assert.deepEqual(await results(page), urls(A.kremlin));
      await vtc.uncheck();
      await page.waitForFunction(() => document.querySelectorAll('#search-results .item').length === 5);
      // A date range, from a month to a month: 2023 only.
      await page.locator('#loc-tu').fill('2023-01');
      await page.locator('#loc-den').fill('2023-12');
      await page.locator('#loc-den').dispatchEvent('change');
      await page.waitForURL((u) => u.searchParams.get('tu') === '2023-01' && u.searchParams.get('den') === '2023-12');
      await page.waitForFunction(() => document.querySelectorAll('#search-results .item').length === 2);
      assert.deepEqual((await results(page)).sort(), urls(A.further, A.pledge));

      // The filtered search is shareable: the same URL gives the same results, the filters open.
      const shared = page.url();
      await page.goto(shared);
      await page.waitForFunction(() => document.querySelectorAll('#search-results .item').length === 2);
      assert.equal(await page.locator('#search-options').getAttribute('open'), '');
      assert.equal(await page.locator('#loc-tu').inputValue(), '2023-01');

      // Order: oldest first, newest first, in the URL.
      await page.goto(`${base}${PREFIX}tim-kiem/?q=trieu+tien&sap-xep=cu-nhat`);
      await page.waitForFunction(() => document.querySelectorAll('#search-results .item').length === 5);
      const days = async () => page.locator('#search-results .item-meta time').evaluateAll((ts) => ts.map((t) => t.getAttribute('datetime') ?? ''));
      const oldest = await days();
      assert.deepEqual(oldest, [...oldest].sort());
      assert.equal(await page.locator('#loc-sap-xep').inputValue(), 'cu-nhat');
      await page.locator('#loc-sap-xep').selectOption('moi-nhat');
      await page.waitForURL((u) => u.searchParams.get('sap-xep') === 'moi-nhat');
      await page.waitForFunction((first) => document.querySelector('#search-results .item-meta time')?.getAttribute('datetime') !== first, oldest[0]);
      assert.deepEqual(await days(), [...oldest].reverse());
      // From a year alone (a link can say ?tu=2024): from its January.
      await page.goto(`${base}${PREFIX}tim-kiem/?q=trieu+tien&tu=2024`);
      await page.waitForFunction(() => document.querySelectorAll('#search-results .item').length === 2);

      // A place filter from the list narrows a search to the articles naming it.
      await page.goto(`${base}${PREFIX}tim-kiem/?q=nga`);
      await results(page);
      await page.locator('#search-toggle').click();
      await page.getByLabel('Địa danh').selectOption('Moskva');
      await page.waitForURL((u) => u.searchParams.get('dia-danh') === 'Moskva');
      await page.waitForFunction(() => document.querySelectorAll('#search-results .item').length === 3);

      // Following a result opens the article.
      const link = page.locator('#search-results .item-title a').first();
      const title = (await link.innerText()).trim();
      await Promise.all([page.waitForURL(new RegExp(`${PREFIX}bai-viet/[a-z0-9-]+/$`)), link.click()]);
      assert.equal((await page.locator('h1').innerText()).trim(), title);
      assert.deepEqual(problems, []);
    } finally {
      await page.context().close();
    }
  });

  test('the header\'s search box on every page: a plain GET form, with and without JavaScript, on a phone too', async () => {
    for (const width of [1280, 390]) {
      const { page, problems } = await openWatchedPage(browser, { width, documentErrors: true });
      try {
        await page.goto(`${base}${PREFIX}nam/2024/`);
        const box = page.locator('header .sitesearch input[name="q"]');
        assert.equal(await box.isVisible(), true, `${width}px`);
        await box.fill('cat dut quan he');
        await Promise.all([page.waitForURL((u) => u.pathname === `${PREFIX}tim-kiem/` && u.searchParams.get('q') === 'cat dut quan he'), box.press('Enter')]);
        assert.deepEqual((await results(page, 'cat dut quan he')).sort(), urls(A.newStep));
        // the filters fold away: closed until opened
        assert.equal(await page.locator('#search-filters').isVisible(), false);
        assert.equal(await page.locator('#loc-tu').isVisible(), false);
        await page.locator('#search-toggle').click();
        assert.equal(await page.locator('#loc-tu').isVisible(), true);
        assert.deepEqual(problems, []);
      } finally {
        await page.context().close();
      }
    }
    const context = await browser.newContext({ javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.goto(`${base}${PREFIX}bao/`);
      await page.locator('#site-q').fill('trieu tien');
      await Promise.all([page.waitForURL((u) => u.searchParams.get('q') === 'trieu tien'), page.locator('#site-q').press('Enter')]);
      assert.equal(new URL(page.url()).pathname, `${PREFIX}tim-kiem/`);
    } finally {
      await context.close();
    }
  });

  test('keyboard: the header link, the field with a visible focus ring, Enter searches, Tab reaches the results', async () => {
    const { page } = await open();
    try {
      await page.goto(`${base}${PREFIX}`);
      const headerLink = page.locator('.sitenav a', { hasText: 'Tìm kiếm' });
      assert.equal(await headerLink.getAttribute('href'), `${PREFIX}tim-kiem/`);
      await headerLink.focus();
      await Promise.all([page.waitForURL(/\/tim-kiem\/$/), page.keyboard.press('Enter')]);
      // Tab through the page until the search field has the focus.
      for (let i = 0; i < 40 && !(await page.locator('#q').evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
      assert.equal(await page.locator('#q').evaluate((el) => el === document.activeElement), true);
      assert.notEqual(await page.locator('#q').evaluate((el) => getComputedStyle(el).outlineStyle), 'none');
      await page.keyboard.type('moskva');
      await page.keyboard.press('Enter');
      assert.equal((await results(page)).length, 3);
      await page.keyboard.press('Tab'); // the search button
      await page.keyboard.press('Tab'); // "Lọc và sắp xếp"
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'search-toggle');
      await page.keyboard.press('Enter');
      await page.locator('#search-filters input').first().waitFor();
      assert.equal(await page.locator('#search-options').getAttribute('open'), '');
      await page.keyboard.press('Tab'); // the order, then the range, then the filters
      const focused = await page.evaluate(() => document.activeElement?.closest('#search-options') !== null);
      assert.ok(focused, 'the filters come next in the tab order');
    } finally {
      await page.context().close();
    }
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    test(`axe: no WCAG 2.1 AA violation on the search page with results and filters (${colorScheme})`, async () => {
      const { page, problems } = await open(colorScheme);
      try {
        await page.goto(`${base}${PREFIX}tim-kiem/?q=kim+jong+un`);
        await results(page);
        await page.locator('#search-toggle').click();
        await page.locator('#search-filters input').first().waitFor();
        await page.evaluate(() => document.fonts.ready);
        const { violations, passes } = await axeFor(page, colorScheme).analyze();
        assert.ok(passes.length >= 1);
        assert.deepEqual(
          violations.flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}) ${n.target.join(' ')}: ${n.failureSummary?.replace(/\s+/g, ' ')}`)),
          [],
        );
        assert.deepEqual(problems, []);
      } finally {
        await page.context().close();
      }
    });
  }

  test('without JavaScript the page says so and points to the indexes', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.goto(`${base}${PREFIX}tim-kiem/?q=trieu+tien`);
      assert.match(await page.locator('.search-note').innerText(), /cần JavaScript/);
      assert.equal(await page.locator('.search-note a').count(), 4);
    } finally {
      await context.close();
    }
  });
});

describe('what a search costs the browser (src/bench/searchTransfer.ts; `npm run bench:search` on a large site)', () => {
  test('a query from the URL: one wasm, one meta per shard, no worker, no filters until they are opened; within budget', async () => {
    for (const q of ['trieu tien', 'kim jong un']) {
      const t = await measureQuery(browser, transfers, q, { siteUrl: `${base}${PREFIX}`, settle: 300 });
      const what = `${q}: ${JSON.stringify(t.byKind)} ${t.transfers.map((x) => x.path).join(' ')}`;
      assert.match(t.status, /kết quả/, what);
      assert.equal(t.requests.wasm, 1, what);
      assert.equal(t.requests.meta, 1, `${what}: one shard here`);
      // filters are fetched when the reader opens them; a person's full name is searched among the
      // articles that name the person: that one filter
      assert.equal(t.requests.filter, q === 'kim jong un' ? 1 : 0, `${what}: filters`);
      assert.ok(!t.transfers.some((x) => /pagefind-worker\.js$/.test(x.path)), `${what}: no web worker`);
      assert.equal(t.requests.js, 4, `${what}: pagefind.js, search.js, search-index.js, search-text.js`);
      assert.equal(t.after, 0, `${what}: nothing fetched after the results are shown`);
      // pagefind.js (47 KB) + our three scripts (22 KB: the page makes its own excerpts and knows the
      // names) + wasm (55 KB) are most of it (136 KB in all); on six articles the meta, index chunks and
      // fragments (whole texts now) are a dozen KB. Pagefind's worker (+43 KB) or all the filters would
      // break the budget.
      assert.ok(t.total <= 140_000, `${what}: ${t.total} bytes`);
      assert.ok(t.byKind.index + t.byKind.meta + t.byKind.fragment <= 14_000, `${what}: ${t.byKind.index + t.byKind.meta + t.byKind.fragment} bytes of index, meta, fragments`);
    }
  });
});

// Last: after every page above has been loaded.
test('no request failed on the server', () => {
  assert.deepEqual(serverErrors, []);
});
