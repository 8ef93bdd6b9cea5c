/**
 * The indexes (templates/entities.11ty.ts): the outlets, people and places with their counts, and
 * the indexes of the dates (/nam/, /thang/, /thang/<year>/, /bai-viet/): no folder in a URL without its page.
 */
import { PATHS } from '../../paths.ts';
import { byCountThenName, HOME } from '../model.ts';
import type { IndexEntry, IndexPage, Link } from '../types.ts';
import { entitySections } from './entityLists.ts';
import type { PageKind } from './kind.ts';

export const indexPages: PageKind = {
  name: 'indexes',
  paginates: 'indexPages',
  data(model) {
    const pages: IndexPage[] = entitySections(model).map((s) => {
      const indexCrumb = { name: s.indexName, url: s.indexUrl };
      const entries: IndexEntry[] = [...s.groups.values()].map((g) => ({ name: s.nameOf(g), url: s.url(g.slug), count: g.indices.length }));
      entries.sort(byCountThenName);
      return { kind: s.indexKind, url: s.indexUrl, title: s.indexHeading, heading: s.indexHeading, description: s.indexDescription, entries, breadcrumbs: [HOME, indexCrumb] };
    });
    const { timeline, undatedRefs } = model;
    const undatedEntry: IndexEntry[] = undatedRefs.length ? [{ name: 'Chưa rõ ngày', url: PATHS.undated, count: undatedRefs.length }] : [];
    const yearEntries: IndexEntry[] = timeline.map((ty) => ({ name: ty.name, url: ty.url, count: ty.count }));
    const yearsCrumb: Link = { name: 'Các năm', url: PATHS.years };
    const monthsCrumb: Link = { name: 'Các tháng', url: PATHS.months };
    pages.push(
      {
        kind: 'years',
        url: PATHS.years,
        title: 'Các năm',
        heading: 'Bài viết theo năm',
        description: 'Các năm có bài trong kho lưu trữ, với số bài của mỗi năm.',
        entries: [...yearEntries, ...undatedEntry],
        breadcrumbs: [HOME, yearsCrumb],
      },
      {
        kind: 'months',
        url: PATHS.months,
        title: 'Các tháng',
        heading: 'Bài viết theo tháng',
        description: 'Các tháng có bài trong kho lưu trữ, mới nhất trước, với số bài của mỗi tháng.',
        entries: timeline.flatMap((ty) => [...ty.months].reverse().map((m) => ({ name: m.name, url: m.url, count: m.count }))),
        breadcrumbs: [HOME, monthsCrumb],
      },
      ...timeline.map((ty): IndexPage => ({
        kind: 'months',
        url: PATHS.monthsOf(ty.year),
        title: `Các tháng năm ${ty.year}`,
        heading: `Bài viết năm ${ty.year} theo tháng`,
        description: `Các tháng năm ${ty.year} có bài trong kho lưu trữ, với số bài của mỗi tháng.`,
        entries: ty.months.map((m) => ({ name: m.name, url: m.url, count: m.count })),
        breadcrumbs: [HOME, monthsCrumb, { name: `Năm ${ty.year}`, url: PATHS.monthsOf(ty.year) }],
      })),
      {
        kind: 'articles',
        url: PATHS.articles,
        title: 'Tất cả bài viết',
        heading: 'Tất cả bài viết',
        description: `${model.sorted.length} bài viết trong kho lưu trữ, theo năm đăng.`,
        entries: [...yearEntries, ...undatedEntry],
        breadcrumbs: [HOME, { name: 'Bài viết', url: PATHS.articles }],
      },
    );
    return { indexPages: pages };
  },
  urls: (own) => (own.indexPages ?? []).map((p) => p.url),
};
