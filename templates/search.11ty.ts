/**
 * /tim-kiem/: the search page. The form works with the query in the URL
 * (/tim-kiem/?q=…&bao=…&tu=2023-01&den=2024-06&nhan-vat=…&dia-danh=…&sap-xep=moi-nhat|cu-nhat);
 * assets/search.js reads it on
 * load, runs it through Pagefind (/pagefind/, built by src/search/) and writes
 * the results and filters. The only JavaScript on the site, an external module
 * (no inline script); without it the page says so and points to the indexes.
 */
import { html } from '../src/site/escape.ts';
import { HOME, PATHS } from '../src/site/data.ts';
import { layout } from './_includes/layout.ts';
import type { Ctx, Data } from './_includes/types.ts';

const SEARCH_URL = '/tim-kiem/';

export const data = {
  permalink: `${SEARCH_URL}index.html`,
  eleventyExcludeFromCollections: true,
};

export function render(this: Ctx, d: Data): string {
  const head = html`<link rel="stylesheet" href="${this.url('/assets/search.css')}">
<script type="module" src="${this.url('/assets/search.js')}"></script>
`;
  // the months the archive spans, for the date range's fields
  const years = d.archive.timeline.map((y) => y.year);
  const range = years.length ? html` min="${Math.min(...years)}-01" max="${Math.max(...years)}-12"` : html``;
  const body = html`<header class="page-head">
<h1>Tìm kiếm</h1>
<p class="count">Tìm trong ${d.archive.counts.articles} bài: có dấu hay không dấu đều được (“${d.site.searchExample.folded}” cũng như “${d.site.searchExample.written}”).</p>
</header>
<form class="search" id="search" role="search" action="${this.url(SEARCH_URL)}" method="get" aria-label="Tìm bài viết">
<div class="search-row">
<label class="search-label" for="q">Từ khóa</label>
<input class="search-input" id="q" name="q" type="search" placeholder="Tìm bài viết…" autocomplete="off" spellcheck="false" enterkeyhint="search">
<button class="search-button" type="submit">Tìm</button>
</div>
<details class="search-more-options" id="search-options">
<summary class="search-toggle" id="search-toggle">Lọc và sắp xếp</summary>
<div class="search-fixed">
<div class="search-group search-group-select"><label for="loc-sap-xep">Sắp xếp</label>
<select class="search-select" id="loc-sap-xep" name="sap-xep"><option value="">Phù hợp nhất</option><option value="moi-nhat">Mới nhất trước</option><option value="cu-nhat">Cũ nhất trước</option></select></div>
<fieldset class="search-group search-range"><legend>Thời gian đăng</legend>
<label for="loc-tu">Từ tháng</label> <input class="search-select" id="loc-tu" name="tu" type="month"${range}>
<label for="loc-den">đến tháng</label> <input class="search-select" id="loc-den" name="den" type="month"${range}>
</fieldset>
</div>
<div class="search-filters" id="search-filters"></div>
<p class="search-apply"><button class="search-button" type="submit">Áp dụng</button></p>
</details>
</form>
<noscript><p class="search-note">Trang tìm kiếm cần JavaScript. Bạn vẫn có thể duyệt kho lưu trữ theo <a href="${this.url(PATHS.outlets)}">báo</a>, <a href="${this.url(PATHS.people)}">nhân vật</a>, <a href="${this.url(PATHS.places)}">địa danh</a> hoặc theo thời gian từ <a href="${this.url('/')}">trang chủ</a>.</p></noscript>
<p class="search-status" id="search-status" role="status" aria-live="polite"></p>
<p class="search-entity" id="search-entity" hidden></p>
<ol class="items search-results" id="search-results" aria-label="Kết quả tìm kiếm"></ol>
<p class="search-more-wrap"><button class="search-more" id="search-more" type="button" hidden>Xem thêm kết quả</button></p>`;
  return layout(
    this,
    d,
    {
      title: 'Tìm kiếm',
      description: `Tìm bài viết trong kho lưu trữ báo chí Việt Nam về ${d.site.subject}, theo từ khóa, báo, năm, nhân vật và địa danh.`,
      url: SEARCH_URL,
      breadcrumbs: [HOME, { name: 'Tìm kiếm', url: SEARCH_URL }],
      head,
    },
    body,
  );
}
