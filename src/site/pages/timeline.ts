/** The key events in time order, each with the articles that report it (templates/timeline.11ty.ts). */
import { PATHS } from '../../paths.ts';
import { formatLong } from '../dates.ts';
import { HOME } from '../model.ts';
import type { ArticleRef, TimelinePage } from '../types.ts';
import type { PageKind } from './kind.ts';

export const timelinePage: PageKind = {
  name: 'timeline',
  data(model) {
    const { events, eventOf, refs } = model;
    const eventTimeline: TimelinePage = {
      url: PATHS.events,
      title: 'Dòng thời gian',
      heading: `Dòng thời gian ${model.subject}`,
      description: `Các sự kiện chính của ${model.subject} theo thứ tự thời gian, mỗi sự kiện với các bài báo đưa tin.`,
      events: events.map((e) => ({
        slug: e.slug,
        url: PATHS.event(e.slug),
        day: e.date,
        dateLong: formatLong({ date: e.date, time: null, iso: null, partial: null, origin: 'none' }),
        title: e.title,
        description: e.description,
        articles: eventOf.flatMap((ev, i) => (ev >= 0 && events[ev] === e ? [refs[i] as ArticleRef] : [])),
      })),
      breadcrumbs: [HOME, { name: 'Dòng thời gian', url: PATHS.events }],
    };
    return { eventTimeline };
  },
  urls: (own) => (own.eventTimeline ? [own.eventTimeline.url] : []),
};
