/** One page per article: /bai-viet/<slug>/ */
import { html, raw, safeExternalUrl } from '../src/site/escape.ts';
import { absoluteUrl } from '../src/site/config.ts';
import type { ArticleRef, ArticleView } from '../src/site/data.ts';
import { layout } from './_includes/layout.ts';
import { articleList } from './_includes/parts.ts';
import type { Ctx, Data } from './_includes/types.ts';

type PageData = Data & { article: ArticleView };

export const data = {
  pagination: { data: 'archive.articles', size: 1, alias: 'article' },
  permalink: (d: PageData) => d.article.url,
  eleventyExcludeFromCollections: true,
};

function newsArticle(ctx: Ctx, d: PageData): object {
  const a = d.article;
  const publisher = a.outletLink ?? a.originalOutletLink;
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: a.title,
    description: a.description,
    inLanguage: d.site.language,
    url: absoluteUrl(d.site, ctx.url(a.url)),
    mainEntityOfPage: absoluteUrl(d.site, ctx.url(a.url)),
    ...(a.iso ? { datePublished: a.iso } : {}),
    ...(a.authors.length
      ? { author: a.authors.map((name) => ({ '@type': 'Person', name })) }
      : publisher
        ? { author: { '@type': 'Organization', name: publisher.name, url: `https://${publisher.domain}/` } }
        : {}),
    ...(publisher
      ? { publisher: { '@type': 'Organization', name: publisher.name, url: `https://${publisher.domain}/` } }
      : {}),
    ...(safeExternalUrl(a.originalUrl) ? { isBasedOn: safeExternalUrl(a.originalUrl) } : {}),
    ...(a.people.length || a.places.length
      ? {
          about: [
            ...a.people.map((p) => ({ '@type': 'Person', name: p.name })),
            ...a.places.map((p) => ({ '@type': 'Place', name: p.name })),
          ],
        }
      : {}),
  };
}

function navLink(ctx: Ctx, ref: ArticleRef | null, rel: 'prev' | 'next', label: string) {
  if (!ref) return html`<span class="pn-empty"></span>`;
  return html`<a class="pn-${rel}" rel="${rel}" href="${ctx.url(ref.url)}"><span class="pn-label">${label}</span><span class="pn-title">${ref.title}</span><span class="pn-date">${ref.dateShort}</span></a>`;
}

export function render(this: Ctx, d: PageData): string {
  const a = d.article;
  const original = safeExternalUrl(a.originalUrl);
  const facts = [
    a.authors.length ? html`<div><dt>Tác giả</dt><dd>${a.authors.join(', ')}</dd></div>` : '',
    a.originalOutletLink
      ? html`<div><dt>Đăng lại từ</dt><dd><a href="${this.url(a.originalOutletLink.url)}">${a.originalOutletLink.name}</a></dd></div>`
      : '',
    a.agencies.length ? html`<div><dt>Nguồn tin</dt><dd>${a.agencies.join(', ')}</dd></div>` : '',
    original
      ? html`<div><dt>Bài gốc</dt><dd><a class="external" href="${original}" rel="noopener">${new URL(original).hostname.replace(/^www\./, '')}</a></dd></div>`
      : '',
  ].filter(Boolean);

  const head = html`${a.iso ? html`<meta property="article:published_time" content="${a.iso}">\n` : ''}${a.authors.map(
    (n) => html`<meta property="article:author" content="${n}">\n`,
  )}`;

  const body = html`<div class="article-layout">
<article class="article">
<header class="article-head">
<p class="kicker">${a.outletLink ? html`<a class="outlet" href="${this.url(a.outletLink.url)}">${a.outletLink.name}</a>` : html`<span class="outlet">Chưa rõ báo</span>`}
<span class="sep" aria-hidden="true">·</span>
${a.iso ? html`<time datetime="${a.iso}">${a.dateLong}</time>` : html`<span class="undated">${a.dateLong}</span>`}</p>
<h1>${a.title}</h1>
${a.lede ? html`<p class="lede">${a.lede}</p>` : ''}
${facts.length ? html`<dl class="facts">${facts}</dl>` : ''}
</header>
<div class="body">
${raw(a.html)}
</div>
${a.captions.length
    ? html`<section class="captions" aria-labelledby="anh">
<h2 id="anh">Ảnh trong bài gốc</h2>
${a.captions.map(
  (c) => html`<figure><figcaption>${c.text}${c.credit ? html` <span class="credit">Ảnh: ${c.credit}</span>` : ''}</figcaption></figure>\n`,
)}</section>`
    : ''}
${/* [stories/topics/timeline] other publishers, topics, event */ a.alsoPublished.length
    ? html`<section class="also" aria-labelledby="cung-dang-tren">
<h2 id="cung-dang-tren">Cũng đăng trên</h2>
<ul>${a.alsoPublished.map((c) => {
  const external = safeExternalUrl(c.originalUrl);
  const when = c.day ? html` <time datetime="${c.day}">${c.dateShort}</time>` : html` <span class="undated">${c.dateShort}</span>`;
  return html`<li>${c.outletUrl ? html`<a href="${this.url(c.outletUrl)}">${c.outlet}</a>` : c.outlet}${when}${external ? html` · <a class="external" href="${external}" rel="noopener">bài trên ${c.outlet}</a>` : ''}</li>`;
})}</ul>
</section>`
    : ''}
${a.topics.length || a.event
    ? html`<section class="topics-of" aria-labelledby="chu-de-bai">
<h2 id="chu-de-bai">Chủ đề và sự kiện</h2>
${a.topics.length ? html`<ul class="chips">${a.topics.map((t) => html`<li><a href="${this.url(t.url)}">${t.name}</a></li>`)}</ul>` : ''}
${a.event ? html`<p class="event-of">Sự kiện: <a href="${this.url(a.event.url)}">${a.event.name}</a></p>` : ''}
</section>`
    : ''}
${a.people.length || a.places.length
    ? html`<section class="entities" aria-labelledby="lien-quan-den">
<h2 id="lien-quan-den">Trong bài này</h2>
${a.people.length ? html`<h3>Nhân vật</h3><ul class="chips">${a.people.map((p) => html`<li><a href="${this.url(p.url)}">${p.name}</a></li>`)}</ul>` : ''}
${a.places.length ? html`<h3>Địa danh</h3><ul class="chips">${a.places.map((p) => html`<li><a href="${this.url(p.url)}">${p.name}</a></li>`)}</ul>` : ''}
</section>`
    : ''}
<nav class="prevnext" aria-label="Bài trước và bài sau">
${navLink(this, a.prev, 'prev', '← Bài trước')}
${navLink(this, a.next, 'next', 'Bài sau →')}
</nav>
</article>
${a.sameEvent.length || a.related.length
    ? html`<aside class="related" aria-label="Bài cùng sự kiện và bài liên quan">
${/* [stories] same event, other outlets */ a.sameEvent.length
  ? html`<h2 id="cung-su-kien">Cùng sự kiện trên các báo khác</h2>
${articleList(this, a.sameEvent, 3)}`
  : ''}
${a.related.length
  ? html`<h2 id="bai-lien-quan">Bài liên quan</h2>
${articleList(this, a.related, 3)}`
  : ''}
</aside>`
    : ''}
</div>`;

  return layout(
    this,
    d,
    {
      title: a.title,
      description: a.description,
      url: a.url,
      breadcrumbs: a.breadcrumbs,
      ogType: 'article',
      head,
      jsonLd: [newsArticle(this, d)],
    },
    body,
  );
}
