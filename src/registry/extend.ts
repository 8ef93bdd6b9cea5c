/**
 * How an archive's knowledge extends the built-in registries' data (never changing it):
 *   - an outlet with a new id is added; one with a built-in id extends that outlet: its name and domain
 *     are the knowledge's (an override: the archive knows the outlet's current name), its domains,
 *     aliases, tags and former names are added to the built-in ones;
 *   - an agency, a person or a place with a new name is added; one with a built-in name extends it:
 *     variants, aliases and short forms are added, role, kind and country are the knowledge's when it
 *     gives them;
 *   - junk phrases are added to the built-in lists of their kind (widgets, footers, sections…).
 * And a stable fingerprint of the knowledge, for the record cache's key.
 */
import { createHash } from 'node:crypto';
import type { AgencyEntry, Boilerplate, Knowledge, OutletEntry, PersonEntry, PlaceEntry } from './knowledge.ts';

export interface RegistryData {
  outlets: readonly OutletEntry[];
  agencies: readonly AgencyEntry[];
  people: readonly PersonEntry[];
  places: readonly PlaceEntry[];
  boilerplate: Boilerplate;
}

const union = <T>(a: readonly T[], b: readonly T[]): T[] => [...new Set([...a, ...b])];

/** built-in entries with the same key extended by the knowledge's, new ones appended, in order */
function mergeBy<T>(base: readonly T[], extra: readonly T[] | undefined, key: (e: T) => string, merge: (a: T, b: T) => T): readonly T[] {
  if (!extra?.length) return base;
  const out = [...base];
  const at = new Map(out.map((e, i) => [key(e), i]));
  for (const e of extra) {
    const i = at.get(key(e));
    if (i === undefined) {
      at.set(key(e), out.length);
      out.push(e);
    } else out[i] = merge(out[i]!, e);
  }
  return out;
}

const mergeOutlet = (a: OutletEntry, b: OutletEntry): OutletEntry => ({
  ...a,
  name: b.name,
  domain: b.domain,
  domains: union(union(a.domains, a.domain === b.domain ? [] : [a.domain]), b.domains),
  aliases: union(union(a.aliases, a.name === b.name ? [] : [a.name]), b.aliases),
  tags: union(a.tags, b.tags),
  formerly: [...a.formerly, ...b.formerly.filter((f) => !a.formerly.some((g) => g.until === f.until && g.name === f.name))],
});
const mergeAgency = (a: AgencyEntry, b: AgencyEntry): AgencyEntry => ({ ...a, aliases: union(a.aliases, b.aliases) });
const mergePerson = (a: PersonEntry, b: PersonEntry): PersonEntry => ({
  ...a,
  variants: union(a.variants, b.variants),
  short: union(a.short, b.short),
  ...(b.role !== undefined ? { role: b.role } : {}),
  ...(b.country !== undefined ? { country: b.country } : {}),
});
const mergePlace = (a: PlaceEntry, b: PlaceEntry): PlaceEntry => ({
  ...a,
  variants: union(a.variants, b.variants),
  ...(b.kind !== undefined ? { kind: b.kind } : {}),
  ...(b.country !== undefined ? { country: b.country } : {}),
});

function mergeJunk(base: Boilerplate, junk: Knowledge['junk']): Boilerplate {
  if (!junk || Object.values(junk).every((v) => !v?.length)) return base;
  const out = { ...base };
  for (const kind of Object.keys(junk) as (keyof Boilerplate)[]) out[kind] = union(base[kind], junk[kind] ?? []);
  return out;
}

/** Whether knowledge adds anything (no entries and no junk: the built-in registries as they are). */
export function isEmptyKnowledge(knowledge: Knowledge): boolean {
  const lists = [knowledge.outlets, knowledge.agencies, knowledge.people, knowledge.places, ...Object.values(knowledge.junk ?? {})];
  return lists.every((l) => !l?.length);
}

/** The built-in data extended by the knowledge; the built-in data itself (the same object) when the knowledge adds nothing. */
export function extendData(base: RegistryData, knowledge: Knowledge): RegistryData {
  if (isEmptyKnowledge(knowledge)) return base;
  return {
    outlets: mergeBy(base.outlets, knowledge.outlets, (o) => o.id, mergeOutlet),
    agencies: mergeBy(base.agencies, knowledge.agencies, (a) => a.name, mergeAgency),
    people: mergeBy(base.people, knowledge.people, (p) => p.name, mergePerson),
    places: mergeBy(base.places, knowledge.places, (p) => p.name, mergePlace),
    boilerplate: mergeJunk(base.boilerplate, knowledge.junk),
  };
}

/** JSON with the keys of every object sorted: the same knowledge, the same text, whatever its key order */
function stableJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stableJson).join(',')}]`;
  if (v && typeof v === 'object') {
    const entries = Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, x]) => `${JSON.stringify(k)}:${stableJson(x)}`).join(',')}}`;
  }
  return JSON.stringify(v);
}

/**
 * A stable hash of an archive's knowledge, normalised (key order, absent and empty lists alike): part of
 * the record cache's key, so that changing a registry entry of the config parses every article again.
 * No knowledge (or an empty one) hashes as "none".
 */
export function knowledgeFingerprint(knowledge: Knowledge | undefined): string {
  if (!knowledge || isEmptyKnowledge(knowledge)) return 'none';
  const normalised = {
    outlets: knowledge.outlets ?? [],
    agencies: knowledge.agencies ?? [],
    people: knowledge.people ?? [],
    places: knowledge.places ?? [],
    junk: Object.fromEntries(Object.entries(knowledge.junk ?? {}).filter(([, v]) => v?.length)),
  };
  return createHash('sha256').update(stableJson(normalised)).digest('hex').slice(0, 16);
}
