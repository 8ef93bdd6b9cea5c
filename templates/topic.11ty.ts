/** The pages of each topic: /chu-de/<slug>/ (src/topics/data/topics.json), newest first; a long one cut by year (see entityPages). */
import { html } from '../src/site/escape.ts';
import type { TopicPage } from '../src/site/data.ts';
import { layout } from './_includes/layout.ts';
import { articleList, listCount, pager, subnav } from './_includes/parts.ts';
import type { Ctx, Data } from './_includes/types.ts';

type PageData = Data & { topic: TopicPage };

export const data = {
  pagination: { data: 'archive.topicPages', size: 1, alias: 'topic' },
  permalink: (d: PageData) => d.topic.url,
  eleventyExcludeFromCollections: true,
};

export function render(this: Ctx, d: PageData): string {
  const p = d.topic;
  const body = html`<header class="page-head">
<h1>${p.heading}</h1>
<p class="count">${p.intro}</p>
${listCount(p)}
</header>
${subnav(this, p)}
${p.items.length ? articleList(this, p.items) : html`<p class="empty">Chưa có bài nào.</p>`}
${pager(this, p)}`;
  return layout(this, d, { title: p.title, description: p.description, url: p.url, breadcrumbs: p.breadcrumbs }, body);
}
