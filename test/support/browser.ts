/**
 * Debian's chromium driven by playwright-core, for every browser test and the
 * screenshot script: one place for the launch flags and for the page watcher.
 */
import { existsSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** headless, as root, on a machine without a network: no sandbox, no background traffic */
export const CHROMIUM_LAUNCH = {
  executablePath: CHROMIUM_PATH,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
};

/** Launches chromium, or fails with what to install: a browser test never skips silently. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `chromium not found at ${CHROMIUM_PATH}: the browser tests need Debian's chromium ` +
        '(apt-get install chromium; .ci/run installs it), or set CHROMIUM_PATH',
    );
  }
  return chromium.launch(CHROMIUM_LAUNCH);
}

export interface WatchOptions {
  width?: number;
  colorScheme?: 'light' | 'dark';
  /** count a 4xx on a page itself as a problem (off where a test opens the 404 page on purpose) */
  documentErrors?: boolean;
}

/**
 * A fresh page, in its own context (axe needs one), that collects every console
 * error, page error and failed request as a problem for the test to assert on.
 */
export async function openWatchedPage(browser: Browser, options: WatchOptions = {}): Promise<{ page: Page; problems: string[] }> {
  const context = await browser.newContext({ viewport: { width: options.width ?? 1280, height: 900 }, colorScheme: options.colorScheme ?? 'light' });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    // a 404 is listed by the response handler below (or expected, for the 404 page)
    if (m.type() === 'error' && !/status of 404/.test(m.text())) problems.push(`console: ${m.text()}`);
  });
  page.on('requestfailed', (r) => {
    // a click that leaves the page cancels what it was still loading (fonts): not a broken asset
    if (r.failure()?.errorText !== 'net::ERR_ABORTED') problems.push(`request failed: ${r.url()} (${r.failure()?.errorText})`);
  });
  page.on('response', (r) => {
    if (r.status() >= 400 && (options.documentErrors || r.request().resourceType() !== 'document')) problems.push(`${r.status()}: ${r.url()}`);
  });
  return { page, problems };
}

/** WCAG 2.1 A/AA, the standard every page is held to */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * axe for a page: every WCAG 2.1 A/AA rule in the light scheme; in the dark scheme only
 * the colour rules (the rest does not change with the scheme).
 */
export function axeFor(page: Page, colorScheme: 'light' | 'dark' = 'light'): AxeBuilder {
  return colorScheme === 'light'
    ? new AxeBuilder({ page }).withTags(AXE_TAGS)
    : new AxeBuilder({ page }).withRules(['color-contrast', 'link-in-text-block']);
}
