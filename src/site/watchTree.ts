/**
 * Watches folder trees for `npm run serve`: one non-recursive watcher per folder, never one per
 * file. A folder's watcher sees every change of its entries by name, so a file replaced by a
 * rename (`sed -i`, editors that save atomically, `git checkout`) is seen like an edit; a folder
 * created later is watched from its creation on, and a removed one is let go.
 * (Node's recursive fs.watch on Linux follows files, and loses one once it is replaced.)
 */
import { readdirSync, statSync, watch, type FSWatcher } from 'node:fs';
import path from 'node:path';

export interface TreeWatcher {
  /** the folders watched now */
  folders(): string[];
  close(): void;
}

/**
 * Calls `onChange(path)` for every change under `roots` (the path is the entry that changed, as
 * far as the system says). `onError(message)` for a root that cannot be watched.
 */
export function watchTree(roots: readonly string[], onChange: (changed: string) => void, onError: (message: string) => void = () => {}): TreeWatcher {
  const watchers = new Map<string, FSWatcher>();
  let closed = false;

  const unwatch = (dir: string): void => {
    for (const [d, w] of watchers) {
      if (d === dir || d.startsWith(`${dir}${path.sep}`)) {
        w.close();
        watchers.delete(d);
      }
    }
  };

  const isDir = (p: string): boolean => statSync(p, { throwIfNoEntry: false })?.isDirectory() ?? false;

  const watchDir = (dir: string): void => {
    if (closed || watchers.has(dir)) return;
    let w: FSWatcher;
    try {
      w = watch(dir, (_event, name) => {
        const changed = name ? path.join(dir, name.toString()) : dir;
        if (name) {
          // a folder created (or moved in) is watched; a folder gone is let go
          if (isDir(changed)) watchDir(changed);
          else if (watchers.has(changed)) unwatch(changed);
        }
        onChange(changed);
      });
    } catch (error) {
      if (roots.includes(dir)) onError(`cannot watch ${dir}: ${(error as Error).message}`);
      return;
    }
    w.on('error', () => unwatch(dir));
    watchers.set(dir, w);
    let entries: string[] = [];
    try {
      entries = readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
    } catch {
      // gone meanwhile: its parent's watcher reports it
    }
    for (const name of entries) watchDir(path.join(dir, name));
  };

  for (const root of roots) watchDir(path.resolve(root));
  return {
    folders: () => [...watchers.keys()].sort(),
    close() {
      closed = true;
      for (const w of watchers.values()) w.close();
      watchers.clear();
    },
  };
}
