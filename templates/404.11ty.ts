/** A friendly 404 page. Static hosts serve /404.html for missing paths. */
import { html } from '../src/site/escape.ts';
import { HOME } from '../src/site/data.ts';
import { layout } from './_includes/layout.ts';
import type { Ctx, Data } from './_includes/types.ts';

export const data = {
  permalink: '/404.html',
  eleventyExcludeFromCollections: true,
};

export function render(this: Ctx, d: Data): string {
  const body = html`<header class="page-head">
<h1>Không tìm thấy trang</h1>
<p class="count">Trang bạn tìm không có trong kho lưu trữ, hoặc đường dẫn đã bị gõ sai.</p>
</header>
<ul class="links">
<li><a href="${this.url('/')}">Về trang chủ</a> <span class="n">– các bài mới nhất và dòng thời gian</span></li>
<li><a href="${this.url('/bao/')}">Các báo</a></li>
<li><a href="${this.url('/nhan-vat/')}">Nhân vật</a></li>
<li><a href="${this.url('/dia-danh/')}">Địa danh</a></li>
</ul>`;
  return layout(
    this,
    d,
    { title: 'Không tìm thấy trang', description: 'Trang không tồn tại.', url: '/404.html', breadcrumbs: [HOME], notFound: true },
    body,
  );
}
