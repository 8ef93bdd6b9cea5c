/**
 * Writes a built site into a staging folder, so that a build that fails or is killed
 * midway leaves the previous site whole. Two ways to put it in place:
 *
 * - "swap" (a first or forced build): the staging folder is a whole site, swapped in
 *   for the last one (swapIn). A file whose bytes did not change since the last build
 *   is hard-linked from it instead of written again.
 * - "in place" (a rebuild over a last site whose state is known): the staging folder
 *   holds only the files that changed; they are moved over the last site's, and the
 *   files that are gone are removed, from a journal (src/site/siteJournal.ts). A
 *   rebuild after one new article touches a few hundred files, not the site's 16,000.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { copyFile, link, mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import pMap from 'p-map';
import { z } from 'zod';
import { IO_CONCURRENCY } from '../concurrency.ts';
import { readState, sealState, type OnDamaged } from '../stateFile.ts';

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
  /** files the last site already had with the same bytes: linked from it ("swap"), or left where they are ("in place") */
  reused: number;
  /** in place: the paths written into the staging folder, to move over the site's */
  changed: string[];
  /** in place: the paths of the last site that this one no longer has */
  gone: string[];
}

/** How the staging folder becomes the site: see the top of this module. */
export type StagingMode = 'swap' | 'in place';

export const manifestSchema: z.ZodType<SiteManifest> = z.record(z.string(), z.string());

/** The last build's manifest; null when there is none or it is damaged (onDamaged is told). */
export async function readManifest(file: string, onDamaged: OnDamaged = () => {}): Promise<SiteManifest | null> {
  return readState(file, manifestSchema, onDamaged);
}

function checkInside(paths: readonly string[]): void {
  for (const path of paths) {
    if (path.split('/').some((part) => part === '..' || part === '')) throw new Error(`refusing to write outside the site: ${path}`);
  }
}

/**
 * Writes a site into `staging` in as many batches as the build renders: each file is
 * written, or, when the last build wrote the same bytes (the manifest says), linked from
 * `previous` ("swap") or left there ("in place"); `keep` does the same for pages that were
 * not rendered this time. `close()` saves the manifest for the next build.
 */
export class StagingWriter {
  written = 0;
  reused = 0;
  private readonly manifest: SiteManifest = {};
  private readonly dirs = new Set<string>();
  private readonly changed: string[] = [];

  private constructor(
    private readonly staging: string, private readonly previous: string,
    private readonly manifestFile: string | null, private readonly before: SiteManifest,
    private readonly mode: StagingMode,
  ) {}

  /** `lastManifest`: the last site's manifest when the caller has read it already (else it is read here) */
  static async open(staging: string, previous: string, manifestFile: string | null, mode: StagingMode = 'swap', lastManifest?: SiteManifest | null): Promise<StagingWriter> {
    const before = lastManifest !== undefined ? lastManifest : manifestFile ? await readManifest(manifestFile) : null;
    // in place, every path of the last site must be known (a path it does not list would stay for ever)
    if (mode === 'in place' && !before) throw new Error('an update in place needs the last site\'s manifest');
    return new StagingWriter(staging, previous, manifestFile, before ?? {}, mode);
  }

  /** Every folder first (parents before children), many at a time. */
  private async makeDirs(paths: readonly string[]): Promise<void> {
    const dirs = [...new Set(paths.map((p) => dirname(join(this.staging, p))))].filter((d) => !this.dirs.has(d)).sort();
    await pMap(dirs, (dir) => mkdir(dir, { recursive: true }), { concurrency: IO_CONCURRENCY });
    for (const d of dirs) this.dirs.add(d);
  }

  /** Writes (or links or leaves, when unchanged) these files; many at a time, since the file system's latency is the cost. */
  async write(files: readonly OutputFile[]): Promise<void> {
    checkInside(files.map((f) => f.path));
    // encoded once, for the hash and the file, and all of a batch at once: the buffers' memory
    // outside the heap makes V8 collect the render's garbage sooner (a cold build of 10,000
    // articles peaked at 1.43 GB so, and at 1.82 GB with each file encoded as it was written)
    const encoded = files.map((f) => {
      const bytes = typeof f.content === 'string' ? Buffer.from(f.content) : f.content;
      const hash = contentHash(bytes);
      this.manifest[f.path] = hash;
      return { path: f.path, bytes, same: this.before[f.path] === hash };
    });
    const toWrite = this.mode === 'in place'
      ? encoded.filter((f) => !(f.same && existsSync(join(this.previous, f.path))))
      : encoded;
    this.reused += encoded.length - toWrite.length;
    await this.makeDirs(toWrite.map((f) => f.path));
    await pMap(toWrite, async (f) => {
      const target = join(this.staging, f.path);
      if (this.mode === 'in place') this.changed.push(f.path);
      else if (f.same) {
        try {
          await link(join(this.previous, f.path), target);
          this.reused++;
          return;
        } catch {
          // not there, or another file system: write it
        }
      }
      await writeFile(target, f.bytes);
      this.written++;
    }, { concurrency: IO_CONCURRENCY });
  }

  /** Keeps these paths of the last site as they are (pages not rendered this time): linked ("swap") or left there ("in place"). */
  async keep(paths: readonly string[]): Promise<void> {
    checkInside(paths);
    for (const path of paths) this.manifest[path] = this.before[path] ?? '';
    if (this.mode === 'in place') {
      this.reused += paths.length;
      return;
    }
    await this.makeDirs(paths);
    await pMap(paths, async (path) => {
      try {
        await link(join(this.previous, path), join(this.staging, path));
      } catch {
        await copyFile(join(this.previous, path), join(this.staging, path)).catch((error: NodeJS.ErrnoException) => {
          throw new Error(`${path} left the last site during the build (${error.code ?? error.message}); build again with --force`);
        });
      }
      this.reused++;
    }, { concurrency: IO_CONCURRENCY });
  }

  /** Saves the manifest (sorted, so it does not depend on the order of the batches). */
  async close(): Promise<WriteResult> {
    const manifest = Object.fromEntries(Object.entries(this.manifest).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    if (this.manifestFile) {
      await mkdir(dirname(this.manifestFile), { recursive: true });
      // the last site's manifest stays until this site replaces it (see pendingPath)
      await writeFile(pendingPath(this.manifestFile), sealState(manifest));
    }
    const gone = this.mode === 'in place' ? Object.keys(this.before).filter((path) => !(path in this.manifest)).sort() : [];
    return { written: this.written, reused: this.reused, changed: [...this.changed].sort(), gone };
  }
}

/**
 * Where a build writes a state file that describes the site it is making (the page hashes, the manifest, the
 * search shards' state): beside the file that describes the last site, which a failed or killed
 * build thus leaves as it was. They replace the last ones with the site (swapIn, or an update in
 * place, src/site/siteJournal.ts), so a state file never describes a site that is not the one in place.
 */
export const PENDING = '.next';
export const pendingPath = (file: string): string => `${file}${PENDING}`;

/**
 * The state files of the last site that `pending` replace go first: killed after this, the next
 * build finds no state, and trusts nothing of the last one. A pending file already moved in (a
 * killed update done again) is left alone.
 */
export async function dropReplacedState(pending: readonly string[]): Promise<void> {
  await Promise.all(pending.map(async (file) => {
    if (existsSync(file)) await rm(file.slice(0, -PENDING.length), { force: true });
  }));
}

/** Moves the pending state files in, once the site they describe is in place. */
export async function moveStateIn(pending: readonly string[]): Promise<void> {
  for (const file of pending) if (existsSync(file)) await rename(file, file.slice(0, -PENDING.length));
}

let discarded = 0;
/**
 * Takes a folder out of the site: moved to `trash` (one rename; the next build deletes it while it
 * parses and renders, emptyTrash), or deleted here when there is none or it is on another file system.
 */
export async function discard(dir: string, trash: string | null | undefined, kind: 'site' | 'replaced'): Promise<void> {
  if (trash) {
    try {
      await mkdir(trash, { recursive: true });
      await rename(dir, join(trash, `${kind}-${process.pid}-${Date.now()}-${++discarded}`));
      return;
    } catch {
      // another file system: removed here
    }
  }
  await rm(dir, { recursive: true, force: true });
}

/**
 * Puts the staging folder in place of the output, and the `pending` state files (see pendingPath)
 * in place of the last ones. The old site goes to `trash` (discard), so a rebuild does not wait
 * for thousands of unlinks at its end.
 */
export async function swapIn(staging: string, output: string, trash: string | null | undefined, pending: readonly string[]): Promise<void> {
  const old = `${output}.old-${process.pid}`;
  const had = await stat(output).then(() => true, () => false);
  await dropReplacedState(pending);
  if (had) await rename(output, old);
  await rename(staging, output);
  await moveStateIn(pending);
  if (had) await discard(old, trash, 'site');
}

/** Removes what earlier builds moved to `trash`. */
export async function emptyTrash(trash: string): Promise<void> {
  const names = await readdir(trash).catch(() => [] as string[]);
  await Promise.all(names.map((name) => rm(join(trash, name), { recursive: true, force: true })));
}
