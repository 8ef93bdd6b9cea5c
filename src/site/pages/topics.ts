/** The topics: one list per topic (templates/topic.11ty.ts, cut by year like an entity's) and their index (templates/topics.11ty.ts). */
import { PATHS } from '../../paths.ts';
import { entityPages } from '../lists.ts';
import { HOME } from '../model.ts';
import type { ArticleRef, TopicIndexPage, TopicPage } from '../types.ts';
import type { PageKind } from './kind.ts';

export const topicPages: PageKind = {
  name: 'topics',
  paginates: 'topicPages',
  data(model) {
    const pages: TopicPage[] = [];
    const topicCrumb = { name: 'Chủ đề', url: PATHS.topics };
    const entries: TopicIndexPage['entries'] = [];
    for (const t of model.topicSet.topics) {
      const items: ArticleRef[] = [];
      const years: (number | null)[] = [];
      model.topicsOf.forEach((slugs, i) => {
        if (!slugs.includes(t.slug)) return;
        items.push(model.refs[i] as ArticleRef);
        years.push(model.yearOf[i] ?? null);
      });
      const url = PATHS.topic(t.slug);
      entries.push({ name: t.name, url, count: items.length, description: t.description });
      for (const p of entityPages(
        { kind: 'topic', title: t.name, heading: t.name, breadcrumbs: [HOME, topicCrumb, { name: t.name, url }] },
        url,
        items,
        years,
        model.perPage,
        (count, period) => `${count} bài viết về chủ đề ${t.name}${period}. ${t.description}`,
      )) pages.push({ ...p, slug: t.slug, name: t.name, intro: t.description });
    }
    const topicIndex: TopicIndexPage = {
      url: PATHS.topics,
      title: 'Chủ đề',
      heading: 'Chủ đề',
      description: `Các chủ đề lớn của ${model.subject}, với số bài của mỗi chủ đề.`,
      entries,
      breadcrumbs: [HOME, topicCrumb],
    };
    return { topicPages: pages, topicIndex };
  },
  urls: (own) => [...(own.topicPages ?? []).map((p) => p.url), ...(own.topicIndex ? [own.topicIndex.url] : [])],
};
