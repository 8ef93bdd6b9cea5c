/**
 * Screenshots of the built site for a human to look at:
 *   npm run build && npx tsx test/screenshot.ts [path…]
 * Writes test/screenshots/<name>-<width>.png (gitignored).
 *
 *   npm run build && npx tsx test/screenshot.ts --readme
 * Rewrites docs/screenshot-article.png, the README's picture: the first screen
 * of an article on a desktop (1280 × 800, light scheme).
 */
import { mkdir } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { launchChromium } from './support/browser.ts';
import { createStaticServer } from '../src/site/serve.ts';


const README_ARTICLE = '/bai-viet/dien-kremlin-nga-hop-tac-moi-linh-vuc-voi-trieu-tien-ke-ca-nhay-cam/';
const readme = process.argv.includes('--readme');
const pages = process.argv.slice(2).filter((a) => a !== '--readme');
const targets = pages.length
  ? pages
  : ['/', '/bai-viet/dien-kremlin-nga-hop-tac-moi-linh-vuc-voi-trieu-tien-ke-ca-nhay-cam/'];
const server = createStaticServer('_site');
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
await mkdir('test/screenshots', { recursive: true });
const browser = await launchChromium();
try {
  if (readme) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, colorScheme: 'light' });
    await page.goto(base + README_ARTICLE, { waitUntil: 'networkidle' });
    await page.evaluate(() => document.fonts.ready);
    await page.screenshot({ path: 'docs/screenshot-article.png' });
    console.log('docs/screenshot-article.png');
    await page.close();
  }
  for (const scheme of readme && !pages.length ? [] : (['light', 'dark'] as const)) {
    for (const width of [390, 1280]) {
      const page = await browser.newPage({ viewport: { width, height: 900 }, colorScheme: scheme });
      for (const target of targets) {
        await page.goto(base + target, { waitUntil: 'networkidle' });
        await page.evaluate(() => document.fonts.ready);
        const name =
          target === '/'
            ? 'home'
            : target
                .replace(/^\/|\/$/g, '')
                .replace(/\.html$/, '')
                .split('/')
                .map((part) => part.slice(0, 24))
                .join('-');
        const file = `test/screenshots/${name}-${width}${scheme === 'dark' ? '-dark' : ''}.png`;
        await page.screenshot({ path: file, fullPage: true });
        // The first screen as the reader sees it, at full resolution.
        await page.screenshot({ path: file.replace(/\.png$/, '-top.png') });
        console.log(file);
      }
      await page.close();
    }
  }
} finally {
  await browser.close();
  server.close();
}
