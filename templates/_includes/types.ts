import type { SiteData } from '../../src/site/data.ts';
import type { SiteConfig } from '../../src/site/config.ts';

/** `this` inside an Eleventy JavaScript template: filters are bound on it. */
export interface Ctx {
  url(path: string): string;
  page: { url: string; outputPath: string | false };
}

/** The global data every template receives (see src/build.ts). */
export interface Data {
  archive: SiteData;
  site: SiteConfig;
}
