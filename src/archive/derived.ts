/**
 * What the site computes from each record alone, kept in the parse cache beside it so
 * that a rebuild does not compute it again for thousands of unchanged articles: the
 * record's MinHash signatures (src/stories), its topics (src/topics) and its key event
 * (src/timeline). Its version is the code and data of those folders: a change recomputes
 * it, without a re-parse. Once copies are folded, the site needs only the start of each
 * text besides (textStart in src/search/content.ts).
 */
import { fileURLToPath } from 'node:url';
import { storySignature, type StorySignature } from '../stories/index.ts';
import { assignTopics } from '../topics/index.ts';
import { loadEvents, matchEvents } from '../timeline/index.ts';
import type { ArticleRecord } from '../record.ts';
import { versionOf } from './parserVersion.ts';

export interface RecordDerived {
  signature: StorySignature;
  /** topic slugs, best first */
  topics: string[];
  /** the slug of its key event (src/timeline), or null */
  event: string | null;
}

/** As stored in the cache (JSON): typed arrays as plain arrays. */
export interface StoredDerived {
  version: string;
  full: number[];
  lead: number[];
  fullOk: boolean;
  leadOk: boolean;
  topics: string[];
  event: string | null;
}

let version: string | undefined;
export function derivedVersion(): string {
  version ??= versionOf(['stories', 'topics', 'timeline'], fileURLToPath(new URL('..', import.meta.url)));
  return version;
}

export function deriveRecord(r: ArticleRecord): RecordDerived {
  const event = matchEvents([r])[0] ?? -1;
  return { signature: storySignature(r), topics: assignTopics([r])[0] ?? [], event: event >= 0 ? loadEvents()[event]!.slug : null };
}

export function storeDerived(d: RecordDerived): StoredDerived {
  const s = d.signature;
  return { version: derivedVersion(), full: [...s.full], lead: [...s.lead], fullOk: s.fullOk, leadOk: s.leadOk, topics: d.topics, event: d.event };
}

/** The stored value, or null when it was made by another version (or is missing). */
export function restoreDerived(s: StoredDerived | undefined): RecordDerived | null {
  if (!s || s.version !== derivedVersion()) return null;
  return { signature: { full: Uint32Array.from(s.full), lead: Uint32Array.from(s.lead), fullOk: s.fullOk, leadOk: s.leadOk }, topics: s.topics, event: s.event };
}
