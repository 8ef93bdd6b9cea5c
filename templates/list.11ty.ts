/** Every paginated article list: years, months, outlets, people, places (long ones cut by year, see entityPages), undated. */
import { html } from '../src/site/escape.ts';
import type { ListPage } from '../src/site/data.ts';
import { layout } from './_includes/layout.ts';
import { articleList, listCount, onwards, pager, subnav } from './_includes/parts.ts';
import type { Ctx, Data } from './_includes/types.ts';

type PageData = Data & { list: ListPage };

export const data = {
  pagination: { data: 'archive.listPages', size: 1, alias: 'list' },
  permalink: (d: PageData) => d.list.url,
  eleventyExcludeFromCollections: true,
};

export function render(this: Ctx, d: PageData): string {
  const p = d.list;
  const body = html`<header class="page-head">
<h1>${p.heading}</h1>
${listCount(p)}
</header>
${subnav(this, p)}
${p.items.length ? articleList(this, p.items) : html`<p class="empty">Chưa có bài nào.</p>`}
${pager(this, p)}
${onwards(this, p)}`;
  return layout(this, d, { title: p.title, description: p.description, url: p.url, breadcrumbs: p.breadcrumbs }, body);
}
