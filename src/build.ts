/**
 * `npm run build` / `npm run serve`: the build's command line (flags, --help, progress on a
 * terminal, the summary, a large archive's re-run in a sized heap, serve). The build itself is
 * src/build/buildSite.ts, which knows nothing of this module: a change here re-renders no page
 * and invalidates no build (only src/build/ is in the build key).
 *
 *   tsx src/build.ts [--pathprefix=/sub/] [--input=articles] [--output=_site]
 *   tsx src/build.ts --records=test/fixtures/sample-records.json   (records JSON instead of articles/)
 *   tsx src/build.ts --serve [--port=8080]
 */
import { failureLine } from './failure.ts';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSite, type BuildOptions } from './build/buildSite.ts';
import { OutputRefused } from './site/outputGuard.ts';
import { ConfigError, loadArchiveConfig, type ArchiveConfig } from './archiveConfig.ts';

// what the build's callers import from here (tests, the editor)
export { buildSite, LOCK_WAIT_MS, type BuildOptions, type BuildResult } from './build/buildSite.ts';
export { RENDER_PARTS, SEARCH_PARTS, BUILD_PARTS } from './build/key.ts';
export { removeLeftovers } from './build/leftovers.ts';
export type { BuildReportEntry } from './build/report.ts';

interface Cli {
  /** build from a JSON array of records (as `archive records` prints) instead of articles/ */
  recordsFile?: string;
  /** the archive's config (default ./archive.config.json) */
  configFile?: string;
  serve: boolean;
  quiet: boolean;
  port: number;
  options: BuildOptions;
}

function parseArgs(argv: string[]): Cli {
  const cli: Cli = { serve: false, quiet: false, port: Number(process.env.PORT) || 8080, options: {} };
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
      case '--quiet':
        cli.quiet = true;
        break;
      case '--force':
        cli.options.force = true;
        break;
      case '--no-cache':
        cli.options.cache = false;
        break;
      case '--cache':
        cli.options.cache = value();
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
      case '--config':
        cli.configFile = value();
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

/** "10 000" — Vietnamese digit grouping */
const grouped = (n: number): string => n.toLocaleString('vi-VN').replace(/\./g, '\u202f');

/** Progress on a terminal: stage, count, rate and time left, on one rewritten line. */
function terminalProgress(): (stage: string, done: number, total: number) => void {
  let stageStart = performance.now();
  let current = '';
  let lastDraw = 0;
  return (stage, done, total) => {
    const now = performance.now();
    if (stage !== current) { current = stage; stageStart = now; }
    if (now - lastDraw < 100 && done < total) return;
    lastDraw = now;
    const rate = done / Math.max(0.001, (now - stageStart) / 1000);
    const left = rate > 0 && done > 0 ? Math.max(0, (total - done) / rate) : 0;
    const line = done > 0
      ? `${stage}: ${grouped(done)}/${grouped(total)} · ${grouped(Math.round(rate))}/s · còn ${left.toFixed(0)} s`
      : `${stage}…`;
    process.stderr.write(`\r\x1b[K${line}`);
  };
}

/** Builds and prints the outcome; the exit code: 0, 1 (a failed build, or inputs with errors), 2 (a refused --output). */
export async function runBuild(options: BuildOptions, quiet = false): Promise<number> {
  const tty = !quiet && process.stderr.isTTY;
  try {
    const onLockWait = (message: string): void => { if (!quiet) process.stderr.write(`${tty ? '\r\x1b[K' : ''}${message}\n`); };
    const onNotice = (message: string): void => { process.stderr.write(`${tty ? '\r\x1b[K' : ''}warning: ${message}\n`); };
    const result = await buildSite(tty ? { ...options, onProgress: terminalProgress(), onLockWait, onNotice } : { ...options, onLockWait, onNotice });
    if (tty) process.stderr.write('\r\x1b[K');
    const errors = result.messages.filter((m) => m.severity === 'error');
    for (const m of errors) process.stderr.write(`${m.file}:${m.line}:${m.column}  error  ${m.message}  [${m.ruleId}]\n`);
    const warnings = result.messages.length - errors.length;
    const parts = [
      `${grouped(result.articles)} articles`, `${grouped(result.pages)} pages`,
      ...(errors.length ? [`${grouped(errors.length)} errors`] : []), `${grouped(warnings)} warnings`,
    ];
    const detail = result.unchanged ? 'nothing changed' : `cache: ${grouped(result.cacheHits)} hits, ${grouped(result.written)} pages written`;
    console.log(`${parts.join(', ')} in ${result.seconds.toFixed(1)} s (${detail})`);
    // the site of the other files is written; the inputs with errors still need fixing (contract: exit 1)
    return errors.length ? 1 : 0;
  } catch (error) {
    if (tty) process.stderr.write('\r\x1b[K');
    // one line, never a stack trace or a child's backtrace
    process.stderr.write(`build failed: ${failureLine(error)}\n`);
    return error instanceof OutputRefused ? error.exitCode : 1;
  }
}

/** `npm run build -- --help` */
const BUILD_HELP = `npm run build -- [flags]    (tsx src/build.ts [flags]): articles/ → the static site in _site/

  --input=DIR          the articles folder (default articles)
  --records=FILE.json  build from a JSON array of records (as \`archive records\` prints) instead
  --config=FILE        the archive's config (default archive.config.json: name, topics, knowledge…)
  --output=DIR         the site folder (default _site)
  --pathprefix=/sub/   the site is served under a sub-path (every link starts with it)
  --force              rebuild although nothing changed, into a whole new site swapped in
  --cache=DIR          the cache folder (default .cache); --no-cache: none
  --quiet              no progress and no summary
  --serve              build, serve on localhost and rebuild on changes (npm run serve -- --help)
  --port=N             with --serve: the port (default 8080, or PORT; 0: any free one)
  -h, --help           this text

Environment: SITE_URL (the public address, default https://example.org), BUILD_TIMINGS=1|heap, PORT.
Exit: 0 done, 1 an input error or a failed build, 2 a usage error.
`;

/** \`npm run serve -- --help\` */
const SERVE_HELP = `npm run serve -- [flags]    (tsx src/build.ts --serve [flags]): build, serve the site on
localhost and rebuild when articles/, templates/ or src/ change (files saved by rename and folders
created later included); a failed rebuild keeps the last good site.

  --port=N             the port (default 8080, or PORT; 0: any free one); a busy port is an error
  --input=DIR          the articles folder (default articles)
  --output=DIR         the site folder (default _site)
  --pathprefix=/sub/   serve (and build) the site under a sub-path
  --config=FILE        the archive's config (default archive.config.json)
  -h, --help           this text
`;

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(argv.includes('--serve') ? SERVE_HELP : BUILD_HELP);
    return;
  }
  let cli: Cli;
  try {
    cli = parseArgs(process.argv.slice(2));
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(
        `${error.message}\nusage: tsx src/build.ts [--pathprefix=/sub/] [--input=articles | --records=FILE.json] [--output=_site] [--config=archive.config.json] [--force] [--cache=.cache | --no-cache] [--quiet] [--serve] [--port=8080] [--help]\n`,
      );
      process.exit(2);
    }
    throw error;
  }
  // the config is read now: a bad one is one line before anything runs
  let config: ArchiveConfig;
  try {
    config = loadArchiveConfig(cli.configFile);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
  if (cli.serve) {
    const { serve } = await import('./site/serve.ts');
    const { input, output, pathPrefix } = cli.options;
    await serve({ input, output, pathPrefix, config: cli.configFile, port: cli.port });
    return;
  }
  cli.options.config = config;
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
  } else {
    // a large archive is built in a child process with a heap sized to it (src/heapLimit.ts)
    const { buildInSizedHeap, countArticleFiles } = await import('./heapLimit.ts');
    const code = buildInSizedHeap(countArticleFiles(cli.options.input ?? 'articles'));
    if (code !== null) {
      process.exitCode = code;
      return;
    }
  }
  process.exitCode = await runBuild(cli.options, cli.quiet);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main();
}
