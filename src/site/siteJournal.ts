/**
 * A rebuild's changes put into the last site in place, through a journal: the changed
 * files and folders (written apart, in a staging folder laid out as the site) are moved
 * over the site's, the paths that are gone are removed, and the state files that describe
 * the new site (pendingPath) take the place of the old ones.
 *
 * The journal is written whole (a temporary file renamed) before the first move, and
 * removed after the last. Every step can be done twice, so a build killed while it
 * applies a journal leaves it behind, and the next build applies it again first
 * (finishInterruptedUpdate): the site and its state are then the killed build's, whole.
 * A build killed before its journal exists leaves the last site as it was.
 */
import { lstat, mkdir, rename, rm, rmdir, writeFile } from 'node:fs/promises';
import { z } from 'zod';
import { readState, sealState, type OnDamaged } from '../stateFile.ts';
import { dirname, join, posix } from 'node:path';
import pMap from 'p-map';
import { IO_CONCURRENCY } from '../concurrency.ts';
import { discard, dropReplacedState, moveStateIn, PENDING } from './output.ts';

export interface SiteUpdate {
  /** the site */
  output: string;
  /** the folder the changed files and folders were written to, laid out as the site */
  staging: string;
  /** paths inside the site ("/" separators) that the staging folder's replace: files, or whole folders */
  moves: string[];
  /** paths inside the site that go: files, or whole folders */
  removes: string[];
  /** the new state files (pendingPath): each replaces the file it is named after */
  pending: string[];
  /** where replaced and removed folders go, for a later build to delete (emptyTrash); null: deleted here */
  trash: string | null;
}

const journalSchema: z.ZodType<SiteUpdate> = z.object({
  output: z.string(), staging: z.string(), moves: z.array(z.string()), removes: z.array(z.string()),
  pending: z.array(z.string()), trash: z.string().nullable(),
});

const errorCode = (error: unknown): string | undefined => (error as NodeJS.ErrnoException).code;

/** The kind of what is at `path`, or null when nothing is. */
async function kindOf(path: string): Promise<'dir' | 'file' | null> {
  try {
    return (await lstat(path)).isDirectory() ? 'dir' : 'file';
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return null;
    throw error;
  }
}

/**
 * A file where a folder of `rel` belongs (a page's folder "nam" made a file by hand or by another
 * tool) is removed: the site is ours, and the move could never be done while it is there.
 */
async function clearFileAncestors(site: string, rel: string): Promise<void> {
  for (const dir of foldersOf(rel).reverse()) {
    if ((await kindOf(join(site, dir))) === 'file') await rm(join(site, dir), { force: true });
  }
}

/** The folders that hold `rel` ("a/b/index.html" → "a/b", "a"), deepest first. */
function foldersOf(rel: string): string[] {
  const out: string[] = [];
  for (let dir = posix.dirname(rel); dir !== '.' && dir !== '/'; dir = posix.dirname(dir)) out.push(dir);
  return out;
}

/** Removes the folders of the site that the removals left empty, deepest first (one not empty stays). */
async function removeEmptyFolders(site: string, removed: readonly string[]): Promise<void> {
  const folders = [...new Set(removed.flatMap(foldersOf))].sort((a, b) => b.split('/').length - a.split('/').length || (a < b ? -1 : 1));
  for (const dir of folders) await rmdir(join(site, dir)).catch(() => {});
}

/**
 * Runs `step` on every item, many at a time; a failure is thrown only once no step is left
 * running, so that a failed update is left in a definite state for the next build to finish.
 */
async function eachStep(items: readonly string[], step: (item: string) => Promise<void>): Promise<void> {
  try {
    await pMap(items, step, { concurrency: IO_CONCURRENCY, stopOnError: false });
  } catch (error) {
    throw error instanceof AggregateError && error.errors.length ? error.errors[0] : error;
  }
}

/**
 * Applies an update; when `replay` (the journal of a killed build), each step is skipped when it
 * was done already. A staged file that is missing is never taken as moved unless the journal is
 * replayed and the file is in the site: anything else means something else removed the staging
 * folder, and the update stops with an error rather than leave the site without those files.
 */
async function apply(update: SiteUpdate, replay: boolean): Promise<void> {
  const { output, staging, trash } = update;
  // the old state goes first: killed in the middle, the state that is left is the new one or none
  await dropReplacedState(update.pending);
  await eachStep(update.moves, async (rel) => {
    const from = join(staging, rel);
    const to = join(output, rel);
    await clearFileAncestors(output, rel);
    if (!(await kindOf(from))) {
      // moved already, by the build that was killed
      if (replay && (await kindOf(to))) return;
      throw new Error(`the staged ${rel} is missing from ${staging} (removed by another process?); build again`);
    }
    // a file is replaced by the rename itself; a folder must be out of the way first
    if ((await kindOf(to)) === 'dir') await discard(to, trash, 'replaced');
    await mkdir(dirname(to), { recursive: true });
    await rename(from, to);
  });
  await eachStep(update.removes, async (rel) => {
    const path = join(output, rel);
    const kind = await kindOf(path);
    if (kind === 'dir') await discard(path, trash, 'replaced');
    else if (kind === 'file') await rm(path, { force: true });
  });
  // after all of them: two removals in one folder must not race for it
  await removeEmptyFolders(output, update.removes);
  await moveStateIn(update.pending);
  // what is left of the staging folder is its empty folders
  await rm(staging, { recursive: true, force: true });
}

/** Puts `update` into its site through the journal `journalFile`. */
export async function updateInPlace(update: SiteUpdate, journalFile: string): Promise<void> {
  await mkdir(dirname(journalFile), { recursive: true });
  await writeFile(`${journalFile}.tmp`, sealState(update));
  await rename(`${journalFile}.tmp`, journalFile);
  await apply(update, false);
  await rm(journalFile, { force: true });
}

/**
 * Completes the update a killed build left in `journalFile`, if any. True when there was one.
 * A journal that is damaged, or that cannot be finished, is dropped with every state file it
 * names and `alsoDrop` (the state of the site, which may then be half updated): the build is
 * told (onDamaged) and, trusting no state, makes a whole site.
 */
export async function finishInterruptedUpdate(journalFile: string, onDamaged: OnDamaged = () => {}, alsoDrop: readonly string[] = []): Promise<boolean> {
  if (!(await kindOf(journalFile))) return false;
  const update = await readState(journalFile, journalSchema, onDamaged);
  const dropAll = async (pending: readonly string[]): Promise<void> => {
    await Promise.all([...pending, ...alsoDrop].flatMap((file) => [rm(file, { force: true }), rm(file.endsWith(PENDING) ? file.slice(0, -PENDING.length) : pendingFileOf(file), { force: true })]));
  };
  if (!update) {
    await dropAll([]);
  } else if (await kindOf(update.staging)) {
    try {
      await apply(update, true);
    } catch (error) {
      onDamaged(journalFile, `the interrupted update cannot be finished (${(error as Error).message}); a whole site is made instead`);
      await dropAll(update.pending);
    }
  } else {
    // The staging folder is gone: this journal was done to its end (killed just before it was
    // removed), or another build (one without this cache) has replaced the site and removed the
    // folder. Either way its state files may not describe the site: none is trusted, and the next
    // build makes a whole site.
    await dropAll(update.pending);
  }
  await rm(journalFile, { force: true });
  return true;
}

const pendingFileOf = (file: string): string => `${file}${PENDING}`;
