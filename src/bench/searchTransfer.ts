/**
 * What one search costs the reader's browser in bytes:
 *
 *   npx tsx src/bench/searchTransfer.ts --site _site [--prefix /sub/] [--json] "trieu tien" "kim jong un" "moskva"
 *   npm run bench:search -- --site _site "trieu tien"
 *
 * The built site is served on 127.0.0.1 (createStaticServer); for each query a fresh
 * browser context (empty cache) opens /tim-kiem/?q=<query> and waits until the status
 * line reports the outcome (the first results are on the page). Every byte the server
 * sends is counted, as the server sends it (response bodies: the static server does no
 * compression; Pagefind's own files are gzip inside), so requests made by Pagefind's web
 * worker count too (the page's network events do not see them).
 *
 * Kinds: js (pagefind.js, pagefind-worker.js, our search scripts), wasm, meta (pf_meta),
 * index (pf_index chunks), filter (pf_filter), fragment (pf_fragment), other (shards.json,
 * pagefind-entry.json, anything else under pagefind/). The search total is their sum;
 * the page itself (HTML, CSS, fonts) is reported apart as `page`. Bytes fetched after the
 * results were shown (within `settle` ms) are reported as `after`, not in the total.
 */
import { gzipSync } from 'node:zlib';
import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { createStaticServer } from '../site/serve.ts';

export const KINDS = ['js', 'wasm', 'meta', 'index', 'filter', 'fragment', 'other'] as const;
export type Kind = (typeof KINDS)[number];

export interface Transfer {
  /** the path asked for (query string dropped) */
  path: string;
  status: number;
  bytes: number;
  /** the bytes on the wire from a host that gzips text (GitHub Pages, Netlify): JS and JSON gzipped, Pagefind's own files (gzip inside) as they are */
  wire: number;
  kind: Kind | 'page';
}

export interface QueryTransfer {
  query: string;
  /** results reported by the status line */
  status: string;
  /** the search's bytes: the sum of byKind */
  total: number;
  /** the same from a host that gzips text files */
  wire: number;
  byKind: Record<Kind, number>;
  /** requests per kind */
  requests: Record<Kind, number>;
  /** the page's own HTML, CSS, fonts (not in total) */
  page: number;
  /** search bytes fetched after the results were shown (not in total) */
  after: number;
  /** every request before the results were shown, in order */
  transfers: Transfer[];
  /** every request after */
  late: Transfer[];
  ms: number;
}

/** The kind of a served path. */
export function kindOf(pathname: string): Kind | 'page' {
  const p = pathname.replace(/[?#].*$/, '');
  if (/\/assets\/search(-[a-z]+)?\.js$/.test(p)) return 'js';
  if (!/\/pagefind\//.test(p)) return 'page';
  if (/\.js$/.test(p)) return 'js';
  if (/\.pagefind$/.test(p)) return 'wasm';
  if (/\.pf_meta$/.test(p)) return 'meta';
  if (/\.pf_index$/.test(p)) return 'index';
  if (/\.pf_filter$/.test(p)) return 'filter';
  if (/\.pf_fragment$/.test(p)) return 'fragment';
  return 'other';
}

/** A log of what `server` sends: attach before the browser asks for anything. */
export function logTransfers(server: http.Server): { take(): Transfer[] } {
  let log: Transfer[] = [];
  server.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
    let bytes = 0;
    const body: Buffer[] = [];
    const write = res.write.bind(res) as (...args: unknown[]) => boolean;
    const end = res.end.bind(res) as (...args: unknown[]) => http.ServerResponse;
    const count = (chunk: unknown) => {
      if (typeof chunk === 'string') body.push(Buffer.from(chunk));
      else if (chunk instanceof Uint8Array) body.push(Buffer.from(chunk));
      else return;
      bytes += body.at(-1)!.byteLength;
    };
    res.write = ((chunk: unknown, ...rest: unknown[]) => {
      count(chunk);
      return write(chunk, ...rest);
    }) as typeof res.write;
    res.end = ((chunk?: unknown, ...rest: unknown[]) => {
      if (typeof chunk !== 'function') count(chunk);
      return end(chunk, ...rest);
    }) as typeof res.end;
    res.on('finish', () => {
      const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
      const text = /\.(?:js|mjs|json|html|css|txt|xml)$/u.test(pathname);
      const wire = text ? gzipSync(Buffer.concat(body)).byteLength : bytes;
      log.push({ path: decodeURIComponent(pathname), status: res.statusCode, bytes, wire, kind: kindOf(pathname) });
    });
  });
  return {
    take() {
      const out = log;
      log = [];
      return out;
    },
  };
}

function zero(): Record<Kind, number> {
  return Object.fromEntries(KINDS.map((k) => [k, 0])) as Record<Kind, number>;
}

/** Sums a list of transfers. */
export function summariseTransfers(query: string, status: string, transfers: Transfer[], late: Transfer[], ms: number): QueryTransfer {
  const byKind = zero();
  const requests = zero();
  let page = 0;
  for (const t of transfers) {
    if (t.kind === 'page') page += t.bytes;
    else {
      byKind[t.kind] += t.bytes;
      requests[t.kind]++;
    }
  }
  const total = KINDS.reduce((n, k) => n + byKind[k], 0);
  const wire = transfers.filter((t) => t.kind !== 'page').reduce((n, t) => n + t.wire, 0);
  const after = late.filter((t) => t.kind !== 'page').reduce((n, t) => n + t.bytes, 0);
  return { query, status, total, wire, byKind, requests, page, after, transfers, late, ms };
}

export interface MeasureOptions {
  /** the site's root URL, with the path prefix: "http://127.0.0.1:8080/sub/" */
  siteUrl: string;
  /** how long to keep listening after the results are shown (ms) */
  settle?: number;
  /** the longest a search may take (ms) */
  timeout?: number;
}

/**
 * Opens the search page for `query` in a fresh context of `browser` and returns what
 * the server sent until the results were shown. `log` must be attached to the server
 * that serves `siteUrl`, and nothing else may use that server meanwhile.
 */
export async function measureQuery(browser: Browser, log: { take(): Transfer[] }, query: string, options: MeasureOptions): Promise<QueryTransfer> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    log.take();
    const started = performance.now();
    const url = new URL(`tim-kiem/?q=${encodeURIComponent(query)}`, options.siteUrl);
    await page.goto(url.href);
    await page.waitForFunction(
      () => {
        const status = document.getElementById('search-status')?.textContent ?? '';
        return /kết quả|Không tải được/i.test(status);
      },
      undefined,
      { timeout: options.timeout ?? 60_000 },
    );
    const ms = performance.now() - started;
    const status = (await page.locator('#search-status').textContent())?.trim() ?? '';
    // Responses still being written when the status changed finish in a moment: they count
    // (the browser asked for them before the results were shown).
    await new Promise((r) => setTimeout(r, 50));
    const transfers = log.take();
    await new Promise((r) => setTimeout(r, options.settle ?? 500));
    const late = log.take();
    return summariseTransfers(query, status, transfers, late, ms);
  } finally {
    await context.close();
  }
}

/** Serves `site` and measures each query. */
export async function measureSite(site: string, queries: readonly string[], prefix = '/', settle?: number): Promise<QueryTransfer[]> {
  const { launchChromium } = await import('../../test/support/browser.ts');
  const server = createStaticServer(site, prefix);
  const log = logTransfers(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const browser = await launchChromium();
  try {
    const siteUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}${prefix}`;
    const out: QueryTransfer[] = [];
    for (const q of queries) out.push(await measureQuery(browser, log, q, { siteUrl, ...(settle === undefined ? {} : { settle }) }));
    return out;
  } finally {
    await browser.close();
    await new Promise((resolve) => server.close(resolve));
  }
}

const kb = (n: number) => `${(n / 1024).toFixed(1)}`;

export function formatTransfers(rows: readonly QueryTransfer[]): string {
  const head = ['query', 'total KB', 'gzip host KB', ...KINDS, 'after', 'page', 'status'];
  const lines = [head.join('\t')];
  for (const r of rows) {
    lines.push(
      [JSON.stringify(r.query), kb(r.total), kb(r.wire), ...KINDS.map((k) => `${kb(r.byKind[k])} (${r.requests[k]})`), kb(r.after), kb(r.page), r.status].join('\t'),
    );
  }
  return `${lines.join('\n')}\n(KB = 1024 bytes of response bodies; "gzip host": JS and JSON gzipped as GitHub Pages serves them, Pagefind's files are gzip already; in parentheses: requests)`;
}

/** `npm run bench:search -- --help` */
const SEARCH_BENCH_HELP = `npm run -s bench:search -- [--site _site] [--prefix /] [--json] [-v] [QUERY…]
What one search costs the reader's browser, in bytes by kind: the built site served on 127.0.0.1,
each query opened in a fresh chromium (/usr/bin/chromium, or CHROMIUM_PATH).

  --site DIR       the built site (default _site)
  --prefix /sub/   the path prefix it was built with (default /)
  --json           JSON on stdout (else a table)
  -v, --verbose    every request of every query
  QUERY…           the queries (default "trieu tien" "kim jong un" "moskva")
  -h, --help       this text
`;

async function main(argv: readonly string[]): Promise<void> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(SEARCH_BENCH_HELP);
    return;
  }
  let site = '_site';
  let prefix = '/';
  let json = false;
  let verbose = false;
  const queries: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, value] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const next = () => value ?? argv[++i] ?? '';
    if (flag === '--site') site = next();
    else if (flag === '--prefix') prefix = next();
    else if (flag === '--json') json = true;
    else if (flag === '-v' || flag === '--verbose') verbose = true;
    else if (flag.startsWith('--')) throw new Error(`unknown option: ${arg}`);
    else queries.push(arg);
  }
  if (!queries.length) queries.push('trieu tien', 'kim jong un', 'moskva');
  const rows = await measureSite(site, queries, prefix);
  if (json) {
    console.log(JSON.stringify(verbose ? rows : rows.map(({ transfers, late, ...r }) => r), null, 2));
    return;
  }
  console.log(formatTransfers(rows));
  if (verbose) {
    for (const r of rows) {
      console.log(`\n${r.query}:`);
      for (const t of r.transfers) console.log(`  ${t.kind.padEnd(8)} ${String(t.bytes).padStart(8)}  ${t.status} ${t.path}`);
      for (const t of r.late) console.log(`  after    ${String(t.bytes).padStart(8)}  ${t.status} ${t.path}`);
    }
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
