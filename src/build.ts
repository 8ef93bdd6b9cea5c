/**
 * The build: articles/ → records → site data → Eleventy → _site/.
 *
 *   tsx src/build.ts [--pathprefix=/sub/] [--input=articles] [--output=_site]
 *   tsx src/build.ts --records=test/fixtures/sample-records.json   (records JSON instead of articles/)
 *   tsx src/build.ts --serve [--port=8080]
 *
 * The site is written to a fresh folder beside the output and swapped in only
 * when the whole build succeeded, so a failed build never destroys the last
 * good site and no stale page survives a rebuild.
 */
import { existsSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Eleventy from '@11ty/eleventy';
import type { Message } from './archive/load.ts';
import type { ArticleRecord } from './record.ts';
import { normalizePathPrefix, siteConfig } from './site/config.ts';
import { buildSiteData } from './site/data.ts';
import { buildSearchIndex } from './search/index.ts';

export interface BuildOptions {
  /** the articles folder (default "articles") */
  input?: string;
  /** the output folder (default "_site") */
  output?: string;
  /** URL path prefix for hosting under a sub-path, e.g. "/sub/" */
  pathPrefix?: string;
  /** SITE_URL and friends (default process.env) */
  env?: Record<string, string | undefined>;
  /** build from these records instead of reading `input` (tests) */
  records?: ArticleRecord[];
}

export interface BuildResult {
  articles: number;
  pages: number;
  seconds: number;
  messages: Message[];
}

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** One line for the terminal: "2 errors, 5 warnings" plus one line per error, naming file:line. */
export function summarizeMessages(messages: readonly Message[]): string {
  const errors = messages.filter((m) => m.severity === 'error');
  const warnings = messages.length - errors.length;
  const lines = [`${errors.length} error${errors.length === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`];
  for (const m of errors) lines.push(`  ${m.file}:${m.line}:${m.column}  error  ${m.message}  [${m.ruleId}]`);
  return lines.join('\n');
}

export async function buildSite(options: BuildOptions = {}): Promise<BuildResult> {
  const started = performance.now();
  const input = options.input ?? 'articles';
  const output = path.resolve(options.output ?? '_site');
  const pathPrefix = normalizePathPrefix(options.pathPrefix);

  // Imported lazily: a build from given records (tests) does not need the parser.
  const { records, messages } = options.records
    ? { records: options.records, messages: [] as Message[] }
    : await (await import('./archive/load.ts')).loadArchive(input);
  const archive = buildSiteData(records);
  const site = siteConfig(options.env ?? process.env);

  const staging = `${output}.building-${process.pid}`;
  await rm(staging, { recursive: true, force: true });
  // Eleventy resolves its input, config and passthrough paths from the project root.
  const cwd = process.cwd();
  process.chdir(ROOT);
  try {
    const elev = new Eleventy('templates', path.relative(ROOT, staging) || '.', {
      configPath: '.eleventy.ts',
      pathPrefix,
      quietMode: true,
      config(cfg) {
        cfg.addGlobalData('archive', archive);
        cfg.addGlobalData('site', site);
      },
    });
    await elev.write();
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  } finally {
    process.chdir(cwd);
  }
  // Search (src/search/): the Pagefind index from the records, into the staging folder.
  await buildSearchIndex({ siteDir: staging, records, pathPrefix }).catch(async (error: unknown) => {
    await rm(staging, { recursive: true, force: true });
    throw error;
  });
  await rm(output, { recursive: true, force: true });
  await rename(staging, output);

  return {
    articles: archive.counts.articles,
    pages: archive.counts.pages,
    seconds: (performance.now() - started) / 1000,
    messages,
  };
}

interface Cli {
  /** build from a JSON array of records (as `archive records` prints) instead of articles/ */
  recordsFile?: string;
  serve: boolean;
  port: number;
  options: BuildOptions;
}

function parseArgs(argv: string[]): Cli {
  const cli: Cli = { serve: false, port: Number(process.env.PORT) || 8080, options: {} };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new UsageError(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--serve':
        cli.serve = true;
        break;
      case '--pathprefix':
      case '--path-prefix':
        cli.options.pathPrefix = value();
        break;
      case '--input':
        cli.options.input = value();
        break;
      case '--output':
        cli.options.output = value();
        break;
      case '--records':
        cli.recordsFile = value();
        break;
      case '--port':
        cli.port = Number(value());
        if (!Number.isInteger(cli.port) || cli.port < 0 || cli.port > 65535) throw new UsageError('--port needs a port number');
        break;
      default:
        throw new UsageError(`unknown option: ${arg}`);
    }
  }
  return cli;
}

class UsageError extends Error {}

export async function runBuild(options: BuildOptions): Promise<boolean> {
  try {
    const result = await buildSite(options);
    process.stderr.write(`${summarizeMessages(result.messages)}\n`);
    console.log(`${result.articles} articles, ${result.pages} pages in ${result.seconds.toFixed(2)} s`);
    return true;
  } catch (error) {
    process.stderr.write(`build failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return false;
  }
}

async function main(): Promise<void> {
  let cli: Cli;
  try {
    cli = parseArgs(process.argv.slice(2));
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(
        `${error.message}\nusage: tsx src/build.ts [--pathprefix=/sub/] [--input=articles | --records=FILE.json] [--output=_site] [--serve] [--port=8080]\n`,
      );
      process.exit(2);
    }
    throw error;
  }
  if (cli.serve) {
    const { serve } = await import('./site/serve.ts');
    await serve({ ...cli.options, port: cli.port });
    return;
  }
  if (cli.recordsFile) {
    const { readFile } = await import('node:fs/promises');
    const { z } = await import('zod');
    const { articleRecordSchema } = await import('./record.ts');
    try {
      cli.options.records = z.array(articleRecordSchema).parse(JSON.parse(await readFile(cli.recordsFile, 'utf8')));
    } catch (error) {
      process.stderr.write(`${cli.recordsFile}: not a JSON array of article records: ${(error as Error).message}\n`);
      process.exit(1);
    }
  }
  process.exitCode = (await runBuild(cli.options)) ? 0 : 1;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main();
}
