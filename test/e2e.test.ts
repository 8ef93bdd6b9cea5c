/**
 * End to end, in a real browser: the site built from articles/ (through the
 * parser), served on 127.0.0.1, driven with playwright-core in Debian's
 * chromium. Follows links like a reader, checks an article's fields, runs axe
 * (WCAG 2.1 A/AA) on every kind of page in the light and the dark scheme, and
 * takes screenshots of home and an article at phone and desktop widths into
 * test/screenshots/ (gitignored) for a human to look at.
 *
 * chromium is required (`apt-get install chromium`; .ci/run installs it):
 * without it this file fails, it does not skip.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { axeFor, launchChromium, openWatchedPage } from './support/browser.ts';
import { buildSite } from '../src/build.ts';
import { createStaticServer } from '../src/site/serve.ts';

const SCREENSHOTS = path.join(import.meta.dirname, 'screenshots');

/** The one article whose every field is known (articles/001, VTC News). */
const KREMLIN = {
  url: '/bai-viet/dien-kremlin-nga-hop-tac-moi-linh-vuc-voi-trieu-tien-ke-ca-nhay-cam/',
  title: "Điện Kremlin: Nga hợp tác mọi lĩnh vực với Triều Tiên, kể cả 'nhạy cảm'",
  date: 'Thứ Tư, 17 tháng 1, 2024 lúc 21:08',
  datetime: '2024-01-17T21:08:30+07:00',
  outlet: 'VTC News',
  authors: 'Kông Anh',
  agencies: 'Reuters',
};

let tmp: string;
let server: http.Server;
let browser: Browser;
let base: string;
/** the same articles, two a page: the lists of the people and places in most of them are cut by year */
let yearsServer: http.Server;
let yearsBase: string;

/**
 * articles/ as the editor has it, except that two files lose the date their
 * front matter gives: the archive must also show articles without a full date
 * (one with only a day and month in its text, one with no date at all).
 */
async function prepareInput(dir: string): Promise<void> {
  await cp(path.resolve('articles'), dir, { recursive: true });
  const dropDate = async (file: string) => {
    const full = path.join(dir, file);
    if (!existsSync(full)) return;
    const text = await readFile(full, 'utf8');
    await writeFile(full, text.replace(/^(---\n[\s\S]*?)^date:.*\n/m, '$1').replace(/^---\n---\n/, ''));
  };
  await dropDate('002_43dc0896c6e506a4.txt');
  await dropDate('003_9c03b17d219507ef.txt');
}

before(async () => {
  browser = await launchChromium();
  tmp = await mkdtemp(path.join(os.tmpdir(), 'e2e-'));
  const input = path.join(tmp, 'articles');
  await prepareInput(input);
  const result = await buildSite({ input, output: path.join(tmp, 'site'), env: { SITE_URL: 'https://example.org' } });
  assert.ok(result.articles >= 5, `only ${result.articles} articles built`);
  server = createStaticServer(path.join(tmp, 'site'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  await buildSite({ input, output: path.join(tmp, 'site-years'), cache: path.join(tmp, 'cache-years'), env: { SITE_URL: 'https://example.org' }, perPage: 2 });
  yearsServer = createStaticServer(path.join(tmp, 'site-years'));
  await new Promise<void>((resolve) => yearsServer.listen(0, '127.0.0.1', resolve));
  yearsBase = `http://127.0.0.1:${(yearsServer.address() as AddressInfo).port}`;
});

after(async () => {
  await browser?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  await new Promise((resolve) => (yearsServer ? yearsServer.close(resolve) : resolve(undefined)));
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

/** A fresh page that fails the test on any console error, page error or failed request. */
const open = (options: { width?: number; colorScheme?: 'light' | 'dark' } = {}): Promise<{ page: Page; problems: string[] }> =>
  openWatchedPage(browser, options);

function pathOf(page: Page): string {
  return new URL(page.url()).pathname;
}

describe('in a browser', () => {
  test('a reader follows links: home → article → outlet, person; home → month', async () => {
    const { page, problems } = await open();
    try {
      const home = await page.goto(`${base}/`);
      assert.equal(home?.status(), 200);
      assert.equal(await page.locator('html').getAttribute('lang'), 'vi');
      assert.equal(await page.locator('h1').innerText(), 'Nga – Triều Tiên qua báo chí');

      // The latest article on home, then its page.
      const first = page.locator('.latest .item-title a').first();
      const firstTitle = (await first.innerText()).trim();
      await Promise.all([page.waitForURL(/\/bai-viet\//), first.click()]);
      assert.match(pathOf(page), /^\/bai-viet\/[a-z0-9-]+\/$/);
      assert.equal((await page.locator('h1').innerText()).trim(), firstTitle);
      const articleUrl = page.url();

      // Its outlet.
      const outlet = page.locator('.kicker a.outlet');
      const outletName = (await outlet.innerText()).trim();
      await Promise.all([page.waitForURL(/\/bao\/[a-z0-9-]+\/$/), outlet.click()]);
      assert.match(await page.locator('h1').innerText(), new RegExp(outletName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i'));
      assert.ok((await page.locator('.items .item').count()) >= 1);
      assert.ok(await page.locator(`.items a[href="${new URL(articleUrl).pathname}"]`).count(), 'the outlet lists the article');

      // Back to the article, then a person mentioned in it.
      await page.goBack();
      assert.equal(page.url(), articleUrl);
      const person = page.locator('.entities a[href^="/nhan-vat/"]').first();
      const personName = (await person.innerText()).trim();
      await Promise.all([page.waitForURL(/\/nhan-vat\/[a-z0-9-]+\/$/), person.click()]);
      assert.match(await page.locator('h1').innerText(), new RegExp(personName));
      assert.ok(await page.locator(`.items a[href="${new URL(articleUrl).pathname}"]`).count(), 'the person page lists the article');

      // Home again, then a month of the timeline.
      await page.goto(`${base}/`);
      const month = page.locator('.timeline .tl-months a').first();
      await Promise.all([page.waitForURL(/\/thang\/\d{4}\/\d{2}\/$/), month.click()]);
      const [, year, mm] = /\/thang\/(\d{4})\/(\d{2})\/$/.exec(pathOf(page)) ?? [];
      assert.match(await page.locator('h1').innerText(), new RegExp(`[Tt]háng ${Number(mm)}.*${year}`));
      const days = await page.locator('.items time').evaluateAll((els) => els.map((e) => e.getAttribute('datetime') ?? ''));
      assert.ok(days.length >= 1);
      for (const day of days) assert.ok(day.startsWith(`${year}-${mm}`), `${day} is not in ${year}-${mm}`);

      assert.deepEqual(problems, []);
    } finally {
      await page.context().close();
    }
  });

  test("an article shows its fields: title, Vietnamese date, outlet, authors, agencies", async () => {
    const { page, problems } = await open();
    try {
      await page.goto(base + KREMLIN.url);
      assert.equal((await page.locator('h1').innerText()).trim(), KREMLIN.title);
      assert.equal(await page.title(), `${KREMLIN.title} – Nga – Triều Tiên qua báo chí`);
      const time = page.locator('.kicker time');
      assert.equal((await time.innerText()).trim(), KREMLIN.date);
      assert.equal(await time.getAttribute('datetime'), KREMLIN.datetime);
      assert.equal((await page.locator('.kicker a.outlet').textContent())?.trim(), KREMLIN.outlet);
      assert.equal(await page.locator('.kicker a.outlet').getAttribute('href'), '/bao/vtcnews/');
      const fact = (label: string) => page.locator('.facts div').filter({ has: page.locator('dt', { hasText: label }) }).locator('dd');
      assert.equal((await fact('Tác giả').innerText()).trim(), KREMLIN.authors);
      assert.equal((await fact('Nguồn tin').innerText()).trim(), KREMLIN.agencies);
      assert.ok((await page.locator('.body p').count()) >= 3, 'the body has paragraphs');
      assert.ok((await page.locator('.captions figcaption').count()) >= 1, 'captions are figure captions');
      assert.ok((await page.locator('.entities a[href="/nhan-vat/kim-jong-un/"]').count()) === 1);
      assert.ok((await page.locator('.entities a[href="/dia-danh/binh-nhuong/"]').count()) === 1);
      assert.ok((await page.locator('.prevnext a[rel="prev"], .prevnext a[rel="next"]').count()) >= 1);
      // The self-hosted font is what renders the text.
      await page.evaluate(() => document.fonts.ready);
      assert.ok(await page.evaluate(() => document.fonts.check('16px "Be Vietnam Pro"', 'Điện')), 'Be Vietnam Pro is loaded');

      // An undated article (its date dropped from the front matter): what is known, and the undated list.
      await page.goto(`${base}/bai-viet/nga-thuc-hien-buoc-di-moi-doi-voi-trieu-tien/`);
      assert.equal((await page.locator('.kicker .undated').innerText()).trim(), '15 tháng 8, năm chưa rõ');
      assert.equal(await page.locator('.kicker time').count(), 0);
      await Promise.all([page.waitForURL(/\/chua-ro-ngay\/$/), page.locator('.crumbs a[href="/chua-ro-ngay/"]').click()]);
      assert.ok(await page.locator('.items a[href="/bai-viet/nga-thuc-hien-buoc-di-moi-doi-voi-trieu-tien/"]').count());
      assert.deepEqual(problems, []);
    } finally {
      await page.context().close();
    }
  });

  test('reading an article needs no JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.goto(base + KREMLIN.url);
      assert.equal((await page.locator('h1').innerText()).trim(), KREMLIN.title);
      assert.ok((await page.locator('.body p').first().innerText()).length > 40);
    } finally {
      await context.close();
    }
  });

  /** a kind's page; "years:" — on the site whose lists are cut by year (two articles a page) */
  const KINDS: [kind: string, url: string][] = [
    ['home', '/'],
    ['article', KREMLIN.url],
    ['undated article', '/bai-viet/trieu-tien-nga-cam-ket-tang-cuong-quan-he-song-phuong/'],
    ['year', '/nam/2024/'],
    ['month', '/thang/2024/01/'],
    ['outlet', '/bao/vtcnews/'],
    ['person', '/nhan-vat/vladimir-putin/'],
    ['place', '/dia-danh/binh-nhuong/'],
    ['outlet index', '/bao/'],
    ['person index', '/nhan-vat/'],
    ['place index', '/dia-danh/'],
    ['undated list', '/chua-ro-ngay/'],
    ['topic index', '/chu-de/'],
    ['topic', '/chu-de/ngoai-giao-va-cac-chuyen-tham/'],
    ['event timeline', '/dong-thoi-gian/'],
    ['person, list cut by year', 'years:/nhan-vat/vladimir-putin/'],
    ['person, one year of it', 'years:/nhan-vat/vladimir-putin/2024/'],
    ['404', '/khong-co-trang-nay/'],
  ];
  const at = (url: string): string => (url.startsWith('years:') ? yearsBase + url.slice('years:'.length) : base + url);

  for (const colorScheme of ['light', 'dark'] as const) {
    test(`axe: no WCAG 2.1 AA violation on any kind of page (${KINDS.length} kinds, ${colorScheme})`, async () => {
      const { page, problems } = await open({ colorScheme });
      const found: string[] = [];
      try {
        for (const [kind, url] of KINDS) {
          const response = await page.goto(at(url));
          assert.equal(response?.status(), kind === '404' ? 404 : 200, `${kind}: ${url}`);
          await page.evaluate(() => document.fonts.ready);
          const { violations, passes } = await axeFor(page, colorScheme).analyze();
          assert.ok(passes.length >= (colorScheme === 'light' ? 10 : 1), `${kind}: axe ran only ${passes.length} passing rules`);
          for (const v of violations) {
            for (const node of v.nodes) found.push(`${kind} ${url}: ${v.id} (${v.impact}) ${node.target.join(' ')}: ${node.failureSummary?.replace(/\s+/g, ' ')}`);
          }
        }
        // Small screens too: the phone layout of an article and of home.
        await page.setViewportSize({ width: 390, height: 844 });
        for (const [kind, url] of KINDS.slice(0, 2)) {
          await page.goto(at(url));
          const { violations } = await axeFor(page, colorScheme).analyze();
          for (const v of violations) found.push(`${kind} (390px) ${url}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
        }
      } finally {
        await page.context().close();
      }
      assert.deepEqual(found, []);
      assert.deepEqual(problems, []);
    });
  }

  test('axe is awake: it reports a violation planted in a page', async () => {
    const { page } = await open();
    try {
      await page.goto(base + KREMLIN.url);
      await page.evaluate(() => {
        const p = document.createElement('p');
        p.textContent = 'chữ mờ';
        p.style.cssText = 'color:#bbb;background:#fff';
        document.querySelector('main')?.append(p, document.createElement('img'));
      });
      const { violations } = await axeFor(page).analyze();
      assert.deepEqual(violations.map((v) => v.id).sort(), ['color-contrast', 'image-alt']);
    } finally {
      await page.context().close();
    }
  });

  test('keyboard: the skip link is the first stop and is visible when focused', async () => {
    const { page } = await open();
    try {
      await page.goto(base + KREMLIN.url);
      await page.keyboard.press('Tab');
      const skip = page.locator('a.skip');
      assert.equal(await skip.evaluate((el) => el === document.activeElement), true);
      const box = await skip.boundingBox();
      assert.ok(box && box.y >= 0 && box.height > 0, 'the focused skip link is on screen');
      assert.notEqual(await skip.evaluate((el) => getComputedStyle(el).outlineStyle), 'none');
    } finally {
      await page.context().close();
    }
  });

  test('no horizontal scrolling on a phone; no layout shift while loading', async () => {
    const { page } = await open({ width: 390 });
    try {
      for (const url of ['/', KREMLIN.url, '/nhan-vat/', '/thang/2024/01/']) {
        await page.goto(base + url);
        await page.evaluate(() => document.fonts.ready);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        assert.ok(overflow <= 0, `${url}: ${overflow}px wider than the phone`);
      }
      await page.goto(base + KREMLIN.url);
      const cls = await page.evaluate(
        () =>
          new Promise<number>((resolve) => {
            let total = 0;
            new PerformanceObserver((list) => {
              for (const e of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
                if (!e.hadRecentInput) total += e.value;
              }
            }).observe({ type: 'layout-shift', buffered: true });
            setTimeout(() => resolve(total), 300);
          }),
      );
      assert.ok(cls < 0.01, `cumulative layout shift ${cls}`);
    } finally {
      await page.context().close();
    }
  });

  test('screenshots of home and an article at 390 and 1280 px (test/screenshots/)', async () => {
    await mkdir(SCREENSHOTS, { recursive: true });
    for (const width of [390, 1280]) {
      const { page } = await open({ width });
      try {
        for (const [name, url] of [['home', '/'], ['article', KREMLIN.url]] as const) {
          await page.goto(base + url);
          await page.evaluate(() => document.fonts.ready);
          const file = path.join(SCREENSHOTS, `e2e-${name}-${width}.png`);
          await page.screenshot({ path: file, fullPage: true });
          assert.ok(existsSync(file));
        }
      } finally {
        await page.context().close();
      }
    }
  });
});
