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

/** The count line of a list page: "420 bài", "420 bài · trang 2/9", or on the first page of a list cut by year "420 bài · 50 bài mới nhất". */
export function listCount(p: ListPage): Html {
  const part = p.totalPages > 1 ? html` · trang ${p.pageNumber}/${p.totalPages}` : p.items.length < p.total ? html` · ${p.items.length} bài mới nhất` : '';
  return html`<p class="count">${p.total} bài${part}</p>`;
}

/** The list's own navigation: the months of a year, the years of a long list (the one this page is in marked). */
export function subnav(ctx: Ctx, p: ListPage): Html {
  if (!p.nav.length) return html``;
  return html`<nav class="subnav" aria-label="${p.navLabel}"><ul>${p.nav.map((n) =>
    n.url === p.url
      ? html`<li><span aria-current="page">${n.name}</span></li>`
      : html`<li><a href="${ctx.url(n.url)}"${n.url === p.baseUrl ? html` aria-current="true"` : ''}>${n.name}${n.count === undefined ? '' : html` <span class="n">(${n.count})</span>`}</a></li>`,
  )}</ul></nav>`;
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

/**
 * The end of a list: where the reader goes on in time. Year and month pages link the older and
 * the newer year or month; a list cut by year links its older articles.
 */
export function onwards(ctx: Ctx, p: ListPage): Html {
  if (!p.older && !p.newer) return html``;
  const dated = p.kind === 'year' || p.kind === 'month';
  return html`<nav class="prevnext onwards" aria-label="${dated ? (p.kind === 'year' ? 'Năm trước và năm sau' : 'Tháng trước và tháng sau') : 'Bài cũ hơn'}">
${p.newer ? html`<a class="pn-prev" rel="prev" href="${ctx.url(p.newer.url)}"><span class="pn-label">← Mới hơn</span><span class="pn-title">${p.newer.name}</span></a>` : html`<span></span>`}
${p.older ? html`<a class="pn-next" rel="next" href="${ctx.url(p.older.url)}"><span class="pn-label">Cũ hơn →</span><span class="pn-title">${p.older.name}</span></a>` : ''}
</nav>`;
}
