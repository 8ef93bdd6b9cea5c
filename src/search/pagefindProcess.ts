/**
 * How the build runs Pagefind's binary: through src/search/pagefindGuard.mjs, which keeps its
 * stderr in a file and dies with the build (see there). `pagefindFailure` turns what it wrote
 * into one line for the user: "search index: disk full (ENOSPC)", never a backtrace.
 */
import { createRequire } from 'node:module';
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Pagefind's own binary, as its Node API finds it (null when it cannot be found here: Pagefind is then run as it is). */
function realBinary(): string | null {
  const require = createRequire(import.meta.url);
  for (const name of ['pagefind_extended', 'pagefind']) {
    try {
      return require.resolve(`@pagefind/${process.platform}-${process.arch}/bin/${name}`);
    } catch {
      // the other name
    }
  }
  return null;
}

/**
 * Points Pagefind's Node API at the guard, in this thread's environment (the search worker's).
 * TIN_PAGEFIND_REAL already set (tests) names the binary the guard runs. Returns the stderr file.
 */
export function guardPagefind(log: string, env: NodeJS.ProcessEnv = process.env): void {
  const real = env.TIN_PAGEFIND_REAL ?? realBinary();
  if (!real) return;
  env.TIN_PAGEFIND_REAL = real;
  env.TIN_PAGEFIND_STDERR = log;
  env.PAGEFIND_EXTENDED_BINARY_PATH = fileURLToPath(new URL('./pagefindGuard.mjs', import.meta.url));
}

/** A new file for Pagefind's stderr. */
export const pagefindLogPath = (): string => path.join(tmpdir(), `tin-pagefind-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}.log`);

/** What Pagefind said on stderr, as one line; null when it said nothing of note. */
export function pagefindFailure(stderr: string): string | null {
  if (/No space left on device|os error 28|ENOSPC/iu.test(stderr)) return 'search index: disk full (ENOSPC)';
  if (/Permission denied|os error 13|EACCES/iu.test(stderr)) return 'search index: permission denied writing the index (EACCES)';
  const panic = /panicked at [^\n]*\n([^\n]+)/u.exec(stderr);
  if (panic) return `search index: Pagefind failed (${panic[1]!.trim().slice(0, 160)})`;
  const first = stderr.split('\n').find((l) => l.trim());
  return first ? `search index: Pagefind failed (${first.trim().slice(0, 160)})` : null;
}

/** Reads and removes the stderr file. */
export function takeLog(log: string | null): string {
  if (!log) return '';
  try {
    return readFileSync(log, 'utf8');
  } catch {
    return '';
  } finally {
    rmSync(log, { force: true });
  }
}
