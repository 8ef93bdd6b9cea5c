/**
 * The lists by date (templates/list.11ty.ts): each year's and each month's articles (a month links
 * the one before and after it, a year the years), and the undated articles.
 */
import { PATHS } from '../../paths.ts';
import { paginate } from '../lists.ts';
import { HOME, UNDATED_CRUMB } from '../model.ts';
import type { ArticleRef, ListPage } from '../types.ts';
import type { PageKind } from './kind.ts';

export const dateListPages: PageKind = {
  name: 'date lists',
  paginates: 'listPages',
  data(model) {
    const { timeline, years, yearItems, perPage } = model;
    const listPages: ListPage[] = [];
    // every month with articles, newest first: a month page links the one before and after it
    const allMonths = timeline.flatMap((ty) => [...ty.months].reverse());
    const monthAt = new Map(allMonths.map((m, i) => [m.url, i]));
    timeline.forEach((ty, yi) => {
      const yearCrumb = { name: `Năm ${ty.year}`, url: ty.url };
      const olderYear = timeline[yi + 1];
      const newerYear = timeline[yi - 1];
      const yearPages = paginate(
        {
          kind: 'year',
          title: `Năm ${ty.year}`,
          heading: `Bài viết năm ${ty.year}`,
          description: `${ty.count} bài viết về ${model.subject} đăng năm ${ty.year}.`,
          breadcrumbs: [HOME, yearCrumb],
          nav: ty.months.map((m) => ({ name: m.name, url: m.url, count: m.count })),
          navLabel: 'Các tháng',
        },
        ty.url,
        yearItems.get(ty.year) ?? [],
        perPage,
      );
      listPages.push(...yearPages.map((p) => ({
        ...p,
        older: olderYear ? { name: olderYear.name, url: olderYear.url } : null,
        newer: newerYear ? { name: newerYear.name, url: newerYear.url } : null,
      })));
      for (const tm of ty.months) {
        const at = monthAt.get(tm.url) ?? 0;
        const olderMonth = allMonths[at + 1];
        const newerMonth = allMonths[at - 1];
        const monthPages = paginate(
          {
            kind: 'month',
            title: tm.name,
            heading: `Bài viết ${tm.name.toLowerCase()}`,
            description: `${tm.count} bài viết về ${model.subject} đăng trong ${tm.name.toLowerCase()}.`,
            breadcrumbs: [HOME, yearCrumb, { name: tm.name, url: tm.url }],
            nav: [],
            navLabel: '',
          },
          tm.url,
          years.get(ty.year)?.get(tm.month) ?? ([] as ArticleRef[]),
          perPage,
        );
        listPages.push(...monthPages.map((p) => ({
          ...p,
          older: olderMonth ? { name: olderMonth.name, url: olderMonth.url } : null,
          newer: newerMonth ? { name: newerMonth.name, url: newerMonth.url } : null,
        })));
      }
    });
    listPages.push(
      ...paginate(
        {
          kind: 'undated',
          title: 'Bài chưa rõ ngày đăng',
          heading: 'Bài chưa rõ ngày đăng',
          description: 'Những bài viết mà nguồn không cho biết đầy đủ ngày đăng; ghi lại những gì đã biết.',
          breadcrumbs: [HOME, UNDATED_CRUMB],
          nav: [],
          navLabel: '',
        },
        PATHS.undated,
        model.undatedRefs,
        perPage,
      ),
    );
    return { listPages, undated: { count: model.undatedRefs.length, url: PATHS.undated } };
  },
  urls: (own) => (own.listPages ?? []).map((p) => p.url),
};
