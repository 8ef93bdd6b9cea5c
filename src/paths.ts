/**
 * The site's URL paths, site-relative ("/bai-viet/x/"): shared by the pages (src/site/) and the
 * search index (src/search/), which must agree on every article's address. A path prefix is
 * applied later (Eleventy's `url` filter, the search's `pathPrefix`).
 */
export const PATHS = {
  articles: '/bai-viet/',
  article: (slug: string) => `/bai-viet/${slug}/`,
  years: '/nam/',
  year: (y: number) => `/nam/${y}/`,
  months: '/thang/',
  monthsOf: (y: number) => `/thang/${y}/`,
  month: (y: number, m: number) => `/thang/${y}/${String(m).padStart(2, '0')}/`,
  outlets: '/bao/',
  outlet: (slug: string) => `/bao/${slug}/`,
  people: '/nhan-vat/',
  person: (slug: string) => `/nhan-vat/${slug}/`,
  places: '/dia-danh/',
  place: (slug: string) => `/dia-danh/${slug}/`,
  undated: '/chua-ro-ngay/',
  topics: '/chu-de/',
  topic: (slug: string) => `/chu-de/${slug}/`,
  events: '/dong-thoi-gian/',
  event: (slug: string) => `/dong-thoi-gian/#${slug}`,
} as const;

/** An article page's URL, prefixed or not; group 1 is its slug. */
export const ARTICLE_URL_RE = /\/bai-viet\/([^/]+)\/$/u;
