/** Home: the latest articles and a month-by-month timeline of the coverage. */
import { html } from '../src/site/escape.ts';
import { absoluteUrl } from '../src/site/config.ts';
import { HOME, type TimelineYear } from '../src/site/data.ts';
import { layout } from './_includes/layout.ts';
import { articleList } from './_includes/parts.ts';
import type { Ctx, Data } from './_includes/types.ts';

export const data = {
  permalink: '/',
  eleventyExcludeFromCollections: true,
};

function timelineYear(ctx: Ctx, y: TimelineYear) {
  const byMonth = new Map(y.months.map((m) => [m.month, m]));
  return html`<section class="tl-year" aria-labelledby="nam-${y.year}">
<h3 id="nam-${y.year}"><a href="${ctx.url(y.url)}">${y.year}</a> <span class="n">${y.count} bài</span></h3>
<ol class="tl-months">${Array.from({ length: 12 }, (_, i) => {
    const m = byMonth.get(i + 1);
    return m
      ? html`<li style="--share:${m.share.toFixed(3)}"><a href="${ctx.url(m.url)}"><span class="bar" aria-hidden="true"></span><span class="tl-n">${m.count}</span><span class="tl-m" aria-hidden="true">T${i + 1}</span><span class="sr">${m.name}: ${m.count} bài</span></a></li>`
      : html`<li class="tl-none"><span class="bar" aria-hidden="true"></span><span class="tl-n" aria-hidden="true">0</span><span class="tl-m" aria-hidden="true">T${i + 1}</span><span class="sr">Tháng ${i + 1}, ${y.year}: chưa có bài</span></li>`;
  })}</ol>
</section>`;
}

export function render(this: Ctx, d: Data): string {
  const { archive, site } = d;
  const body = html`<header class="page-head home-head">
<h1>${site.name}</h1>
<p class="count">${site.tagline}: ${archive.counts.articles} bài viết.</p>
</header>
<div class="home-grid">
<section class="latest" aria-labelledby="moi-nhat">
<h2 id="moi-nhat">Mới nhất</h2>
${articleList(this, archive.latest, 3)}
</section>
<aside class="timeline" aria-labelledby="dong-thoi-gian">
<h2 id="dong-thoi-gian">Dòng thời gian</h2>
<p class="hint">Số bài theo tháng. Chọn một tháng để xem các bài.</p>
${archive.timeline.map((y) => timelineYear(this, y))}
${archive.undated.count
    ? html`<p class="tl-undated"><a href="${this.url(archive.undated.url)}">Chưa rõ ngày đăng</a> <span class="n">${archive.undated.count} bài</span></p>`
    : ''}
</aside>
</div>`;
  const website = {
    '@context': 'https://schema.org',
    '@type': 'WebSite',
    name: site.name,
    description: site.description,
    inLanguage: site.language,
    url: absoluteUrl(site, this.url('/')),
  };
  return layout(this, d, { title: site.name, description: site.description, url: '/', breadcrumbs: [HOME], jsonLd: [website] }, body);
}
