/**
 * Writes a built site into a fresh folder and swaps it in, so that a build that
 * fails or is killed midway leaves the previous site whole. A page whose bytes
 * did not change since the last build is hard-linked from the previous site
 * instead of written again: a rebuild after one new article writes a few files.
 */
import { createHash } from 'node:crypto';
import { copyFile, link, mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import pMap from 'p-map';
import { IO_CONCURRENCY } from '../concurrency.ts';

export interface OutputFile {
  /** path inside the site, with "/" separators: "bai-viet/x/index.html" */
  path: string;
  content: string | Uint8Array;
}

/** what the last build wrote: path → content hash; kept beside the site */
export type SiteManifest = Record<string, string>;

const contentHash = (content: string | Uint8Array): string => createHash('sha1').update(content).digest('hex');

export interface WriteResult {
  written: number;
  linked: number;
  manifest: SiteManifest;
}

async function readManifest(file: string): Promise<SiteManifest> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as SiteManifest;
  } catch {
    return {};
  }
}

const outside = (path: string): boolean => path.split('/').some((part) => part === '..' || part === '');

/**
 * Writes `files` into `staging`, linking unchanged ones from `previous`, and links
 * the `keep` paths (pages not rendered this time) from `previous` as they are.
 * `manifestFile` remembers the hashes for the next build.
 */
export async function writeStaging(
  files: readonly OutputFile[], staging: string, previous: string, manifestFile: string | null, keep: readonly string[] = [],
): Promise<WriteResult> {
  const before = manifestFile ? await readManifest(manifestFile) : {};
  const manifest: SiteManifest = {};
  for (const path of [...files.map((f) => f.path), ...keep]) {
    if (outside(path)) throw new Error(`refusing to write outside the site: ${path}`);
  }
  // Every folder first (parents before children), then the files, many at a time: the
  // file system's latency, not the CPU, is what a rebuild of thousands of pages waits for.
  const dirs = [...new Set([...files.map((f) => f.path), ...keep].map((p) => dirname(join(staging, p))))].sort();
  await pMap(dirs, (dir) => mkdir(dir, { recursive: true }), { concurrency: IO_CONCURRENCY });
  let written = 0;
  let linked = 0;
  await pMap(files, async (f) => {
    const target = join(staging, f.path);
    const hash = contentHash(f.content);
    manifest[f.path] = hash;
    if (before[f.path] === hash) {
      try {
        await link(join(previous, f.path), target);
        linked++;
        return;
      } catch {
        // not there, or another file system: write it
      }
    }
    await writeFile(target, f.content);
    written++;
  }, { concurrency: IO_CONCURRENCY });
  for (const path of keep) manifest[path] = before[path] ?? '';
  await pMap(keep, async (path) => {
    try {
      await link(join(previous, path), join(staging, path));
    } catch {
      await copyFile(join(previous, path), join(staging, path)).catch((error: NodeJS.ErrnoException) => {
        throw new Error(`${path} left the last site during the build (${error.code ?? error.message}); build again with --force`);
      });
    }
    linked++;
  }, { concurrency: IO_CONCURRENCY });
  if (manifestFile) {
    await mkdir(dirname(manifestFile), { recursive: true });
    await writeFile(manifestFile, JSON.stringify(manifest));
  }
  return { written, linked, manifest };
}

/** Copies a file into the staging site (fonts, CSS): copied, never linked, so the site never shares an inode with the sources. */
export async function copyInto(from: string, to: string): Promise<void> {
  await mkdir(dirname(to), { recursive: true });
  await copyFile(from, to);
}

/** Puts the staging folder in place of the output; the old site is removed only after. */
export async function swapIn(staging: string, output: string): Promise<void> {
  const old = `${output}.old-${process.pid}`;
  const had = await stat(output).then(() => true, () => false);
  if (had) await rename(output, old);
  await rename(staging, output);
  if (had) await rm(old, { recursive: true, force: true });
}
