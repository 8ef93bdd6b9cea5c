/**
 * A deterministic generator of raw article files like the real ones.
 *
 *   npm run generate -- --articles N --out DIR [--seed S] [--from I]
 *
 * Article i is a pure function of (seed, i): the same seed gives the same
 * bytes, and `--from` appends articles to an existing archive (the bench adds
 * one article this way). Files go to DIR/<yyyy>/<name>.txt.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeArticle, type Generated } from './article.ts';

export { makeArticle, makeStory, LAYOUT_NAMES } from './article.ts';

export const DEFAULT_SEED = 20240619;

export interface GenerateOptions {
  articles: number;
  out: string;
  seed?: number;
  /** first article index (default 0) */
  from?: number;
  /** called for each file written */
  onFile?: (g: Generated) => void;
}

export interface GenerateSummary {
  articles: number;
  bytes: number;
  duplicates: number;
  frontMatter: number;
  crlf: number;
  nfd: number;
  outlets: number;
  years: [number, number];
  files: string[];
  seconds: number;
}

export function generateArchive(options: GenerateOptions): GenerateSummary {
  const started = performance.now();
  const seed = options.seed ?? DEFAULT_SEED;
  const from = options.from ?? 0;
  const made = new Set<string>();
  const outlets = new Set<string>();
  const summary: GenerateSummary = { articles: 0, bytes: 0, duplicates: 0, frontMatter: 0, crlf: 0, nfd: 0, outlets: 0, years: [9999, 0], files: [], seconds: 0 };
  for (let i = from; i < from + options.articles; i++) {
    const g = makeArticle(i, { seed });
    const file = path.join(options.out, g.path);
    const dir = path.dirname(file);
    if (!made.has(dir)) {
      mkdirSync(dir, { recursive: true });
      made.add(dir);
    }
    const bytes = Buffer.from(g.text, 'utf8');
    writeFileSync(file, bytes);
    summary.articles++;
    summary.bytes += bytes.length;
    if (g.duplicateOf !== null) summary.duplicates++;
    if (g.frontMatter) summary.frontMatter++;
    if (g.crlf) summary.crlf++;
    if (g.nfd) summary.nfd++;
    outlets.add(g.outlet);
    const y = Number(g.path.slice(0, 4));
    summary.years = [Math.min(summary.years[0], y), Math.max(summary.years[1], y)];
    summary.files.push(file);
    options.onFile?.(g);
  }
  summary.outlets = outlets.size;
  summary.seconds = (performance.now() - started) / 1000;
  return summary;
}

export function formatSummary(s: GenerateSummary, out: string, seed: number): string {
  const mb = (s.bytes / 1e6).toFixed(1);
  const avg = s.articles ? (s.bytes / s.articles / 1024).toFixed(1) : '0';
  return `${s.articles} articles (${mb} MB, ${avg} KB avg; ${s.outlets} outlets, ${s.years[0]}–${s.years[1]}; ` +
    `${s.duplicates} republished, ${s.frontMatter} front matter, ${s.crlf} CRLF, ${s.nfd} NFD) → ${out} (seed ${seed}) in ${s.seconds.toFixed(1)} s`;
}

class UsageError extends Error {}

export function parseGenerateArgs(argv: string[]): { articles: number; out: string; seed: number; from: number } {
  const opts = { articles: NaN, out: '', seed: DEFAULT_SEED, from: 0 };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const eq = arg.indexOf('=');
    const flag = eq >= 0 ? arg.slice(0, eq) : arg;
    const value = () => {
      const v = eq >= 0 ? arg.slice(eq + 1) : argv[++i];
      if (v === undefined) throw new UsageError(`${flag} needs a value`);
      return v;
    };
    const int = (v: string) => {
      if (!/^\d+$/u.test(v)) throw new UsageError(`${flag} needs a non-negative integer, got "${v}"`);
      return Number(v);
    };
    switch (flag) {
      case '--articles': case '-n': opts.articles = int(value()); break;
      case '--out': case '-o': opts.out = value(); break;
      case '--seed': opts.seed = int(value()) >>> 0; break;
      case '--from': opts.from = int(value()); break;
      default: throw new UsageError(`unknown option: ${arg}`);
    }
  }
  if (!Number.isFinite(opts.articles)) throw new UsageError('--articles N is required');
  if (!opts.out) throw new UsageError('--out DIR is required');
  return opts;
}

/** `npm run generate -- --help` */
const GENERATE_HELP = `npm run generate -- --articles N --out DIR [--seed S] [--from I]
A deterministic generated archive of raw articles (for benchmarks and tests).

  --articles N, -n N   how many articles (required)
  --out DIR, -o DIR    the folder to write them to (required)
  --seed S             the generator's seed (default 20240619): the same seed, the same files
  --from I             start at article I (appends to an archive made with the same seed)
  -h, --help           this text
`;

function main(): void {
  if (process.argv.includes('--help') || process.argv.includes('-h')) {
    process.stdout.write(GENERATE_HELP);
    return;
  }
  let args: ReturnType<typeof parseGenerateArgs>;
  try {
    args = parseGenerateArgs(process.argv.slice(2));
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`${error.message}\nusage: npm run generate -- --articles N --out DIR [--seed S] [--from I]\n`);
      process.exit(2);
    }
    throw error;
  }
  const summary = generateArchive(args);
  console.log(formatSummary(summary, args.out, args.seed));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
