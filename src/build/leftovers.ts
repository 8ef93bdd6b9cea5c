/** What killed builds left beside an output. */
import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { processAlive } from '../lock.ts';

/**
 * Folders that a killed build left beside the output ("_site.building-123", "_site.old-123"):
 * only those of a process that is dead (the output's lock is held, so a live one is not a build of it).
 */
export async function removeLeftovers(output: string): Promise<void> {
  const dir = path.dirname(output);
  const base = path.basename(output);
  const names = await readdir(dir).catch(() => [] as string[]);
  for (const name of names) {
    const m = /^\.(?:building|old)-(\d+)$/u.exec(name.slice(base.length));
    if (!name.startsWith(base) || !m) continue;
    const pid = Number(m[1]);
    if (pid !== process.pid && processAlive(pid)) continue;
    await rm(path.join(dir, name), { recursive: true, force: true });
  }
}
