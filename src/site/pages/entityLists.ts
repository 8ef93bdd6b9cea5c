/**
 * The lists by outlet, person and place (templates/list.11ty.ts): one list per entity, cut by year
 * when longer than a page (entityPages). Their indexes are in indexes.ts.
 */
import { PATHS } from '../../paths.ts';
import { entityPages } from '../lists.ts';
import { HOME, type Group, type SiteModel } from '../model.ts';
import type { ArticleRef, IndexPage, ListKind, ListPage } from '../types.ts';
import type { PageKind } from './kind.ts';

/** One kind of entity: its groups, its pages' URLs and words, and its index's. */
export interface EntitySection {
  kind: ListKind;
  indexKind: IndexPage['kind'];
  groups: Map<string, Group>;
  indexUrl: string;
  indexName: string;
  indexHeading: string;
  indexDescription: string;
  nameOf: (g: Group) => string;
  url: (slug: string) => string;
  heading: (name: string) => string;
  description: (name: string, count: number, period: string) => string;
}

export function entitySections(model: SiteModel): EntitySection[] {
  return [
    {
      kind: 'outlet',
      indexKind: 'outlets',
      groups: model.outletGroups,
      indexUrl: PATHS.outlets,
      indexName: 'Báo',
      indexHeading: 'Các báo',
      indexDescription: 'Các báo và trang tin có bài trong kho lưu trữ, với số bài của mỗi báo.',
      nameOf: (g) => model.outletNames.get(g.name)?.name ?? g.name,
      url: PATHS.outlet,
      heading: (n) => `Bài viết của ${n}`,
      description: (n, c, period) => `${c} bài viết về ${model.subject} của ${n}${period}.`,
    },
    {
      kind: 'person',
      indexKind: 'people',
      groups: model.peopleGroups,
      indexUrl: PATHS.people,
      indexName: 'Nhân vật',
      indexHeading: 'Nhân vật',
      indexDescription: 'Những người được nhắc đến trong các bài viết, với số bài nhắc đến mỗi người.',
      nameOf: (g) => g.name,
      url: PATHS.person,
      heading: (n) => `Bài viết nhắc đến ${n}`,
      description: (n, c, period) => `${c} bài viết nhắc đến ${n}${period} trong ${model.subject}.`,
    },
    {
      kind: 'place',
      indexKind: 'places',
      groups: model.placeGroups,
      indexUrl: PATHS.places,
      indexName: 'Địa danh',
      indexHeading: 'Địa danh',
      indexDescription: 'Những địa danh được nhắc đến trong các bài viết, với số bài nhắc đến mỗi nơi.',
      nameOf: (g) => g.name,
      url: PATHS.place,
      heading: (n) => `Bài viết nhắc đến ${n}`,
      description: (n, c, period) => `${c} bài viết nhắc đến ${n}${period} trong ${model.subject}.`,
    },
  ];
}

export const entityListPages: PageKind = {
  name: 'entity lists',
  paginates: 'listPages',
  data(model) {
    const listPages: ListPage[] = [];
    for (const s of entitySections(model)) {
      const indexCrumb = { name: s.indexName, url: s.indexUrl };
      for (const g of s.groups.values()) {
        const name = s.nameOf(g);
        const url = s.url(g.slug);
        listPages.push(
          ...entityPages(
            { kind: s.kind, title: name, heading: s.heading(name), breadcrumbs: [HOME, indexCrumb, { name, url }] },
            url,
            g.indices.map((i) => model.refs[i] as ArticleRef),
            g.indices.map((i) => model.yearOf[i] ?? null),
            model.perPage,
            (count, period) => s.description(name, count, period),
          ),
        );
      }
    }
    return { listPages };
  },
  urls: (own) => (own.listPages ?? []).map((p) => p.url),
};
