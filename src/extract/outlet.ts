/**
 * Which outlet published the page, and which one wrote the story first.
 * Evidence is weighed; the strongest wins. Adding an outlet is a registry entry, not code.
 */
import { outletRegistry, toOutlet, type OutletEntry } from '../registry/index.ts';
import type { Outlet } from '../record.ts';

export type OutletEvidenceKind =
  | 'front-matter' | 'url' | 'title-suffix' | 'tag' | 'self-credit' | 'source-label' | 'outlet-name'
  | 'footer-domain' | 'footer-name' | 'byline' | 'widget' | 'credit';

/** how much each kind of evidence says about the page's own outlet */
const PAGE_WEIGHT: Record<OutletEvidenceKind, number> = {
  'front-matter': 100, url: 90, 'title-suffix': 75, tag: 80, 'self-credit': 78, 'source-label': 70,
  'outlet-name': 60, 'footer-domain': 50, 'footer-name': 45, byline: 40, widget: 20, credit: 0,
};

export interface OutletEvidence {
  kind: OutletEvidenceKind;
  outlet: Outlet;
  line: number;
}

/** An outlet the registry does not know, from its domain (and the name the page gives it). */
export function unknownOutlet(domain: string, name?: string): Outlet {
  const d = domain.toLowerCase().replace(/^www\./, '');
  return { id: d.replace(/[^a-z0-9]+/g, '-'), name: name?.trim() || d, domain: d };
}

export function outletFromText(text: string): Outlet | null {
  const o = outletRegistry.lookup(text);
  return o ? toOutlet(o) : null;
}

const DOMAIN_IN_TEXT_RE = /(?:@|\b)((?:[a-z0-9-]+\.)+(?:vn|com|net|org|info|tv))\b/giu;

/** Domains and e-mail addresses in footer lines ("Email: btv@soha.vn", "vtcnews.vn"). */
export function outletsInFooter(text: string): OutletEntry[] {
  const out: OutletEntry[] = [];
  for (const m of text.matchAll(DOMAIN_IN_TEXT_RE)) {
    const o = outletRegistry.byHost(m[1]!);
    if (o && !out.includes(o)) out.push(o);
  }
  return out;
}

export function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname;
  } catch {
    return null;
  }
}

export function decideOutlets(evidence: readonly OutletEvidence[]): { outlet: Outlet | null; originalOutlet: Outlet | null } {
  let best: OutletEvidence | undefined;
  for (const e of evidence) if (PAGE_WEIGHT[e.kind] > 0 && (!best || PAGE_WEIGHT[e.kind] > PAGE_WEIGHT[best.kind])) best = e;
  const page = best?.outlet ?? null;
  // a "theo X" credit, or a byline of another outlet, names the original publisher
  const credited = evidence.find((e) => e.kind === 'credit' && e.outlet.id !== page?.id)
    ?? evidence.find((e) => e.kind === 'byline' && page && e.outlet.id !== page.id && best?.kind !== 'byline');
  return { outlet: page, originalOutlet: credited?.outlet ?? null };
}
