/**
 * The benchmark: this project and its peers side by side on one generated archive.
 *
 *   npm run bench -- [--articles N] [--runs R] [--json] [--seed S] [--keep] [--ours-only | --peers-only]
 *
 * Rows: our cold build (cache removed), our warm rebuild (nothing changed),
 * our rebuild after adding one article; a plain Eleventy 3 site, alone and
 * followed by Pagefind; Hugo, alone and followed by Pagefind. Each figure is
 * the median of R runs (default 3), the runs interleaved so that every row sees
 * the same machine load. Time is wall-clock; memory is the peak summed RSS of
 * the process tree (see measure.ts). Progress goes to stderr; the table (or,
 * with --json, one JSON object) to stdout.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, unlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_SEED, generateArchive } from '../generate/index.ts';
import { measure, type Measured } from './measure.ts';
import { ensureHugo, hugoVersion, writeEleventyProject, writeHugoProject } from './peers.ts';
import { computeRatios, formatTable, NAMES, summarise, type BenchReport, type Result } from './stats.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface BenchOptions {
  articles: number;
  runs: number;
  json: boolean;
  seed: number;
  keep: boolean;
  /** skip the peers (for a quick look at our own build) */
  oursOnly: boolean;
  /** skip our build (the peers' reference figures at a size where our build is still too slow) */
  peersOnly: boolean;
}

class UsageError extends Error {}

export function parseBenchArgs(argv: readonly string[]): BenchOptions {
  const o: BenchOptions = { articles: 1000, runs: 3, json: false, seed: DEFAULT_SEED, keep: false, oursOnly: false, peersOnly: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const eq = arg.indexOf('=');
    const flag = eq >= 0 ? arg.slice(0, eq) : arg;
    const int = () => {
      const v = eq >= 0 ? arg.slice(eq + 1) : argv[++i];
      if (v === undefined || !/^\d+$/u.test(v)) throw new UsageError(`${flag} needs a positive integer`);
      return Number(v);
    };
    switch (flag) {
      case '--articles': o.articles = int(); break;
      case '--runs': o.runs = int(); break;
      case '--seed': o.seed = int(); break;
      case '--json': o.json = true; break;
      case '--keep': o.keep = true; break;
      case '--ours-only': o.oursOnly = true; break;
      case '--peers-only': o.peersOnly = true; break;
      default: throw new UsageError(`unknown option: ${arg}`);
    }
  }
  if (o.articles < 1) throw new UsageError('--articles must be at least 1');
  if (o.runs < 1) throw new UsageError('--runs must be at least 1');
  if (o.oursOnly && o.peersOnly) throw new UsageError('--ours-only and --peers-only exclude each other');
  return o;
}

/** What our build understands today (it is being worked on): read from its usage text. */
export function buildCapabilities(source: string): { cacheFlag: boolean; quietFlag: boolean } {
  return { cacheFlag: /['"`]--cache(?:-dir)?['"`=]/u.test(source), quietFlag: /['"`]--quiet['"`]/u.test(source) };
}

function failure(name: string, m: Measured): string {
  // The message, not the last stack frame: the last line that is not "    at …".
  const lines = m.stderr.trim().split('\n').filter((l) => l.trim() && !/^\s+at /u.test(l) && !/^Node\.js v/u.test(l));
  const last = (lines.find((l) => /error/iu.test(l)) ?? lines.slice(-1)[0] ?? '').trim().slice(0, 200);
  return `${name} failed (${m.signal ? `signal ${m.signal}` : `exit ${m.code}`})${last ? `: ${last}` : ''}`;
}

function hasSearchIndex(dir: string): boolean {
  if (!existsSync(dir)) return false;
  return readdirSync(dir).some((e) => /pagefind|search/iu.test(e) && statSync(path.join(dir, e)).isDirectory());
}

function machine(hugo: string | null): Record<string, string | number> {
  const pkg = (p: string) => {
    try { return (JSON.parse(readFileSync(path.join(ROOT, 'node_modules', p, 'package.json'), 'utf8')) as { version: string }).version; } catch { return 'missing'; }
  };
  return {
    date: new Date().toISOString().slice(0, 10),
    nproc: os.availableParallelism(),
    cpu: os.cpus()[0]?.model ?? 'unknown',
    memoryGB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    loadAverage1m: Math.round(os.loadavg()[0]! * 100) / 100,
    eleventy: pkg('@11ty/eleventy'),
    pagefind: pkg('pagefind'),
    hugo: hugo ?? 'not installed',
  };
}

export async function runBench(o: BenchOptions, log: (s: string) => void): Promise<BenchReport> {
  const notes: string[] = [];
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'tin-bench-'));
  const input = path.join(tmp, 'articles');
  log(`workdir ${tmp}`);
  const gen = generateArchive({ articles: o.articles, out: input, seed: o.seed });
  log(`generated ${gen.articles} articles (${(gen.bytes / 1e6).toFixed(1)} MB) in ${gen.seconds.toFixed(1)} s`);

  // --- our build -----------------------------------------------------------
  const buildSource = readFileSync(path.join(ROOT, 'src', 'build.ts'), 'utf8');
  const caps = buildCapabilities(buildSource);
  const ourOut = path.join(tmp, 'ours-site');
  const ourCache = path.join(tmp, 'ours-cache');
  const ourArgs = ['--import', 'tsx', 'src/build.ts', `--input=${input}`, `--output=${ourOut}`];
  if (caps.cacheFlag) ourArgs.push(`--cache=${ourCache}`);
  if (caps.quietFlag) ourArgs.push('--quiet');
  // a cold build starts from nothing: no cache and no site (so it has no old site to replace)
  const clearOurCache = () => {
    rmSync(ourCache, { recursive: true, force: true });
    rmSync(ourOut, { recursive: true, force: true });
    if (!caps.cacheFlag) rmSync(path.join(ROOT, '.cache'), { recursive: true, force: true });
  };
  if (!caps.cacheFlag && !o.peersOnly) notes.push('our build takes no --cache option yet: the cold run deletes .cache/ in the project root');
  const ourEnv = { ...process.env, NO_COLOR: '1', CI: '1' };
  const runOurs = (label: string) => measure(process.execPath, ourArgs, { cwd: ROOT, env: ourEnv }).then((m) => {
    log(`  ${label}: ${m.seconds.toFixed(2)} s, ${m.peakRssMB.toFixed(0)} MB${m.code ? ` (exit ${m.code})` : ''}`);
    return m;
  });

  // --- peers, laid out once -------------------------------------------------
  let hugoBin: string | null = null;
  let hugoSkip: string | undefined;
  const elevDir = path.join(tmp, 'eleventy');
  const hugoDir = path.join(tmp, 'hugo');
  const pagefindBin = path.join(ROOT, 'node_modules', '.bin', 'pagefind');
  const eleventyCmd = path.join(ROOT, 'node_modules', '@11ty', 'eleventy', 'cmd.cjs');
  let elevSkip: string | undefined;
  let pagefindSkip: string | undefined;
  if (!o.oursOnly) {
    if (!existsSync(eleventyCmd)) elevSkip = 'node_modules/@11ty/eleventy is missing (npm ci)';
    if (!existsSync(pagefindBin)) pagefindSkip = 'node_modules/.bin/pagefind is missing (npm ci)';
    writeEleventyProject(elevDir, gen.files);
    const h = ensureHugo(log);
    if ('bin' in h) {
      hugoBin = h.bin;
      writeHugoProject(hugoDir, gen.files);
    } else {
      hugoSkip = h.reason;
      log(`hugo not run: ${h.reason}`);
    }
    log('peer projects laid out');
  } else {
    elevSkip = hugoSkip = pagefindSkip = 'not run (--ours-only)';
  }

  const rows: Record<string, { seconds: number; peakRssMB: number }[]> = {};
  const errors: Record<string, string> = {};
  const add = (name: string, m: Measured | { seconds: number; peakRssMB: number }) => (rows[name] ??= []).push({ seconds: m.seconds, peakRssMB: m.peakRssMB });
  const ok = (name: string, m: Measured) => {
    if (m.code === 0) return true;
    errors[name] ??= failure(name, m);
    return false;
  };
  let sawIndex = false;
  let sawCache = false;

  for (let r = 0; r < o.runs; r++) {
    log(`run ${r + 1}/${o.runs}`);
    // ours: cold → warm → one article added
    if (!o.peersOnly) clearOurCache();
    const cold = o.peersOnly ? null : await runOurs('ours cold');
    if (cold && ok(NAMES.cold, cold)) {
      add(NAMES.cold, cold);
      sawIndex ||= hasSearchIndex(ourOut);
      sawCache ||= caps.cacheFlag ? existsSync(ourCache) : existsSync(path.join(ROOT, '.cache'));
      const warm = await runOurs('ours warm');
      if (ok(NAMES.warm, warm)) add(NAMES.warm, warm);
      const extra = generateArchive({ articles: 1, from: o.articles + r, out: input, seed: o.seed });
      const one = await runOurs('ours add one');
      if (ok(NAMES.addOne, one)) add(NAMES.addOne, one);
      for (const f of extra.files) unlinkSync(f);
    }
    // Eleventy, then Pagefind over its pages
    if (!elevSkip) {
      rmSync(path.join(elevDir, '_site'), { recursive: true, force: true });
      const e = await measure(process.execPath, [eleventyCmd, '--input=src', '--output=_site', '--quiet'], { cwd: elevDir });
      log(`  eleventy: ${e.seconds.toFixed(2)} s, ${e.peakRssMB.toFixed(0)} MB${e.code ? ` (exit ${e.code})` : ''}`);
      if (ok(NAMES.eleventy, e)) {
        add(NAMES.eleventy, e);
        if (!pagefindSkip) {
          const p = await measure(pagefindBin, ['--site', '_site'], { cwd: elevDir });
          log(`  pagefind over eleventy: ${p.seconds.toFixed(2)} s, ${p.peakRssMB.toFixed(0)} MB${p.code ? ` (exit ${p.code})` : ''}`);
          if (ok(NAMES.eleventyPagefind, p)) add(NAMES.eleventyPagefind, { seconds: e.seconds + p.seconds, peakRssMB: Math.max(e.peakRssMB, p.peakRssMB) });
        }
      }
    }
    // Hugo, then Pagefind over its pages
    if (hugoBin) {
      rmSync(path.join(hugoDir, 'public'), { recursive: true, force: true });
      const h = await measure(hugoBin, ['--quiet', '--source', hugoDir, '--destination', path.join(hugoDir, 'public')], { cwd: hugoDir });
      log(`  hugo: ${h.seconds.toFixed(2)} s, ${h.peakRssMB.toFixed(0)} MB${h.code ? ` (exit ${h.code})` : ''}`);
      if (ok(NAMES.hugo, h)) {
        add(NAMES.hugo, h);
        if (!pagefindSkip) {
          const p = await measure(pagefindBin, ['--site', 'public'], { cwd: hugoDir });
          log(`  pagefind over hugo: ${p.seconds.toFixed(2)} s, ${p.peakRssMB.toFixed(0)} MB${p.code ? ` (exit ${p.code})` : ''}`);
          if (ok(NAMES.hugoPagefind, p)) add(NAMES.hugoPagefind, { seconds: h.seconds + p.seconds, peakRssMB: Math.max(h.peakRssMB, p.peakRssMB) });
        }
      }
    }
  }

  const oursSkip = o.peersOnly ? 'not run (--peers-only)' : undefined;
  const skipOf = (name: string, peerSkip?: string) => (rows[name]?.length ? undefined : (peerSkip ?? errors[name] ?? (name === NAMES.warm || name === NAMES.addOne ? errors[NAMES.cold] : undefined) ?? 'no successful run'));
  const results: Result[] = [
    summarise(NAMES.cold, rows[NAMES.cold] ?? [], skipOf(NAMES.cold, oursSkip)),
    summarise(NAMES.warm, rows[NAMES.warm] ?? [], skipOf(NAMES.warm, oursSkip)),
    summarise(NAMES.addOne, rows[NAMES.addOne] ?? [], skipOf(NAMES.addOne, oursSkip)),
    summarise(NAMES.eleventy, rows[NAMES.eleventy] ?? [], skipOf(NAMES.eleventy, elevSkip)),
    summarise(NAMES.eleventyPagefind, rows[NAMES.eleventyPagefind] ?? [], skipOf(NAMES.eleventyPagefind, elevSkip ?? pagefindSkip ?? errors[NAMES.eleventy])),
    summarise(NAMES.hugo, rows[NAMES.hugo] ?? [], skipOf(NAMES.hugo, hugoSkip)),
    summarise(NAMES.hugoPagefind, rows[NAMES.hugoPagefind] ?? [], skipOf(NAMES.hugoPagefind, hugoSkip ?? pagefindSkip ?? errors[NAMES.hugo])),
  ];
  for (const [name, reason] of Object.entries(errors)) if (rows[name]?.length) notes.push(`some runs of "${name}" failed: ${reason}`);
  if (rows[NAMES.cold]?.length && !sawIndex) notes.push('our build does not write a search index yet (no pagefind/ or search folder in its output), while the Eleventy+Pagefind and Hugo+Pagefind peers do: coldVsEleventy and coldVsHugo compare unequal work');
  if (rows[NAMES.cold]?.length && !sawCache) notes.push('our build left no cache behind: the warm rebuild and the add-one rebuild redo all the work of a cold build');
  if (o.runs < 3) notes.push(`only ${o.runs} run(s) per figure; the issue asks for the median of at least 3`);
  const m = machine(hugoBin ? hugoVersion(hugoBin) : null);
  if ((m.loadAverage1m as number) > (m.nproc as number)) notes.push(`the machine was busy when the bench started (load average ${m.loadAverage1m} on ${m.nproc} cores): absolute times are inflated and noisy`);
  if (!o.keep) rmSync(tmp, { recursive: true, force: true });
  else log(`kept ${tmp}`);
  return { articles: o.articles, results, ratios: computeRatios(results), notes, machine: m };
}

/** `npm run bench -- --help` */
const BENCH_HELP = `npm run bench -- [--articles N] [--runs R] [--json] [--seed S] [--keep] [--ours-only | --peers-only]
Builds a generated archive with this project, plain Eleventy (+ Pagefind) and Hugo (+ Pagefind)
side by side, runs interleaved; every figure the median of R runs (BENCHMARKS.md).

  --articles N     the archive's size (default 1000)
  --runs R         runs of each row (default 3)
  --json           the report as JSON on stdout (else a table)
  --seed S         the generator's seed
  --keep           keep the temporary folder (its path is printed)
  --ours-only      only this project's rows;  --peers-only: only the peers'
  -h, --help       this text
`;

async function main(): Promise<void> {
  if (process.argv.includes('--help') || process.argv.includes('-h')) {
    process.stdout.write(BENCH_HELP);
    return;
  }
  let o: BenchOptions;
  try {
    o = parseBenchArgs(process.argv.slice(2));
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`${error.message}\nusage: npm run bench -- [--articles N] [--runs R] [--json] [--seed S] [--keep] [--ours-only | --peers-only]\n`);
      process.exit(2);
    }
    throw error;
  }
  const report = await runBench(o, (s) => process.stderr.write(`[bench] ${s}\n`));
  process.stdout.write(o.json ? `${JSON.stringify(report)}\n` : `${formatTable(report)}\n`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
