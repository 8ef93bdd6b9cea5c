/**
 * The heap a large archive's build is given. V8 lets a heap grow to several times what is
 * live before it collects in earnest, up to its default limit (about 4 GB on a 64-bit
 * machine with 16 GB or more). A 100,000-article build has at most 1.75 GB live (when the
 * records are read and not yet folded), and its heap still took the whole 4 GB: 5.3 GB for
 * the process tree. So a build of LARGE_ARCHIVE articles or more runs in a child process
 * whose old space is sized to the archive: MB_PER_1000 per thousand articles (1.4 times
 * that most), never under FLOOR_MB. This bounds the memory and, past about 170,000
 * articles, raises V8's default, which such an archive would otherwise run out of. Smaller
 * archives keep the default: their heap stays far below it, and a tighter limit only costs
 * collections.
 */
import { spawnSync } from 'node:child_process';
import { opendirSync } from 'node:fs';
import { join } from 'node:path';
import { ARTICLE_FILE_RE, isHidden } from './archive/articleFile.ts';

export const LARGE_ARCHIVE = 40_000;
const MB_PER_1000 = 24;
const FLOOR_MB = 1536;
/** set in the child, so that it does not size its heap again */
export const SIZED_HEAP_ENV = 'ARCHIVE_SIZED_HEAP';

/** The old-space size in MB for a build of `articles` articles; null: V8's default. Pure. */
export function heapLimitMb(articles: number): number | null {
  if (articles < LARGE_ARCHIVE) return null;
  return Math.max(FLOOR_MB, Math.ceil((articles * MB_PER_1000) / 1000));
}

/**
 * The node arguments to build again with a sized heap, or null to build in this process:
 * for a small archive, in the child already, or when the heap was sized by hand.
 */
export function sizedHeapArgs(execArgv: readonly string[], env: NodeJS.ProcessEnv, articles: number): string[] | null {
  const limit = heapLimitMb(articles);
  if (limit === null || env[SIZED_HEAP_ENV] || execArgv.some((a) => a.startsWith('--max-old-space-size'))) return null;
  return [`--max-old-space-size=${limit}`, ...execArgv];
}

/**
 * How many article files are under `dir`, roughly as the build lists them (a sizing, not the
 * list): this runs before the build's own modules are loaded, so that the process that waits
 * for the child stays small. 0 when the folder cannot be read (the build then says why).
 */
export function countArticleFiles(dir: string): number {
  // one entry at a time: a list of 100,000 names would grow this process by 40 MB
  const walk = (folder: string): number => {
    const entries = opendirSync(folder);
    let count = 0;
    try {
      for (let e = entries.readSync(); e; e = entries.readSync()) {
        if (isHidden(e.name)) continue;
        if (e.isDirectory()) count += walk(join(folder, e.name));
        else if (ARTICLE_FILE_RE.test(e.name)) count++;
      }
    } finally {
      entries.closeSync();
    }
    return count;
  };
  try {
    return walk(dir);
  } catch {
    return 0;
  }
}

/**
 * Runs this same command again in a child with the heap sized for `articles`, and returns
 * its exit code; null when this process should build itself (see sizedHeapArgs).
 */
export function buildInSizedHeap(articles: number): number | null {
  const args = sizedHeapArgs(process.execArgv, process.env, articles);
  if (!args) return null;
  const child = spawnSync(process.execPath, [...args, ...process.argv.slice(1)], {
    stdio: 'inherit',
    env: { ...process.env, [SIZED_HEAP_ENV]: String(heapLimitMb(articles)) },
  });
  if (child.error) throw child.error;
  return child.status ?? 1;
}
