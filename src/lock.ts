/**
 * One process at a time on a folder (a site, a cache, an articles folder): a lock file
 * created whole and atomically (`wx`) holding who holds it (pid, host, start time, what
 * it does). A second process waits a bounded time, then says who holds it. A lock whose
 * process is dead (same host, no such pid) is stale and taken over; the takeover itself
 * is serialised by a folder created beside it (mkdir is atomic too), so two processes
 * never both take over one stale lock.
 */
import { hostname } from 'node:os';
import { mkdir, readFile, rmdir, stat, unlink, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';

const holderSchema = z.object({ pid: z.number().int(), host: z.string(), started: z.string(), what: z.string() });
export type LockHolder = z.infer<typeof holderSchema>;

/** Thrown when the lock is still held after the wait: one line saying by whom. */
export class LockBusy extends Error {}

export interface LockOptions {
  /** what this process does ("build of _site"), for the message another one prints */
  what: string;
  /** how long to wait for the holder to finish (ms); 0: fail at once */
  waitMs?: number;
  /** called once when the wait starts, with the holder */
  onWait?: (holder: LockHolder) => void;
  /** between two looks (ms) */
  pollMs?: number;
}

/** The process is alive (kill 0 checks without sending a signal; EPERM: alive, not ours). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function readHolder(file: string): Promise<LockHolder | null | 'gone'> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'gone';
    throw error;
  }
  try {
    return holderSchema.parse(JSON.parse(text));
  } catch {
    // being written (wx creates it empty for an instant), or garbage
    return null;
  }
}

/** A holder that can be checked (this host) and is dead. */
const isStale = (h: LockHolder): boolean => h.host === hostname() && h.pid !== process.pid && !processAlive(h.pid);

export const describeHolder = (h: LockHolder): string => `${h.what}, pid ${h.pid} on ${h.host}, since ${h.started}`;

/** How old a takeover folder or an unreadable lock may get before it is taken as left by a dead process. */
const ABANDONED_MS = 10_000;

async function olderThan(file: string, ms: number): Promise<boolean> {
  try {
    return Date.now() - (await stat(file)).mtimeMs > ms;
  } catch {
    return false;
  }
}

/** Removes a stale lock, once: only the process that made the takeover folder does it, after looking again. */
async function takeOver(file: string, seen: LockHolder | null): Promise<void> {
  const guard = `${file}.takeover`;
  try {
    await mkdir(guard);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    // another process is taking it over; one killed meanwhile left its folder
    if (await olderThan(guard, ABANDONED_MS)) await rmdir(guard).catch(() => {});
    return;
  }
  try {
    const now = await readHolder(file);
    const same = now === null ? seen === null : now !== 'gone' && seen !== null && now.pid === seen.pid && now.started === seen.started;
    if (same) await unlink(file).catch(() => {});
  } finally {
    await rmdir(guard).catch(() => {});
  }
}

/** Takes the lock `file`; resolves to its release. Throws LockBusy when another process still holds it after the wait. */
export async function acquireLock(file: string, options: LockOptions): Promise<() => Promise<void>> {
  const me: LockHolder = { pid: process.pid, host: hostname(), started: new Date().toISOString(), what: options.what };
  const deadline = Date.now() + (options.waitMs ?? 0);
  let told = false;
  await mkdir(dirname(file), { recursive: true });
  for (;;) {
    try {
      await writeFile(file, JSON.stringify(me), { flag: 'wx' });
      return async () => {
        const now = await readHolder(file);
        if (now !== null && now !== 'gone' && now.pid === me.pid && now.started === me.started) await unlink(file).catch(() => {});
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = await readHolder(file);
    if (holder === 'gone') continue;
    if (holder === null ? await olderThan(file, ABANDONED_MS) : isStale(holder)) {
      await takeOver(file, holder);
      continue;
    }
    if (holder && !told) {
      told = true;
      options.onWait?.(holder);
    }
    if (Date.now() >= deadline) {
      throw new LockBusy(holder ? `${file}: held by ${describeHolder(holder)}; try again when it is done` : `${file}: held by another process; try again when it is done`);
    }
    await new Promise((resolve) => setTimeout(resolve, Math.min(options.pollMs ?? 200, Math.max(1, deadline - Date.now()))));
  }
}
