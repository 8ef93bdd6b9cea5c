/**
 * One page per article (templates/article.11ty.ts): its text, facts and links (people, places,
 * topics, key event, related, other outlets' copies and reports of the same event, older and newer).
 */
import type { ArticleRecord } from '../../record.ts';
import { PATHS } from '../../paths.ts';
import { formatLong, formatShort, isoWithZone } from '../dates.ts';
import { HOME, summarize, UNDATED_CRUMB } from '../model.ts';
import { relatedIndices } from '../related.ts';
import type { ArticleRef, ArticleView, Link } from '../types.ts';
import type { PageKind } from './kind.ts';

export const articlePages: PageKind = {
  name: 'articles',
  paginates: 'articles',
  data(model) {
    const { sorted, refs, datedCount, options, copiesOf, stories, sortedIndex, positionOf, topicsOf, eventOf, all } = model;
    const related = relatedIndices(sorted, { limit: options.related ?? 5 });
    const articles: ArticleView[] = sorted.map((r, i) => {
      const ref = refs[i] as ArticleRef;
      const dated = i < datedCount;
      const lo = dated ? 0 : datedCount;
      const hi = dated ? datedCount : sorted.length;
      const y = r.published.date ? Number(r.published.date.slice(0, 4)) : null;
      const m = r.published.date ? Number(r.published.date.slice(5, 7)) : null;
      const breadcrumbs: Link[] = [HOME];
      if (y !== null && m !== null) {
        breadcrumbs.push(model.yearLink(y), model.monthLink(y * 100 + m));
      } else {
        breadcrumbs.push(UNDATED_CRUMB);
      }
      breadcrumbs.push({ name: r.title, url: ref.url });
      return {
        ...ref,
        id: r.id,
        slug: r.slug,
        dateLong: formatLong(r.published),
        iso: isoWithZone(r.published),
        lede: r.lede,
        html: r.html,
        ...(options.bodyRefs?.has(r) ? { bodyRef: options.bodyRefs.get(r) } : {}),
        description: summarize(r, 160),
        outletLink: model.outletLink(r.outlet),
        originalOutletLink: model.outletLink(r.originalOutlet),
        authors: r.authors,
        agencies: r.agencies,
        originalUrl: r.url,
        captions: r.captions,
        people: r.people.map(model.personLink),
        places: r.places.map(model.placeLink),
        related: (related[i] ?? []).map((j) => refs[j] as ArticleRef),
        alsoPublished: (copiesOf.get(i) ?? []).map((c) => ({
          outlet: c.outlet?.name ?? 'Chưa rõ báo',
          outletUrl: c.outlet ? model.outletLink(c.outlet)?.url ?? null : null,
          originalUrl: c.url,
          dateShort: formatShort(c.published),
          day: c.published.date,
          title: c.title,
        })),
        sameEvent: (stories.sameEvent[sortedIndex[i] as number] ?? []).map((j) => refs[positionOf.get(j) as number] as ArticleRef),
        topics: (topicsOf[i] ?? []).map(model.topicLink),
        event: eventOf[i] !== undefined && eventOf[i] >= 0 ? model.eventLink(eventOf[i]) : null,
        prev: i + 1 < hi ? (refs[i + 1] as ArticleRef) : null,
        next: i - 1 >= lo ? (refs[i - 1] as ArticleRef) : null,
        breadcrumbs,
      };
    });
    return {
      articles,
      duplicateGroups: stories.groups.length,
      // every folded copy: its source file, and the article it was folded into (the build report)
      merged: stories.groups.flatMap((g) => {
        const canonical = all[g.canonical] as ArticleRecord;
        return g.others.map((o) => ({ file: (all[o] as ArticleRecord).sourceFile, into: canonical.sourceFile, url: PATHS.article(canonical.slug) }));
      }),
    };
  },
  urls: (own) => (own.articles ?? []).map((a) => a.url),
  unpaginatedOnly: { merged: [] },
};
