/**
 * archive records FILE…   JSON array of records on stdout, messages on stderr
 * archive check [DIR]     lint an articles folder; exit 1 on any error
 * Exit codes: 0 success, 1 input error, 2 usage error.
 */
import { readFile, stat } from 'node:fs/promises';
import { parseArticle, type Finding } from './parse.ts';
import { loadArchive } from './archive/load.ts';
import { formatFinding, summary } from './report.ts';

const USAGE = `usage:
  npm run -s archive -- records FILE…   print the article records as one JSON array
  npm run -s archive -- check [DIR]     lint an articles folder (default: articles/)`;

async function records(files: string[]): Promise<number> {
  if (files.length === 0) { process.stderr.write(`${USAGE}\n`); return 2; }
  const out = [];
  const findings: Finding[] = [];
  const now = new Date();
  for (const file of files) {
    try {
      const s = await stat(file);
      if (s.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
      const result = parseArticle({ sourceFile: file, bytes: await readFile(file), now });
      findings.push(...result.findings);
      if (result.record) out.push(result.record);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory, not a file' : `cannot read the file (${code ?? String(error)})`;
      findings.push({ file, line: 1, column: 1, severity: 'error', message: reason, ruleId: 'read/io' });
    }
  }
  for (const f of findings) process.stderr.write(`${formatFinding(f)}\n`);
  process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
  return findings.some((f) => f.severity === 'error') ? 1 : 0;
}

async function check(dir = 'articles'): Promise<number> {
  try {
    if (!(await stat(dir)).isDirectory()) throw new Error('not a directory');
  } catch {
    process.stderr.write(`${dir}: not a folder\n${USAGE}\n`);
    return 2;
  }
  const { messages, files } = await loadArchive(dir, { now: new Date() });
  for (const m of messages) process.stdout.write(`${formatFinding(m)}\n`);
  process.stdout.write(`${summary(files.length, messages)}\n`);
  return messages.some((m) => m.severity === 'error') ? 1 : 0;
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === 'records') return records(rest);
  if (command === 'check') return rest.length > 1 ? (process.stderr.write(`${USAGE}\n`), 2) : check(rest[0]);
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
