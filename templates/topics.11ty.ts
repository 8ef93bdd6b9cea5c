/** The topics index with counts: /chu-de/ */
import { html } from '../src/site/escape.ts';
import { layout } from './_includes/layout.ts';
import type { Ctx, Data } from './_includes/types.ts';

export const data = {
  permalink: '/chu-de/',
  eleventyExcludeFromCollections: true,
};

export function render(this: Ctx, d: Data): string {
  const p = d.archive.topicIndex;
  const body = html`<header class="page-head">
<h1>${p.heading}</h1>
<p class="count">${p.description}</p>
</header>
<ul class="topics">${p.entries.map(
    (e) => html`<li><h2 class="item-title"><a href="${this.url(e.url)}">${e.name}</a> <span class="n">${e.count} bài</span></h2>
<p class="item-summary">${e.description}</p></li>`,
  )}</ul>`;
  return layout(this, d, { title: p.title, description: p.description, url: p.url, breadcrumbs: p.breadcrumbs }, body);
}
