/**
 * Key events of Russia–North Korea relations (data/events.json) and the
 * articles that report them: an article reports an event when it is dated
 * within the event's window (`before` days before to `after` days after) and
 * its keywords, people and places score at least MATCH. Each article keeps
 * its best event (highest score, then the nearest date).
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { foldText } from '../stories/minhash.ts';

const eventSchema = z.object({
  slug: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  title: z.string().min(1),
  description: z.string().min(1),
  places: z.array(z.string()).default([]),
  people: z.array(z.string()).default([]),
  keywords: z.array(z.string().min(1)).min(1),
  before: z.number().int().nonnegative().default(2),
  after: z.number().int().nonnegative().default(5),
});
export type TimelineEvent = z.infer<typeof eventSchema>;
/** The key events: inline in archive.config.json's `events`, or in the file it names. */
export const eventListSchema = z.array(eventSchema).min(1)
  .refine((events) => new Set(events.map((e) => e.slug)).size === events.length, { message: 'an event slug is used twice' });

export const MATCH = 4;

export function parseEvents(json: unknown): TimelineEvent[] {
  const events = z.array(eventSchema).min(1).parse(json);
  const slugs = new Set<string>();
  for (const e of events) {
    if (slugs.has(e.slug)) throw new Error(`events.json: slug "${e.slug}" is used twice`);
    slugs.add(e.slug);
  }
  return [...events].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.slug < b.slug ? -1 : 1));
}

let cached: TimelineEvent[] | null = null;
export function loadEvents(): TimelineEvent[] {
  cached ??= parseEvents(JSON.parse(readFileSync(new URL('./data/events.json', import.meta.url), 'utf8')));
  return cached;
}

export interface EventRecord {
  title: string;
  lede: string | null;
  text: string;
  published: { date: string | null };
  people: readonly string[];
  places: readonly string[];
}

function dayNumber(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000;
}

/** Score of one record for one event (0 when out of its window). */
export function scoreEvent(r: EventRecord, e: TimelineEvent): number {
  if (!r.published.date) return 0;
  const d = dayNumber(r.published.date) - dayNumber(e.date);
  if (d < -e.before || d > e.after) return 0;
  const title = ` ${foldText(r.title)} `;
  const rest = ` ${foldText(`${r.lede ?? ''} ${r.text.slice(0, 3000)}`)} `;
  let score = 0;
  for (const k of e.keywords) {
    const needle = ` ${foldText(k)} `;
    if (title.includes(needle)) score += 2;
    else if (rest.includes(needle)) score += 1;
  }
  for (const p of e.people) if (r.people.includes(p)) score += 2;
  for (const p of e.places) if (r.places.includes(p)) score += 2;
  return score;
}

/** Per record: the index of its event in `events`, or -1. Only records dated near an event are scored. */
export function matchEvents(records: readonly EventRecord[], events: readonly TimelineEvent[] = loadEvents()): number[] {
  const windows = events.map((e) => ({ lo: dayNumber(e.date) - e.before, hi: dayNumber(e.date) + e.after, at: dayNumber(e.date) }));
  return records.map((r) => {
    if (!r.published.date) return -1;
    const day = dayNumber(r.published.date);
    let best = -1;
    let bestScore = 0;
    let bestGap = Infinity;
    events.forEach((e, i) => {
      const w = windows[i]!;
      if (day < w.lo || day > w.hi) return;
      const s = scoreEvent(r, e);
      const gap = Math.abs(day - w.at);
      if (s >= MATCH && (s > bestScore || (s === bestScore && gap < bestGap))) {
        best = i;
        bestScore = s;
        bestGap = gap;
      }
    });
    return best;
  });
}
