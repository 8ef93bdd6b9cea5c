/** The home page (templates/index.11ty.ts): the latest articles and the years and months with articles. */
import type { PageKind } from './kind.ts';

export const homePage: PageKind = {
  name: 'home',
  data: (model) => ({ latest: model.refs.slice(0, model.options.latest ?? 20), timeline: model.timeline }),
  urls: () => ['/'],
  unpaginatedOnly: { latest: [], timeline: [] },
};
