/**
 * Eleventy renders the site in memory (`toJSON`), in runs: the first renders the pages
 * that are not paginated (home, feeds, sitemap, search, timeline…) with the whole site
 * data; each later run gets at most RENDER_CHUNK items of the paginated collections
 * (articles, list pages, indexes, topics) and only the site data those templates read,
 * so neither the rendered pages held at once nor the data Eleventy merges per page grow
 * with the archive (at 100,000 articles the sitemap's URL list alone is 150,000 strings).
 * The later runs render the unpaginated pages again, from empty lists, and drop them.
 */
import path from 'node:path';
import { withBodies, type ReadBodies } from './bodies.ts';
import type { SiteConfig } from './config.ts';
import type { SiteData } from './data.ts';
import type { OutputFile } from './output.ts';
import { pagePath } from './pageReuse.ts';
import { PAGINATED, UNPAGINATED_ONLY } from './pages/index.ts';

/** paginated items per Eleventy run: bounds memory; each run costs a few hundred ms to start */
export const RENDER_CHUNK = 2500;

/** The paginated collections of the site data (PAGINATED, from the page kinds). */
export type Paginated = Pick<SiteData, (typeof PAGINATED)[number]>;

/** Every paginated collection, empty. */
export function noPages(): Paginated {
  return Object.fromEntries(PAGINATED.map((key) => [key, []])) as unknown as Paginated;
}

/** The paginated collections cut into consecutive chunks of at most `size` items in all (at least one chunk). Pure. */
export function renderChunks(data: Paginated, size = RENDER_CHUNK): Paginated[] {
  const chunks: Paginated[] = [];
  let current = noPages();
  let count = 0;
  for (const key of PAGINATED) {
    const items = data[key] as readonly unknown[];
    for (let i = 0; i < items.length;) {
      const take = Math.min(size - count, items.length - i);
      (current[key] as unknown[]).push(...items.slice(i, i + take));
      i += take;
      count += take;
      if (count === size) {
        chunks.push(current);
        current = noPages();
        count = 0;
      }
    }
  }
  if (count > 0 || chunks.length === 0) chunks.push(current);
  return chunks;
}

export interface RenderOptions {
  /** the project root: Eleventy resolves its input, config and passthrough paths from it */
  root: string;
  /** the folder the pages are for (paths in the files are relative to it) */
  outDir: string;
  archive: SiteData;
  site: SiteConfig;
  pathPrefix: string;
  chunk?: number;
  /** reads back the bodies an article view left in the record cache (src/site/bodies.ts) */
  readBodies?: ReadBodies;
  /** each chunk's files, as soon as they are rendered */
  onFiles: (files: OutputFile[]) => Promise<void>;
}

/** What a run of paginated pages gets: its chunk, and empty lists for what only the unpaginated pages read. */
function chunkData(archive: SiteData, chunk: Paginated): SiteData {
  return { ...archive, ...chunk, ...UNPAGINATED_ONLY };
}

/**
 * Renders every page of `archive`; returns how many outputs Eleventy rendered. The working
 * folder is the project root while Eleventy runs (it is process-wide: whatever runs beside,
 * such as the search worker, must use absolute paths).
 */
export async function renderSite(o: RenderOptions): Promise<number> {
  const { default: Eleventy } = await import('@11ty/eleventy');
  const none = noPages();
  // a chunk with nothing paginated in it (no page of these changed) would render the unpaginated pages again for nothing
  const chunks = renderChunks(o.archive, o.chunk).filter((chunk) => PAGINATED.some((key) => chunk[key].length > 0));
  const runs = [{ data: { ...o.archive, ...none }, chunk: none }, ...chunks.map((chunk) => ({ data: chunkData(o.archive, chunk), chunk }))];
  let rendered = 0;
  /** One Eleventy run: the files it makes that are this run's to write. */
  const renderRun = async (n: number, run: (typeof runs)[number]): Promise<OutputFile[]> => {
    const { chunk } = run;
    // the bodies of this run's articles (and of the feeds' in the first): read now, dropped after
    const data = n === 0
      ? { ...run.data, feed: await withBodies(run.data.feed, o.readBodies) }
      : { ...run.data, articles: await withBodies(run.data.articles, o.readBodies) };
    const paginated = new Set(PAGINATED.flatMap((key) => (chunk[key] as readonly { url: string }[]).map((item) => pagePath(item.url))));
    const cwd = process.cwd();
    process.chdir(o.root);
    let pages: { outputPath: string | false; content: string }[];
    try {
      const elev = new Eleventy('templates', path.relative(o.root, o.outDir) || '.', {
        configPath: '.eleventy.ts',
        pathPrefix: o.pathPrefix,
        quietMode: true,
        config(cfg) {
          cfg.addGlobalData('archive', data);
          cfg.addGlobalData('site', o.site);
        },
      });
      pages = (await elev.toJSON()) as { outputPath: string | false; content: string }[];
    } finally {
      process.chdir(cwd);
    }
    const files: OutputFile[] = [];
    for (const p of pages) {
      if (typeof p.outputPath !== 'string') continue;
      const file = path.relative(o.outDir, path.resolve(o.root, p.outputPath)).split(path.sep).join('/');
      // the pages that are not paginated: from the first run only
      if (n === 0 || paginated.has(file)) files.push({ path: file, content: p.content });
    }
    rendered += n === 0 ? pages.length : paginated.size;
    return files;
  };
  // A run's files are written while the next run renders (one run's files in flight at a time).
  let writing: Promise<void> = Promise.resolve();
  try {
    for (const [n, run] of runs.entries()) {
      const files = await renderRun(n, run);
      await writing;
      writing = o.onFiles(files);
      // awaited with the next run or after the last; handled here so a failure meanwhile is not unhandled
      writing.catch(() => {});
    }
    await writing;
  } catch (error) {
    // nothing is left writing once the caller hears of the failure
    await writing.catch(() => {});
    throw error;
  }
  return rendered;
}
