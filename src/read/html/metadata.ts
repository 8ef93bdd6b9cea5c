/**
 * What a page says about itself in its markup: JSON-LD (NewsArticle/Article…), Open Graph and
 * `article:*` meta, `<meta name="author">`, `<link rel="canonical">`, `<time datetime>`, the
 * `<title>`, and the "saved from url=" comment that browsers write into a saved page (and that
 * `archive add URL` writes). Only read here; src/parse.ts checks it against the visible text.
 */
import type { Element, Root } from 'hast';
import { attr, collapse, elements, textOf } from './hast.ts';

export interface PageMetadata {
  /** og:title, JSON-LD headline, twitter:title, <title>: the titles the page gives itself */
  titles: string[];
  published: { value: string; source: string }[];
  modified: string | null;
  /** persons named as authors in JSON-LD (organisations left out) */
  authors: string[];
  canonical: string | null;
  /** og:url, then the "saved from url=" comment */
  pageUrl: string | null;
  siteName: string | null;
  publisher: string | null;
}

const ARTICLE_TYPES = /^(?:News|Reportage|Analysis|Opinion|Report|Review|Background)?(?:Article|NewsArticle|BlogPosting|LiveBlogPosting)$/u;

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

function asStrings(v: Json | undefined): string[] {
  if (typeof v === 'string') return [v];
  if (Array.isArray(v)) return v.flatMap((x) => asStrings(x));
  return [];
}

function typesOf(o: { [k: string]: Json }): string[] {
  return asStrings(o['@type']);
}

function names(v: Json | undefined, wantPerson: boolean): string[] {
  const list = Array.isArray(v) ? v : v === undefined ? [] : [v];
  const out: string[] = [];
  for (const x of list) {
    if (typeof x === 'string' && !wantPerson) out.push(x);
    else if (x && typeof x === 'object' && !Array.isArray(x)) {
      const t = typesOf(x);
      if (wantPerson && !t.includes('Person')) continue;
      out.push(...asStrings(x['name']));
    }
  }
  return out.map(collapse).filter(Boolean);
}

/** Every object in a JSON-LD value (arrays, @graph), iteratively. */
function objectsIn(root: Json): { [k: string]: Json }[] {
  const out: { [k: string]: Json }[] = [];
  const stack: Json[] = [root];
  while (stack.length && out.length < 1000) {
    const v = stack.pop()!;
    if (Array.isArray(v)) stack.push(...v);
    else if (v && typeof v === 'object') {
      out.push(v);
      const g = v['@graph'];
      if (g) stack.push(g);
    }
  }
  return out;
}

const SAVED_FROM = /saved from url=\(\d+\)\s*(https?:\/\/\S+?)\s*(?:-->|$)/iu;

export function readMetadata(tree: Root): PageMetadata {
  const meta = new Map<string, string[]>();
  const put = (key: string, value: string | null): void => {
    if (!value || !value.trim()) return;
    const k = key.toLowerCase();
    meta.set(k, [...(meta.get(k) ?? []), collapse(value)]);
  };
  let canonical: string | null = null;
  let docTitle: string | null = null;
  const ld: { [k: string]: Json }[] = [];
  const times: string[] = [];
  const markedTimes: string[] = [];
  let savedFrom: string | null = null;
  for (const c of tree.children) {
    if (c.type === 'comment') savedFrom ??= SAVED_FROM.exec(c.value)?.[1] ?? null;
  }
  for (const { el } of elements(tree)) {
    if (el.tagName === 'meta') {
      const content = attr(el, 'content');
      for (const key of [attr(el, 'property'), attr(el, 'name'), attr(el, 'itemProp')]) if (key) put(key, content);
    } else if (el.tagName === 'link' && /\bcanonical\b/iu.test(attr(el, 'rel') ?? '')) {
      canonical ??= attr(el, 'href');
    } else if (el.tagName === 'title') {
      docTitle ??= textOf(el);
    } else if (el.tagName === 'script' && /ld\+json/iu.test(attr(el, 'type') ?? '')) {
      try {
        const raw = el.children.map((c) => (c.type === 'text' ? c.value : '')).join('');
        ld.push(...objectsIn(JSON.parse(raw.replace(/^\s*<!--|-->\s*$/gu, '')) as Json));
      } catch {
        // a broken JSON-LD block says nothing
      }
    } else if (el.tagName === 'time') {
      const dt = attr(el, 'dateTime');
      // a <time> marked as the publication's, else any (only the page's only one is trusted, below)
      if (dt && (/datePublished/iu.test(attr(el, 'itemProp') ?? '') || el.properties['pubDate'] !== undefined || el.properties['pubdate'] !== undefined)) markedTimes.push(dt);
      if (dt) times.push(dt);
    }
    if (el.type === 'element') for (const c of el.children) if (c.type === 'comment') savedFrom ??= SAVED_FROM.exec(c.value)?.[1] ?? null;
  }
  const article = ld.find((o) => typesOf(o).some((t) => ARTICLE_TYPES.test(t)));
  const first = (...keys: string[]): string | null => {
    for (const k of keys) {
      const v = meta.get(k)?.[0];
      if (v) return v;
    }
    return null;
  };
  const titles = [
    ...asStrings(article?.['headline']),
    ...(meta.get('og:title') ?? []),
    ...(meta.get('twitter:title') ?? []),
    ...(meta.get('headline') ?? []),
    ...(docTitle ? [docTitle] : []),
  ].map(collapse).filter(Boolean);
  const published: { value: string; source: string }[] = [];
  for (const v of asStrings(article?.['datePublished'])) published.push({ value: v, source: 'JSON-LD datePublished' });
  for (const k of ['article:published_time', 'datepublished', 'pubdate', 'publishdate', 'dc.date.issued', 'date']) {
    for (const v of meta.get(k) ?? []) published.push({ value: v, source: `<meta ${k}>` });
  }
  // a page lists other articles' times too: an unmarked <time> counts only when it is the page's only one
  for (const v of markedTimes.length ? markedTimes : times.length === 1 ? times : []) published.push({ value: v, source: '<time datetime>' });
  const absolute = (u: string | null): string | null => (u && /^https?:\/\//iu.test(u.trim()) ? u.trim() : null);
  return {
    titles: [...new Set(titles)],
    published,
    modified: asStrings(article?.['dateModified'])[0] ?? first('article:modified_time', 'datemodified'),
    authors: [...new Set(names(article?.['author'], true))],
    canonical: absolute(canonical),
    pageUrl: absolute(first('og:url')) ?? absolute(savedFrom),
    siteName: first('og:site_name'),
    publisher: names(article?.['publisher'], false)[0] ?? null,
  };
}

export type { Element };
