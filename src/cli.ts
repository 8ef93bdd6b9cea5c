/**
 * archive records FILE…   JSON array of records on stdout, messages on stderr
 * archive check [DIR]     lint an articles folder; exit 1 on any error
 * archive add|list|show   the editor's loop (src/editor/)
 * Exit codes: 0 success, 1 input error, 2 usage error.
 */
import { readFile, stat } from 'node:fs/promises';
import type { Finding } from './parse.ts';
import { ParsePool } from './archive/parsePool.ts';
import { readArticleFile, type ReadArticle } from './archive/readArticleFile.ts';
import { loadArchive } from './archive/load.ts';
import { formatFinding, summary } from './report.ts';
import { parseArgs, UsageError } from './editor/args.ts';
import { addArticle } from './editor/add.ts';
import { runList } from './editor/list.ts';
import { runShow } from './editor/show.ts';
import { processOutput, readAll } from './editor/output.ts';
import { groupStories } from './stories/index.ts';
import type { ArticleRecord } from './record.ts';
import { ConfigError, parserOptions, takeConfigArg, type ArchiveConfig } from './archiveConfig.ts';

const USAGE = `usage:
  npm run -s archive -- records FILE…   print the article records as one JSON array
  npm run -s archive -- check [DIR]     lint an articles folder (default: articles/)
  npm run -s archive -- add [FILE | - | URL] [--date D] [--outlet ID] [--url URL] [--title T]
                        [--strict] [--force] [--no-build] [--dir articles] [--output _site]
                                        add an article (a .txt/.md/.html file, pasted text on stdin,
                                        or a page downloaded from an http(s) URL)
  npm run -s archive -- list [--year Y] [--outlet ID] [--person NAME] [--warnings] [--dir articles]
                                        the archive as a table, newest first
  npm run -s archive -- show ID|SLUG|FILE [--json] [--dir articles]
                                        one record in full
  npm run -s archive -- COMMAND … --config FILE
                                        the archive's config (default archive.config.json)
  npm run -s archive -- [COMMAND] --help
                                        this text`;

/** how many files `records` reads before it parses them (read ahead of the parse, bounded in memory) */
const RECORDS_BATCH = 500;

async function records(files: string[], config: ArchiveConfig): Promise<number> {
  if (files.length === 0) { process.stderr.write(`${USAGE}\n`); return 2; }
  const out = [];
  const findings: Finding[] = [];
  const now = Date.now();
  // every file under the parse budget (time, heap) in worker threads; the first loads the parser meanwhile
  const pool = new ParsePool(files.length, parserOptions(config)).warm();
  try {
    for (let start = 0; start < files.length; start += RECORDS_BATCH) {
      const read = files.slice(start, start + RECORDS_BATCH).map((file): ReadArticle => {
        try {
          const r = readArticleFile(file, file);
          // named on the command line: a file that cannot be read is an error, not a skip
          return 'error' in r ? { error: { ...r.error, severity: 'error' } } : r;
        } catch (error) {
          const code = (error as NodeJS.ErrnoException).code;
          const reason = code === 'ENOENT' ? 'no such file' : `cannot read the file (${code ?? String(error)})`;
          return { error: { file, line: 1, column: 1, severity: 'error', message: reason, ruleId: 'read/io' } };
        }
      });
      const jobs = read.flatMap((r, k) => ('bytes' in r ? [{ rel: files[start + k]!, bytes: r.bytes, now, derive: false }] : []));
      const parsed = await pool.parse(jobs);
      let next = 0;
      for (const r of read) {
        const result = 'error' in r ? { record: null, findings: [r.error] } : parsed[next++]!;
        findings.push(...result.findings);
        if (result.record) out.push(result.record);
      }
    }
  } finally {
    await pool.close();
  }
  for (const f of findings) process.stderr.write(`${formatFinding(f)}\n`);
  process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
  return findings.some((f) => f.severity === 'error') ? 1 : 0;
}

async function check(config: ArchiveConfig, dir = 'articles'): Promise<number> {
  try {
    if (!(await stat(dir)).isDirectory()) throw new Error('not a directory');
  } catch {
    process.stderr.write(`${dir}: not a folder\n${USAGE}\n`);
    return 2;
  }
  const { messages, files, records: loaded } = await loadArchive(dir, { ...parserOptions(config), now: new Date() });
  messages.push(...duplicateFindings(loaded)); // [stories] near-duplicate pairs
  for (const m of messages) process.stdout.write(`${formatFinding(m)}\n`);
  process.stdout.write(`${summary(files.length, messages)}\n`);
  return messages.some((m) => m.severity === 'error') ? 1 : 0;
}

async function add(argv: string[], config: ArchiveConfig): Promise<number> {
  const a = parseArgs(argv, { values: ['date', 'outlet', 'url', 'title', 'dir', 'output'], switches: ['strict', 'force', 'no-build'], maxPositionals: 1 });
  const flags = Object.fromEntries(['title', 'date', 'outlet', 'url'].flatMap((k) => (a.values.has(k) ? [[k, a.values.get(k)!]] : [])));
  const source = a.positionals[0] ?? '-';
  if (source === '-' && process.stdin.isTTY) process.stderr.write('Paste the article, then press Ctrl-D on an empty line.\n');
  return addArticle({
    source, flags,
    strict: a.switches.has('strict'), force: a.switches.has('force'), build: !a.switches.has('no-build'),
    dir: a.values.get('dir') ?? 'articles', output: a.values.get('output') ?? '_site',
    now: new Date(), stdin: () => readAll(process.stdin), config,
  }, processOutput);
}

async function list(argv: string[], config: ArchiveConfig): Promise<number> {
  const a = parseArgs(argv, { values: ['year', 'outlet', 'person', 'dir'], switches: ['warnings'], maxPositionals: 0 });
  const year = a.values.get('year');
  if (year !== undefined && !/^\d{4}$/.test(year)) throw new UsageError('--year needs a year such as 2024');
  return runList(a.values.get('dir') ?? 'articles', {
    ...(year ? { year } : {}),
    ...(a.values.has('outlet') ? { outlet: a.values.get('outlet')! } : {}),
    ...(a.values.has('person') ? { person: a.values.get('person')! } : {}),
    warnings: a.switches.has('warnings'),
  }, processOutput, config.knowledge);
}

async function show(argv: string[], config: ArchiveConfig): Promise<number> {
  const a = parseArgs(argv, { values: ['dir'], switches: ['json'], maxPositionals: 1 });
  const query = a.positionals[0];
  if (!query) throw new UsageError('show needs an id, a slug or a file');
  return runShow(query, { json: a.switches.has('json'), dir: a.values.get('dir') ?? 'articles', knowledge: config.knowledge }, processOutput);
}

// [stories] one warning per near-duplicate pair: the copy, and what it copies
function duplicateFindings(records: readonly ArticleRecord[]): Finding[] {
  const { pairs } = groupStories(records);
  return pairs.map((p) => ({
    file: records[p.a]!.sourceFile,
    line: 1,
    column: 1,
    severity: 'warning' as const,
    message: `near-duplicate of ${records[p.b]!.sourceFile} (similarity ${p.similarity.toFixed(2)})`,
    ruleId: 'archive/duplicate',
  }));
}

const EDITOR_COMMANDS: Record<string, (argv: string[], config: ArchiveConfig) => Promise<number>> = { add, list, show };

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  // `archive --help`, `archive help`, `archive add --help`: the usage of every command, on stdout
  if (command === '--help' || command === '-h' || command === 'help' || rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(`${USAGE}\n\nExit: 0 done (warnings allowed), 1 an input error to fix, 2 a usage error.\n`);
    return 0;
  }
  // --config FILE: the archive's config (default ./archive.config.json); a bad one is one line
  let args: string[];
  let config: ArchiveConfig;
  try {
    ({ rest: args, config } = takeConfigArg(rest));
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    return 1;
  }
  if (command === 'records') return records(args, config);
  if (command === 'check') return args.length > 1 ? (process.stderr.write(`${USAGE}\n`), 2) : check(config, args[0]);
  const editor = command && Object.hasOwn(EDITOR_COMMANDS, command) ? EDITOR_COMMANDS[command] : undefined;
  if (editor) {
    try {
      return await editor(args, config);
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      process.stderr.write(`${error.message}\n${USAGE}\n`);
      return 2;
    }
  }
  process.stderr.write(`${command ? `unknown command "${command}"\n` : ''}${USAGE}\n`);
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (error: unknown) => {
    process.stderr.write(`archive: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
