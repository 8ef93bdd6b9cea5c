/** The articles folder as records for `list` and `show`; a missing folder is one clear line. */
import { stat } from 'node:fs/promises';
import { loadArchive } from '../archive/load.ts';
import type { ArticleRecord } from '../record.ts';
import type { Knowledge } from '../registry/knowledge.ts';
import type { Output } from './output.ts';

export interface OpenArchive {
  records: ArticleRecord[];
  /** files that gave no record (`check` names them) */
  unreadable: number;
}

/** `knowledge`: the archive's config's, for the records parsed here (the cache keys cover it) */
export async function openArchive(dir: string, io: Output, knowledge?: Knowledge): Promise<OpenArchive | null> {
  try {
    if (!(await stat(dir)).isDirectory()) throw new Error('not a folder');
  } catch {
    io.err(`${dir}: no such articles folder`);
    return null;
  }
  const { records, files } = await loadArchive(dir, { now: new Date(), ...(knowledge ? { knowledge } : {}) });
  return { records, unreadable: files.filter((f) => f.outcome === 'error').length };
}
