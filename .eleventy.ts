/**
 * Eleventy only lays out pages. The records arrive as global data (`archive`,
 * `site`) added by src/build.ts; templates are TypeScript (*.11ty.ts, run by tsx).
 */
import type { UserConfig } from '@11ty/eleventy';

export const FONT_FILES = ['vietnamese', 'latin'].flatMap((subset) =>
  [400, 600, 700].map((weight) => `be-vietnam-pro-${subset}-${weight}-normal.woff2`),
);

export default function (eleventyConfig: UserConfig) {
  eleventyConfig.addExtension(['11ty.ts'], { key: '11ty.js' });
  eleventyConfig.setTemplateFormats(['11ty.ts']);

  eleventyConfig.addPassthroughCopy({ 'templates/assets': 'assets' });
  for (const file of FONT_FILES) {
    eleventyConfig.addPassthroughCopy({ [`node_modules/@fontsource/be-vietnam-pro/files/${file}`]: `fonts/${file}` });
  }

  return {
    dir: { input: 'templates', includes: '_includes', data: '_data' },
  };
}
