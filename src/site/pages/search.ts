/**
 * The search page (templates/search.11ty.ts) and its names (templates/search-names.11ty.ts,
 * /tim-kiem/ten.json: every person's and place's page). Not in the sitemap.
 */
import type { PageKind } from './kind.ts';

export const searchPage: PageKind = {
  name: 'search',
  data: (model) => ({
    entityLinks: {
      person: [...model.peopleGroups.values()].map((g) => model.personLink(g.name)),
      place: [...model.placeGroups.values()].map((g) => model.placeLink(g.name)),
    },
    registryNames: model.options.archive.names ?? { person: [], place: [] },
  }),
  urls: () => [],
  unpaginatedOnly: { registryNames: { person: [], place: [] } },
};
