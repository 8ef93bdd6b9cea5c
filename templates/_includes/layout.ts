/** The page shell: <head> metadata, header, breadcrumbs, footer. */
import { html, jsonForScript, raw, type Html } from '../../src/site/escape.ts';
import { absoluteUrl } from '../../src/site/config.ts';
import type { Link } from '../../src/site/data.ts';
import type { Ctx, Data } from './types.ts';

/**
 * No script runs but the site's own files (the search page's module and Pagefind,
 * which needs WebAssembly); JSON-LD blocks are data, not script. Inline styles are
 * allowed: the home page's timeline bars set a custom property in a style attribute.
 */
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'";

export interface PageMeta {
  /** page title without the site name */
  title: string;
  description: string;
  /** site-relative URL of this page */
  url: string;
  breadcrumbs: Link[];
  ogType?: 'website' | 'article';
  /** extra Open Graph / meta tags */
  head?: Html;
  /** extra JSON-LD objects (BreadcrumbList is added here) */
  jsonLd?: object[];
  /** 404 page: no canonical link, no breadcrumbs */
  notFound?: boolean;
}

const FONTS = ['be-vietnam-pro-vietnamese-400-normal.woff2', 'be-vietnam-pro-latin-400-normal.woff2'];

export function breadcrumbList(ctx: Ctx, data: Data, crumbs: Link[]): object {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: crumbs.map((c, i) => ({
      '@type': 'ListItem',
      position: i + 1,
      name: c.name,
      item: absoluteUrl(data.site, ctx.url(c.url)),
    })),
  };
}

function breadcrumbs(ctx: Ctx, crumbs: Link[]): Html {
  if (crumbs.length < 2) return html``;
  return html`<nav class="crumbs" aria-label="Đường dẫn"><ol>${crumbs.map((c, i) =>
    i === crumbs.length - 1
      ? html`<li><span aria-current="page">${c.name}</span></li>`
      : html`<li><a href="${ctx.url(c.url)}">${c.name}</a></li>`,
  )}</ol></nav>`;
}

export function layout(ctx: Ctx, data: Data, meta: PageMeta, body: Html): string {
  const { site } = data;
  const canonical = absoluteUrl(site, ctx.url(meta.url));
  const fullTitle = meta.url === '/' ? site.name : `${meta.title} – ${site.name}`;
  const jsonLd = [...(meta.jsonLd ?? []), ...(meta.notFound ? [] : [breadcrumbList(ctx, data, meta.breadcrumbs)])];
  const nav: Link[] = [
    { name: 'Năm', url: '/nam/' }, // the years (src/site/data.ts, the dates' indexes)
    { name: 'Báo', url: '/bao/' },
    { name: 'Nhân vật', url: '/nhan-vat/' },
    { name: 'Địa danh', url: '/dia-danh/' },
    // only when some article has no known date
    ...(data.archive.undated.count ? [{ name: 'Chưa rõ ngày', url: '/chua-ro-ngay/' }] : []),
    { name: 'Chủ đề', url: '/chu-de/' }, // topics (templates/topics.11ty.ts)
    { name: 'Dòng thời gian', url: '/dong-thoi-gian/' }, // event timeline (templates/timeline.11ty.ts)
    { name: 'Tìm kiếm', url: '/tim-kiem/' }, // search (templates/search.11ty.ts)
  ];
  return html`<!doctype html>
<html lang="${site.language}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${fullTitle}</title>
<meta name="description" content="${meta.description}">
${meta.notFound ? html`<meta name="robots" content="noindex">` : html`<link rel="canonical" href="${canonical}">`}
<meta name="color-scheme" content="light dark">
${FONTS.map((f) => html`<link rel="preload" href="${ctx.url(`/fonts/${f}`)}" as="font" type="font/woff2" crossorigin>\n`)}<link rel="stylesheet" href="${ctx.url('/assets/site.css')}">
<link rel="alternate" type="application/atom+xml" title="${site.name} (Atom)" href="${ctx.url('/feed.xml')}">
<link rel="alternate" type="application/feed+json" title="${site.name} (JSON Feed)" href="${ctx.url('/feed.json')}">
<meta property="og:site_name" content="${site.name}">
<meta property="og:locale" content="vi_VN">
<meta property="og:type" content="${meta.ogType ?? 'website'}">
<meta property="og:title" content="${meta.title}">
<meta property="og:description" content="${meta.description}">
<meta property="og:url" content="${canonical}">
${meta.head ?? ''}${jsonLd.map((o) => html`<script type="application/ld+json">${raw(jsonForScript(o))}</script>\n`)}</head>
<body>
<a class="skip" href="#noi-dung">Bỏ qua, đến nội dung chính</a>
<header class="masthead">
<div class="wrap masthead-inner">
<a class="brand" href="${ctx.url('/')}"><span class="brand-mark" aria-hidden="true">${site.mark}</span><span class="brand-text"><span class="brand-name">${site.name}</span><span class="brand-tag">Kho lưu trữ báo chí tiếng Việt</span></span></a>
<form class="sitesearch" role="search" action="${ctx.url('/tim-kiem/')}" method="get" aria-label="Tìm trong kho lưu trữ"><label class="sr" for="site-q">Tìm bài viết</label><input id="site-q" name="q" type="search" placeholder="Tìm bài viết…" enterkeyhint="search"><button type="submit">Tìm</button></form>
<nav class="sitenav" aria-label="Chuyên mục"><ul>${nav.map((n) => html`<li><a href="${ctx.url(n.url)}"${meta.url.startsWith(n.url) ? raw(' aria-current="page"') : ''}>${n.name}</a></li>`)}</ul></nav>
</div>
</header>
<main id="noi-dung" class="wrap">
${meta.notFound ? '' : breadcrumbs(ctx, meta.breadcrumbs)}
${body}
</main>
<footer class="colophon">
<div class="wrap">
<p>${site.tagline}. Nội dung bài viết thuộc về các báo đã đăng; trang này chỉ lưu trữ để tra cứu.</p>
<p><a href="${ctx.url('/feed.xml')}">Atom</a> · <a href="${ctx.url('/feed.json')}">JSON Feed</a> · <a href="${ctx.url('/sitemap.xml')}">Sơ đồ trang</a></p>
</div>
</footer>
</body>
</html>
`.value;
}
