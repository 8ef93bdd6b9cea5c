/** Small pieces shared by pages: article lists, pagination. */
import { html, type Html } from '../../src/site/escape.ts';
import { pagerWindow, pageUrl, type ArticleRef, type ListPage } from '../../src/site/data.ts';
import type { Ctx } from './types.ts';

export function articleList(ctx: Ctx, items: readonly ArticleRef[], headingLevel: 2 | 3 = 2): Html {
  const heading = (a: ArticleRef) =>
    headingLevel === 2
      ? html`<h2 class="item-title"><a href="${ctx.url(a.url)}">${a.title}</a></h2>`
      : html`<h3 class="item-title"><a href="${ctx.url(a.url)}">${a.title}</a></h3>`;
  return html`<ol class="items">${items.map(
    (a) => html`
<li class="item">${heading(a)}
<p class="item-meta">${a.day ? html`<time datetime="${a.day}">${a.dateShort}</time>` : html`<span class="undated">${a.dateShort}</span>`}${a.outlet ? html` · <span>${a.outlet}</span>` : ''}</p>
<p class="item-summary">${a.summary}</p>
</li>`,
  )}
</ol>`;
}

export function pager(ctx: Ctx, p: ListPage): Html {
  if (p.totalPages < 2) return html``;
  return html`<nav class="pager" aria-label="Phân trang">
${p.prevUrl ? html`<a rel="prev" href="${ctx.url(p.prevUrl)}">← Trang trước</a>` : ''}
<ol>${pagerWindow(p.pageNumber, p.totalPages).map((n) =>
    n === null
      ? html`<li><span class="gap">…</span></li>`
      : n === p.pageNumber
        ? html`<li><span aria-current="page">${n}</span></li>`
        : html`<li><a href="${ctx.url(pageUrl(p.baseUrl, n))}" aria-label="Trang ${n}">${n}</a></li>`,
  )}</ol>
${p.nextUrl ? html`<a rel="next" href="${ctx.url(p.nextUrl)}">Trang sau →</a>` : ''}
</nav>`;
}
