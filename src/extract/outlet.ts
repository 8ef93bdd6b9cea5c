/**
 * Which outlet published the page, and which one wrote the story first.
 * Evidence is weighed; the strongest wins. Adding an outlet is a registry entry, not code.
 */
import { defaultRegistries, toOutlet, type OutletEntry, type Registries } from '../registry/index.ts';
import type { Outlet } from '../record.ts';

export type OutletEvidenceKind =
  | 'front-matter' | 'url' | 'copyright' | 'title-suffix' | 'tag' | 'self-credit' | 'source-label' | 'outlet-name'
  | 'footer-domain' | 'footer-name' | 'byline' | 'widget' | 'credit';

/** how much each kind of evidence says about the page's own outlet */
const PAGE_WEIGHT: Record<OutletEvidenceKind, number> = {
  'front-matter': 100, url: 90, copyright: 85, 'title-suffix': 75, tag: 80, 'self-credit': 78, 'source-label': 70,
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

export function outletFromText(text: string, reg: Registries = defaultRegistries()): Outlet | null {
  const o = reg.outlets.lookup(text);
  return o ? toOutlet(o) : null;
}

const DOMAIN_IN_TEXT_RE = /(?:@|\b)((?:[a-z0-9-]+\.)+(?:vn|com|net|org|info|tv))\b/giu;

/** Domains and e-mail addresses in footer lines ("Email: btv@soha.vn", "vtcnews.vn"). */
export function outletsInFooter(text: string, reg: Registries = defaultRegistries()): OutletEntry[] {
  const out: OutletEntry[] = [];
  for (const m of text.matchAll(DOMAIN_IN_TEXT_RE)) {
    const o = reg.outlets.byHost(m[1]!);
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

/** "© Copyright 2010 iOne.net, All rights reserved", "Copyright © 2011 xinhxinh.com.vn", "Bản quyền thuộc về Báo X" */
const COPYRIGHT_RE = /©|\(c\)\s?\d{4}|\bcopyright\b|\ball rights reserved\b|\bbản quyền\b/iu;
export const isCopyrightLine = (text: string): boolean => text.length <= 300 && COPYRIGHT_RE.test(text);

/** "xinhxinh.com.vn" → "Xinhxinh": an outlet the registry does not know is named from its domain */
export function nameFromDomain(domain: string): string {
  const label = domain.toLowerCase().replace(/^www\./u, '').split('.')[0] ?? domain;
  return label.charAt(0).toUpperCase() + label.slice(1);
}

/**
 * The outlet a copyright line names: a registry outlet by its domain or name, else the domain printed
 * there as an outlet of its own (`known: false`: the editor is told to add it).
 */
export function outletFromCopyright(text: string, reg: Registries = defaultRegistries()): { outlet: Outlet; known: boolean } | null {
  const byDomain = outletsInFooter(text, reg)[0];
  if (byDomain) return { outlet: toOutlet(byDomain), known: true };
  const byName = reg.outlets.scan(text)[0];
  if (byName) return { outlet: toOutlet(byName.outlet), known: true };
  const domain = [...text.matchAll(DOMAIN_IN_TEXT_RE)].map((m) => m[1]!.toLowerCase()).find((d) => !text.includes(`@${d}`));
  return domain ? { outlet: unknownOutlet(domain, nameFromDomain(domain)), known: false } : null;
}

/** The outlet under the name it had on the day of the article ("Zing News" before Znews). */
export function outletAsOf(outlet: Outlet, date: string | null, reg: Registries = defaultRegistries()): Outlet {
  const entry = reg.outlets.byId(outlet.id);
  if (!entry || !date) return outlet;
  const former = [...entry.formerly].sort((a, b) => a.until.localeCompare(b.until)).find((f) => date <= f.until);
  return former ? { ...outlet, name: former.name, domain: former.domain } : outlet;
}
