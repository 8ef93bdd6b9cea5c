/** People and places mentioned in the kept text, canonical, in order of first mention. */
import { personRegistry, placeRegistry } from '../registry/index.ts';

function inOrder(texts: readonly string[], scan: (t: string) => { name: string }[]): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const t of texts) {
    for (const m of scan(t)) {
      if (!seen.has(m.name)) { seen.add(m.name); out.push(m.name); }
    }
  }
  return out;
}

export const findPeople = (texts: readonly string[]): string[] => inOrder(texts, (t) => personRegistry.scan(t));
export const findPlaces = (texts: readonly string[]): string[] => inOrder(texts, (t) => placeRegistry.scan(t));
