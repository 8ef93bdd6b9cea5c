/**
 * Topics from data (data/topics.json): each topic has Vietnamese keywords and
 * entities; a record gets a topic when its keyword/entity score over the title,
 * lede and body (ASCII-folded, so diacritics and case do not matter) reaches the
 * threshold. Pure apart from reading the data file once.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { foldText } from '../stories/minhash.ts';

const topicSchema = z.object({
  slug: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
  name: z.string().min(1),
  description: z.string().min(1),
  keywords: z.array(z.string().min(1)).min(1),
  /** keywords that count double */
  strong: z.array(z.string().min(1)).default([]),
  people: z.array(z.string()).default([]),
  places: z.array(z.string()).default([]),
});
/** A topic set: inline in archive.config.json's `topics`, or in the file it names. */
export const topicSetSchema = z.object({ threshold: z.number().positive(), topics: z.array(topicSchema).min(1) })
  .refine((set) => new Set(set.topics.map((t) => t.slug)).size === set.topics.length, { message: 'a topic slug is used twice', path: ['topics'] });
const fileSchema = topicSetSchema;

export type Topic = z.infer<typeof topicSchema>;
export interface TopicSet {
  threshold: number;
  topics: Topic[];
}

export interface TopicRecord {
  title: string;
  lede: string | null;
  text: string;
  people: readonly string[];
  places: readonly string[];
}

/** where a keyword is found, and what an occurrence there is worth */
const WEIGHT = { title: 3, lede: 2, text: 1 };
/** occurrences counted per keyword in the body */
const TEXT_CAP = 2;
const ENTITY = 3;

export function parseTopics(json: unknown): TopicSet {
  const data = fileSchema.parse(json);
  const slugs = new Set<string>();
  for (const t of data.topics) {
    if (slugs.has(t.slug)) throw new Error(`topics.json: slug "${t.slug}" is used twice`);
    slugs.add(t.slug);
  }
  return data;
}

let cached: TopicSet | null = null;
export function loadTopics(): TopicSet {
  cached ??= parseTopics(JSON.parse(readFileSync(new URL('./data/topics.json', import.meta.url), 'utf8')));
  return cached;
}

interface CompiledTopics {
  /** first word of a keyword → the keywords starting with it: words, topic index, weight */
  byFirstWord: Map<string, { words: string[]; topic: number; weight: number }[]>;
  people: Map<string, number[]>;
  places: Map<string, number[]>;
  size: number;
}

export function compileTopics(set: TopicSet): CompiledTopics {
  const byFirstWord: CompiledTopics['byFirstWord'] = new Map();
  const people = new Map<string, number[]>();
  const places = new Map<string, number[]>();
  set.topics.forEach((t, topic) => {
    const strong = new Set(t.strong.map(foldText));
    for (const k of new Set([...t.keywords, ...t.strong].map(foldText))) {
      if (!k) continue;
      const words = k.split(' ');
      const list = byFirstWord.get(words[0] as string) ?? [];
      list.push({ words, topic, weight: strong.has(k) ? 2 : 1 });
      byFirstWord.set(words[0] as string, list);
    }
    for (const p of t.people) people.set(p, [...(people.get(p) ?? []), topic]);
    for (const p of t.places) places.set(p, [...(places.get(p) ?? []), topic]);
  });
  return { byFirstWord, people, places, size: set.topics.length };
}

/** Adds weight × occurrences (at most `cap` per keyword) of every keyword in `folded` to `scores`. */
function scan(folded: string, c: CompiledTopics, weight: number, cap: number, scores: number[]): void {
  if (!folded) return;
  const words = folded.split(' ');
  const seen = new Map<string[], number>();
  for (let i = 0; i < words.length; i++) {
    const list = c.byFirstWord.get(words[i] as string);
    if (!list) continue;
    for (const k of list) {
      let ok = true;
      for (let j = 1; j < k.words.length; j++) if (words[i + j] !== k.words[j]) { ok = false; break; }
      if (!ok) continue;
      const n = seen.get(k.words) ?? 0;
      if (n >= cap) continue;
      seen.set(k.words, n + 1);
      scores[k.topic] = (scores[k.topic] as number) + weight * k.weight;
    }
  }
}

/** Score of every topic for one record (0 when nothing matches). */
export function scoreTopics(r: TopicRecord, c: CompiledTopics): number[] {
  const scores = new Array<number>(c.size).fill(0);
  scan(foldText(r.title), c, WEIGHT.title, 1, scores);
  scan(foldText(r.lede ?? ''), c, WEIGHT.lede, 1, scores);
  scan(foldText(r.text), c, WEIGHT.text, TEXT_CAP, scores);
  for (const p of r.people) for (const t of c.people.get(p) ?? []) scores[t] = (scores[t] as number) + ENTITY;
  for (const p of r.places) for (const t of c.places.get(p) ?? []) scores[t] = (scores[t] as number) + ENTITY;
  return scores;
}

const compiledSets = new WeakMap<TopicSet, CompiledTopics>();

/** The topics of each record (slugs), best first: those whose score reaches the threshold. */
export function assignTopics(records: readonly TopicRecord[], set: TopicSet = loadTopics()): string[][] {
  let compiled = compiledSets.get(set);
  if (!compiled) compiledSets.set(set, (compiled = compileTopics(set)));
  return records.map((r) => {
    const scores = scoreTopics(r, compiled);
    return set.topics
      .map((t, i) => [t.slug, scores[i] as number] as const)
      .filter(([, s]) => s >= set.threshold)
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .map(([slug]) => slug);
  });
}
