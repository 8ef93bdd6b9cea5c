/**
 * What a build depends on, as hashes. The render context (what every page depends on besides its
 * own data: the code that renders, the path prefix, the site settings, the page size) decides which
 * pages a rebuild renders again; the build key (the inputs, the render context, the search code and
 * the build's own code) decides whether there is anything to do at all.
 */
import { createHash } from 'node:crypto';
import { versionOf } from '../archive/parserVersion.ts';

/** The code the pages' HTML depends on (a change renders every page again). */
export const RENDER_PARTS = ['templates', 'src/site', 'src/paths.ts', 'src/stories', 'src/topics', 'src/timeline', '.eleventy.ts'];
/** The code only the search index depends on (a change rebuilds it, and no page). */
export const SEARCH_PARTS = ['src/search'];
/** The build's own code (stages, state, report): a change builds again, and renders no page whose data is the same. */
export const BUILD_PARTS = ['src/build'];

/** What every page depends on besides its own data. */
export function renderContextOf(root: string, pathPrefix: string, site: unknown, perPage: number | undefined): string {
  return createHash('sha256')
    .update(versionOf(RENDER_PARTS, root)).update('\0').update(pathPrefix).update('\0').update(JSON.stringify(site))
    .update('\0').update(String(perPage ?? '')).digest('hex');
}

/** Same key as the last build of an output: nothing to do. */
export function buildKeyOf(root: string, inputKey: string, renderContext: string): string {
  return createHash('sha256').update(inputKey).update('\0').update(renderContext)
    .update('\0').update(versionOf(SEARCH_PARTS, root)).update('\0').update(versionOf(BUILD_PARTS, root)).digest('hex');
}
