/**
 * The state an output's last build left in the cache (`.cache/site/<output>/`), owned by one object:
 * the build key and its messages (state.json), each paginated page's data hash (pages.json), every
 * file's hash (manifest.json), the journal of an update in place (journal.json), the search shards'
 * state (search/) and the record cache keys this output read (record-keys.json).
 *
 * What describes the new site (its pages' hashes, its manifest, its search state) is written as
 * `*.next` and moved in with the site (`moveIn`: swapped in, or through the journal): a build that
 * fails or is killed before leaves the state of the site that is still there. With no cache folder
 * (`dir` null) every method does nothing and every read finds nothing.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { Message } from '../archive/load.ts';
import type { PageHashes } from '../site/pageReuse.ts';
import { PENDING, pendingPath, readManifest, swapIn, type SiteManifest, type StagingMode } from '../site/output.ts';
import { finishInterruptedUpdate, updateInPlace } from '../site/siteJournal.ts';
import { readState, sealState, type OnDamaged } from '../stateFile.ts';

/** What the last build of an output was made from, and what it said. */
export interface BuildState {
  key: string;
  articles: number;
  pages: number;
  messages: Message[];
}

const buildStateSchema = z.object({
  key: z.string(), articles: z.number(), pages: z.number(),
  messages: z.array(z.object({ file: z.string(), line: z.number(), column: z.number(), severity: z.enum(['error', 'warning']), message: z.string(), ruleId: z.string() })),
});
const pageHashesSchema: z.ZodType<PageHashes> = z.object({ context: z.string(), pages: z.record(z.string(), z.string()) });
const recordKeysSchema = z.array(z.string());

/** How the staging folder goes in: its paths written and gone, and the search state written beside. */
export interface SiteChanges {
  output: string;
  staging: string;
  trash: string | null;
  mode: StagingMode;
  /** in place: the pages' and the search's changed and gone paths */
  moves?: string[];
  removes?: string[];
  /** the search shards' pending state file, when the index wrote one */
  searchState?: string;
}

export class SiteState {
  private readonly stateFile: string | null;
  private readonly pagesFile: string | null;
  readonly manifestFile: string | null;
  private readonly journalFile: string | null;
  /** where the search index keeps its shards' state */
  readonly searchDir: string | null;

  /** `cacheRoot` null: no state kept */
  constructor(cacheRoot: string | null, output: string, private readonly onDamaged: OnDamaged) {
    const dir = cacheRoot ? SiteState.dirOf(cacheRoot, output) : null;
    const at = (name: string): string | null => (dir ? path.join(dir, name) : null);
    this.dir = dir;
    this.stateFile = at('state.json');
    this.pagesFile = at('pages.json');
    this.manifestFile = at('manifest.json');
    this.journalFile = at('journal.json');
    this.searchDir = at('search');
  }

  readonly dir: string | null;

  /** `.cache/site/<sha1 of the output's path>/` */
  static dirOf(cacheRoot: string, output: string): string {
    return path.join(cacheRoot, 'site', createHash('sha1').update(output).digest('hex').slice(0, 16));
  }

  /**
   * What killed builds left: an update in place that was moving files is finished (one that cannot be
   * is dropped with the site's state, and a whole site is made); state written for a site never put
   * in place is removed.
   */
  async recover(): Promise<void> {
    if (!this.dir || !this.journalFile) return;
    await finishInterruptedUpdate(this.journalFile, this.onDamaged, [this.stateFile!, this.pagesFile!, this.manifestFile!, path.join(this.dir, 'search', 'search-shards.json')]);
    const names = await readdir(this.dir, { recursive: true }).catch(() => [] as string[]);
    await Promise.all(names.filter((n) => n.endsWith(PENDING)).map((n) => rm(path.join(this.dir!, n), { force: true })));
  }

  /** The last build's key, counts and messages; null when unknown. */
  lastBuild(): Promise<BuildState | null> {
    return this.stateFile ? readState(this.stateFile, buildStateSchema, this.onDamaged) : Promise.resolve(null);
  }

  /** The last build's page hashes; null when unknown. */
  lastPages(): Promise<PageHashes | null> {
    return this.pagesFile ? readState(this.pagesFile, pageHashesSchema, this.onDamaged) : Promise.resolve(null);
  }

  /** The last site's manifest (only when the site is there: a path it does not list would never be removed). */
  async lastManifest(output: string): Promise<SiteManifest | null> {
    return this.manifestFile && existsSync(output) ? readManifest(this.manifestFile, this.onDamaged) : null;
  }

  /** Whether the last site's page hashes are known (an update in place needs them). */
  hasPages(): boolean {
    return !!this.pagesFile && existsSync(this.pagesFile);
  }

  /** The new site's page hashes, pending until the site goes in. */
  async stagePages(hashes: PageHashes): Promise<void> {
    if (!this.pagesFile) return;
    await mkdir(path.dirname(this.pagesFile), { recursive: true });
    await writeFile(pendingPath(this.pagesFile), sealState(hashes));
  }

  /**
   * Puts the staging folder in place with the state that describes it: moved over the site from a
   * journal (in place), or swapped in whole; the pending state files move in with it.
   */
  async moveIn(site: SiteChanges): Promise<void> {
    const pending = [
      ...(this.pagesFile && this.manifestFile ? [pendingPath(this.pagesFile), pendingPath(this.manifestFile)] : []),
      ...(site.searchState ? [site.searchState] : []),
    ];
    if (site.mode === 'in place') {
      // a staging folder that holds only the changes must never be swapped in for the site
      if (!this.journalFile || !site.moves || !site.removes) throw new Error('build: an update in place without its state');
      await updateInPlace({ output: site.output, staging: site.staging, trash: site.trash, moves: site.moves, removes: site.removes, pending }, this.journalFile);
    } else {
      await swapIn(site.staging, site.output, site.trash, pending);
    }
  }

  /** The build's key and outcome, written once its site is in place. */
  async commitBuild(state: BuildState): Promise<void> {
    if (!this.stateFile) return;
    await mkdir(path.dirname(this.stateFile), { recursive: true });
    await writeFile(this.stateFile, sealState(state));
  }

  /** The record cache keys this output read, written for the cache's pruning. */
  async saveRecordKeys(keys: readonly string[]): Promise<void> {
    if (!this.dir) return;
    await writeFile(path.join(this.dir, 'record-keys.json'), sealState(keys));
  }

  /** The record cache keys the last build of every output under `cacheRoot` read. */
  static async recordKeysOfAll(cacheRoot: string, onDamaged: OnDamaged): Promise<Set<string>> {
    const statesDir = path.join(cacheRoot, 'site');
    const keep = new Set<string>();
    for (const dir of await readdir(statesDir).catch(() => [] as string[])) {
      const keys = await readState(path.join(statesDir, dir, 'record-keys.json'), recordKeysSchema, onDamaged) ?? [];
      for (const key of keys) keep.add(key);
    }
    return keep;
  }
}
