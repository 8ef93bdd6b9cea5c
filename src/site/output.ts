/**
 * Writes a built site into a fresh folder and swaps it in, so that a build that
 * fails or is killed midway leaves the previous site whole. A page whose bytes
 * did not change since the last build is hard-linked from the previous site
 * instead of written again: a rebuild after one new article writes a few files.
 */
import { createHash } from 'node:crypto';
import { copyFile, link, mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
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
 * Writes a site into `staging` in as many batches as the build renders: each file is
 * written, or linked from `previous` when the last build wrote the same bytes (the
 * manifest says); `keep` links pages that were not rendered this time as they are.
 * `close()` saves the manifest for the next build.
 */
export class StagingWriter {
  written = 0;
  linked = 0;
  private readonly manifest: SiteManifest = {};
  private readonly dirs = new Set<string>();

  private constructor(
    private readonly staging: string, private readonly previous: string,
    private readonly manifestFile: string | null, private readonly before: SiteManifest,
  ) {}

  static async open(staging: string, previous: string, manifestFile: string | null): Promise<StagingWriter> {
    return new StagingWriter(staging, previous, manifestFile, manifestFile ? await readManifest(manifestFile) : {});
  }

  /** Every folder first (parents before children), many at a time. */
  private async makeDirs(paths: readonly string[]): Promise<void> {
    for (const path of paths) if (outside(path)) throw new Error(`refusing to write outside the site: ${path}`);
    const dirs = [...new Set(paths.map((p) => dirname(join(this.staging, p))))].filter((d) => !this.dirs.has(d)).sort();
    await pMap(dirs, (dir) => mkdir(dir, { recursive: true }), { concurrency: IO_CONCURRENCY });
    for (const d of dirs) this.dirs.add(d);
  }

  /** Writes (or links, when unchanged) these files; many at a time, since the file system's latency is the cost. */
  async write(files: readonly OutputFile[]): Promise<void> {
    await this.makeDirs(files.map((f) => f.path));
    await pMap(files, async (f) => {
      const target = join(this.staging, f.path);
      // encoded once, for the hash and the file
      const bytes = typeof f.content === 'string' ? Buffer.from(f.content) : f.content;
      const hash = contentHash(bytes);
      this.manifest[f.path] = hash;
      if (this.before[f.path] === hash) {
        try {
          await link(join(this.previous, f.path), target);
          this.linked++;
          return;
        } catch {
          // not there, or another file system: write it
        }
      }
      await writeFile(target, bytes);
      this.written++;
    }, { concurrency: IO_CONCURRENCY });
  }

  /** Links these paths from the last site as they are (pages not rendered this time). */
  async keep(paths: readonly string[]): Promise<void> {
    await this.makeDirs(paths);
    for (const path of paths) this.manifest[path] = this.before[path] ?? '';
    await pMap(paths, async (path) => {
      try {
        await link(join(this.previous, path), join(this.staging, path));
      } catch {
        await copyFile(join(this.previous, path), join(this.staging, path)).catch((error: NodeJS.ErrnoException) => {
          throw new Error(`${path} left the last site during the build (${error.code ?? error.message}); build again with --force`);
        });
      }
      this.linked++;
    }, { concurrency: IO_CONCURRENCY });
  }

  /** Saves the manifest (sorted, so it does not depend on the order of the batches). */
  async close(): Promise<WriteResult> {
    const manifest = Object.fromEntries(Object.entries(this.manifest).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    if (this.manifestFile) {
      await mkdir(dirname(this.manifestFile), { recursive: true });
      // the last site's manifest stays until this site replaces it (see pendingPath)
      await writeFile(pendingPath(this.manifestFile), JSON.stringify(manifest));
    }
    return { written: this.written, linked: this.linked };
  }
}

/**
 * Where a build writes a state file that describes the site it is making (the page hashes, the manifest, the
 * search shards' state): beside the file that describes the last site, which a failed or killed
 * build thus leaves as it was. swapIn() removes the last ones before the swap and moves these in
 * after it, so a state file never describes a site that is not the one in place.
 */
export const pendingPath = (file: string): string => `${file}${PENDING}`;
const PENDING = '.next';

/** Copies a file into the staging site (fonts, CSS): copied, never linked, so the site never shares an inode with the sources. */
export async function copyInto(from: string, to: string): Promise<void> {
  await mkdir(dirname(to), { recursive: true });
  await copyFile(from, to);
}

/**
 * Puts the staging folder in place of the output. The old site is removed after; with a
 * `trash` folder (in the cache, on the same file system) it is only moved there, and the
 * next build removes it while it parses and renders (emptyTrash), so a rebuild does not
 * wait for thousands of unlinks at its end.
 */
export async function swapIn(staging: string, output: string, trash?: string | null, stateFolders: readonly string[] = []): Promise<void> {
  const old = `${output}.old-${process.pid}`;
  const had = await stat(output).then(() => true, () => false);
  // the state files this build wrote (see pendingPath); killed between here and their move, the
  // next build finds none, and trusts nothing of the last one
  const pending = (await Promise.all(stateFolders.map(async (dir) => (await readdir(dir).catch(() => [] as string[]))
    .filter((name) => name.endsWith(PENDING)).map((name) => join(dir, name))))).flat();
  for (const file of pending) await rm(file.slice(0, -PENDING.length), { force: true });
  if (had) await rename(output, old);
  await rename(staging, output);
  for (const file of pending) await rename(file, file.slice(0, -PENDING.length));
  if (!had) return;
  if (trash) {
    try {
      await mkdir(trash, { recursive: true });
      await rename(old, join(trash, `site-${process.pid}-${Date.now()}`));
      return;
    } catch {
      // another file system: removed here
    }
  }
  await rm(old, { recursive: true, force: true });
}

/** Removes what earlier builds moved to `trash`. */
export async function emptyTrash(trash: string): Promise<void> {
  const names = await readdir(trash).catch(() => [] as string[]);
  await Promise.all(names.map((name) => rm(join(trash, name), { recursive: true, force: true })));
}
