/** People and places mentioned in the kept text, canonical, in order of first mention. */
import { defaultRegistries, tokenize, type Mention, type Registries } from '../registry/index.ts';

function addInOrder(out: string[], seen: Set<string>, names: readonly { name: string }[]): void {
  for (const m of names) if (!seen.has(m.name)) { seen.add(m.name); out.push(m.name); }
}

/** People and places of the texts, each text read once. */
export function findEntities(texts: readonly string[], reg: Registries = defaultRegistries()): { people: string[]; places: string[]; mentions: Mention[][] } {
  const people: string[] = [];
  const places: string[] = [];
  const seenPeople = new Set<string>();
  const seenPlaces = new Set<string>();
  /** each text's mentions of registry people, for the names no registry holds (personNames.ts) */
  const mentions: Mention[][] = [];
  for (const t of texts) {
    const tokens = tokenize(t);
    const found = reg.people.scan(t, tokens);
    mentions.push(found);
    addInOrder(people, seenPeople, found);
    addInOrder(places, seenPlaces, reg.places.scan(t, tokens));
  }
  return { people, places, mentions };
}

export const findPeople = (texts: readonly string[]): string[] => findEntities(texts).people;
export const findPlaces = (texts: readonly string[]): string[] => findEntities(texts).places;
