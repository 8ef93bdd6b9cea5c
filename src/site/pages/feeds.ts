/** The Atom and JSON feeds (templates/feed-atom.11ty.ts, feed-json.11ty.ts): the newest dated articles, full text. */
import type { PageKind } from './kind.ts';

export const feeds: PageKind = {
  name: 'feeds',
  data(model, made) {
    const feed = (made.articles ?? []).slice(0, Math.min(model.datedCount, model.options.feed ?? 50));
    // the newest article's time, never the build's
    return { feed, updated: feed[0]?.iso ?? null };
  },
  // not HTML pages: not in the sitemap
  urls: () => [],
  unpaginatedOnly: { feed: [] },
};
