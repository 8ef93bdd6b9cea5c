/** Index pages with counts: /bao/, /nhan-vat/, /dia-danh/ */
import { html } from '../src/site/escape.ts';
import type { IndexPage } from '../src/site/data.ts';
import { layout } from './_includes/layout.ts';
import type { Ctx, Data } from './_includes/types.ts';

type PageData = Data & { index: IndexPage };

export const data = {
  pagination: { data: 'archive.indexPages', size: 1, alias: 'index' },
  permalink: (d: PageData) => d.index.url,
  eleventyExcludeFromCollections: true,
};

export function render(this: Ctx, d: PageData): string {
  const p = d.index;
  const body = html`<header class="page-head">
<h1>${p.heading}</h1>
<p class="count">${p.description}</p>
</header>
${p.entries.length
    ? html`<ul class="index">${p.entries.map(
        (e) => html`<li><a href="${this.url(e.url)}">${e.name}</a> <span class="n">${e.count} bài</span></li>`,
      )}</ul>`
    : html`<p class="empty">Chưa có mục nào.</p>`}`;
  return layout(this, d, { title: p.title, description: p.description, url: p.url, breadcrumbs: p.breadcrumbs }, body);
}
