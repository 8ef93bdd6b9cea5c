/** The key events of Russia–North Korea relations, oldest first, each with the articles reporting it: /dong-thoi-gian/ */
import { html } from '../src/site/escape.ts';
import { layout } from './_includes/layout.ts';
import { articleList } from './_includes/parts.ts';
import type { Ctx, Data } from './_includes/types.ts';

export const data = {
  permalink: '/dong-thoi-gian/',
  eleventyExcludeFromCollections: true,
};

export function render(this: Ctx, d: Data): string {
  const p = d.archive.eventTimeline;
  const body = html`<header class="page-head">
<h1>${p.heading}</h1>
<p class="count">${p.description}</p>
</header>
<ol class="events">${p.events.map(
    (e) => html`
<li class="event" id="${e.slug}">
<h2><time datetime="${e.day}">${e.dateLong}</time>: ${e.title}</h2>
<p>${e.description}</p>
${e.articles.length
  ? html`<p class="hint">${e.articles.length} bài đưa tin:</p>${articleList(this, e.articles, 3)}`
  : html`<p class="empty">Chưa có bài nào trong kho đưa tin sự kiện này.</p>`}
</li>`,
  )}
</ol>`;
  return layout(this, d, { title: p.title, description: p.description, url: p.url, breadcrumbs: p.breadcrumbs }, body);
}
