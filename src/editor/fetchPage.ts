/**
 * `archive add URL`: one web page, downloaded with limits (a timeout, a size cap, at most
 * MAX_REDIRECTS redirects, HTML only) and turned into the file the archive keeps: the page as
 * UTF-8, its charset declaration made to say so, and its address recorded at the top the way a
 * browser's "Save page as…" records it (`<!-- saved from url=(0041)https://… -->`), which the
 * html reader (src/read/html/metadata.ts) reads back. Only `add` touches the network; the build never does.
 */
import { READ_BUDGET } from '../read/budget.ts';
import { decodeHtmlBytes } from '../read/html/decode.ts';

export const isPageUrl = (source: string): boolean => /^https?:\/\//iu.test(source);

export interface FetchLimits { timeoutMs: number; maxBytes: number; maxRedirects: number }
export const DEFAULT_LIMITS: FetchLimits = { timeoutMs: 20_000, maxBytes: READ_BUDGET.maxHtmlFileBytes, maxRedirects: 5 };

export type FetchResult = { ok: true; bytes: Uint8Array; finalUrl: string } | { ok: false; reason: string };

const HTML_TYPE = /^(?:text\/html|application\/xhtml\+xml)\b/iu;

function networkReason(error: unknown, url: URL): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  const code = cause?.code ?? (error as { code?: string }).code;
  if ((error as Error).name === 'TimeoutError' || code === 'UND_ERR_CONNECT_TIMEOUT') return `no answer from ${url.host} in time`;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return `cannot reach ${url.host}: the name does not resolve (offline?)`;
  if (code === 'ECONNREFUSED') return `cannot reach ${url.host}: connection refused`;
  if (code === 'UND_ERR_SOCKET' || code === 'ECONNRESET') return `the connection to ${url.host} was closed before the page came`;
  return `cannot download it: ${code ?? cause?.message ?? (error instanceof Error ? error.message : String(error))}`;
}

/** Reads a body up to `max` bytes; null when it is larger. */
async function readCapped(body: ReadableStream<Uint8Array> | null, max: number): Promise<Uint8Array | null> {
  if (!body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += chunk.byteLength;
    if (size > max) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

export async function fetchPage(address: string, limits: FetchLimits = DEFAULT_LIMITS): Promise<FetchResult> {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return { ok: false, reason: 'not a valid URL' };
  }
  const signal = AbortSignal.timeout(limits.timeoutMs);
  for (let hop = 0; ; hop++) {
    let response: Response;
    try {
      response = await fetch(url, { redirect: 'manual', signal, headers: { accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.1' } });
    } catch (error) {
      return { ok: false, reason: networkReason(error, url) };
    }
    if (response.status >= 300 && response.status < 400 && response.headers.get('location')) {
      await response.body?.cancel();
      if (hop >= limits.maxRedirects) return { ok: false, reason: `more than ${limits.maxRedirects} redirects` };
      url = new URL(response.headers.get('location')!, url);
      if (!/^https?:$/u.test(url.protocol)) return { ok: false, reason: `redirected to a ${url.protocol} address` };
      continue;
    }
    if (!response.ok) {
      await response.body?.cancel();
      return { ok: false, reason: `the server answered ${response.status} ${response.statusText}`.trim() };
    }
    const type = response.headers.get('content-type') ?? '';
    if (type && !HTML_TYPE.test(type)) {
      await response.body?.cancel();
      return { ok: false, reason: `not an HTML page (${type.split(';')[0]})` };
    }
    const declared = Number(response.headers.get('content-length') ?? 0);
    if (declared > limits.maxBytes) {
      await response.body?.cancel();
      return { ok: false, reason: `the page is larger than ${limits.maxBytes} bytes` };
    }
    let bytes: Uint8Array | null;
    try {
      bytes = await readCapped(response.body, limits.maxBytes);
    } catch (error) {
      return { ok: false, reason: networkReason(error, url) };
    }
    if (!bytes) return { ok: false, reason: `the page is larger than ${limits.maxBytes} bytes` };
    const charset = /charset\s*=\s*["']?([\w.:-]+)/iu.exec(type)?.[1] ?? null;
    return savedPageBytes(bytes, url.href, charset);
  }
}

/**
 * The page as the archive keeps it: UTF-8, its address in a "saved from url" comment on the first
 * line. `headerCharset` (from the HTTP header) is used when the page itself declares none.
 */
export function savedPageBytes(bytes: Uint8Array, address: string | null, headerCharset: string | null): FetchResult {
  let source = bytes;
  const sniffHead = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  if (headerCharset && !/<meta\b[^>]*charset/iu.test(sniffHead)) {
    source = Buffer.concat([Buffer.from(`<meta charset="${headerCharset}">`), bytes]);
  }
  const decoded = decodeHtmlBytes(source);
  if (!decoded.ok) return { ok: false, reason: decoded.reason };
  if (!/<html\b|<body\b|<head\b|<p\b|<div\b/iu.test(decoded.text)) return { ok: false, reason: 'the answer is not an HTML page' };
  const text = decoded.text
    .replace(address ? /^\s*<!--\s*saved from url=[^>]*-->\s*/iu : /^(?!)/u, '')
    .replace(/(<meta\b[^>]*?\bcharset\s*=\s*["']?\s*)[\w.:-]+/iu, '$1utf-8');
  if (!address) return { ok: true, bytes: Buffer.from(text, 'utf8'), finalUrl: '' };
  const mark = `<!-- saved from url=(${String(address.length).padStart(4, '0')})${address} -->\n`;
  return { ok: true, bytes: Buffer.from(mark + text, 'utf8'), finalUrl: address };
}
