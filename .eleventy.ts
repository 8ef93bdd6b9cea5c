/**
 * Eleventy only lays out pages. The records arrive as global data (`archive`,
 * `site`) added by src/build.ts; templates are TypeScript (*.11ty.ts, run by tsx).
 */
import type { UserConfig } from '@11ty/eleventy';

export const FONT_FILES = ['vietnamese', 'latin'].flatMap((subset) =>
  [400, 600, 700].map((weight) => `be-vietnam-pro-${subset}-${weight}-normal.woff2`),
);

/** a site-absolute path that needs no normalising: "/bai-viet/x/", not "//x", "/a/../b" or "https://…" */
const PLAIN_PATH_RE = /^\/(?!\/)(?!.*(?:\/\/|(?:^|\/)\.\.?(?:\/|$)))\S*$/u;

/** copied into the site as they are: source (from the project root) → site path */
export const PASSTHROUGH: Record<string, string> = {
  'templates/assets': 'assets',
  ...Object.fromEntries(FONT_FILES.map((file) => [`node_modules/@fontsource/be-vietnam-pro/files/${file}`, `fonts/${file}`])),
};

export default function (eleventyConfig: UserConfig) {
  eleventyConfig.addExtension(['11ty.ts'], { key: '11ty.js' });

  // Eleventy's `url` filter builds a URL object per call (a fifth of a build's time at 2,000
  // articles). Plain site paths take a fast path with the same result; anything else goes to it.
  // The same few thousand paths come back on every page (the menu, lists, breadcrumbs): their
  // results are remembered for the run.
  const eleventyUrl = eleventyConfig.getFilter('url');
  let root: string | undefined;
  const plainPaths = new Map<string, string>();
  eleventyConfig.addFilter('url', function (this: unknown, url: string, prefix?: string) {
    if (prefix === undefined && typeof url === 'string') {
      const known = plainPaths.get(url);
      if (known !== undefined) return known;
      if (PLAIN_PATH_RE.test(url)) {
        root ??= String(eleventyUrl.call(this, '/'));
        const resolved = root + url.slice(1);
        if (plainPaths.size >= 200_000) plainPaths.clear();
        plainPaths.set(url, resolved);
        return resolved;
      }
    }
    return eleventyUrl.call(this, url, prefix);
  });
  eleventyConfig.setTemplateFormats(['11ty.ts']);

  eleventyConfig.addPassthroughCopy(PASSTHROUGH);

  return {
    dir: { input: 'templates', includes: '_includes', data: '_data' },
  };
}
