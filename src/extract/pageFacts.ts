/**
 * What a saved page's markup adds to the record, weighed against its visible text:
 * the roles its structure fixes (title, figure captions), outlet evidence (og:site_name,
 * JSON-LD publisher, the site's own link host) and the publication date from metadata, which
 * only stands in when the page shows no dateline (and is reported when it disagrees with it).
 */
import type { Classified } from '../classify/types.ts';
import { normaliseNameCase, parseByline } from '../classify/names.ts';
import { parseDatelineText, toPublished } from '../lang/dates.ts';
import { outletFromText, unknownOutlet, type OutletEvidence } from './outlet.ts';
import { defaultRegistries, toOutlet, type Registries } from '../registry/index.ts';
import type { Published } from '../record.ts';
import type { SavedPage } from '../read/html/index.ts';

/** a story paragraph this long is prose, never a teaser's sapo line */
const STORY_PARAGRAPH_CHARS = 100;
/** one to four capitalised words, nothing else */
const SIGNATURE_RE = /^\p{Lu}[\p{L}.]*(?: \p{Lu}[\p{L}.]*){0,3}$/u;
/** the signature is among the last lines the page gives (the story's end, and the few after it) */
const SIGNATURE_LINES = 3;
/** a name has a word of two letters or more in lower case: "Trung", "K. Miên", not the initials "Q.C" */
const NAME_PART_RE = /\p{Lu}\p{Ll}/u;
const SIGNATURE_ROLES = new Set(['text', 'body', 'breadcrumb', 'widget']);
const OPEN_ROLES = new Set(['text', 'body', 'lede']);

/** Lines the markup marks as the title or a figure caption keep that role. */
export function withPageKinds(segments: Classified[], page: SavedPage, reg: Registries = defaultRegistries()): Classified[] {
  // a segment is a piece of a page line: the line that starts at or before it on its source line
  const byLine = new Map<number, SavedPage['lines']>();
  for (const l of page.lines) byLine.set(l.line, [...(byLine.get(l.line) ?? []), l]);
  const lineAt = { get: (key: string): SavedPage['lines'][number] | undefined => {
    const [line, column] = key.split(':').map(Number) as [number, number];
    let best: SavedPage['lines'][number] | undefined;
    for (const l of byLine.get(line) ?? []) if (l.column <= column && (!best || l.column > best.column)) best = l;
    return best;
  } };
  const hasLede = segments.some((s) => s.role === 'lede');
  const ledeSeg = hasLede ? undefined : segments.find((s) => OPEN_ROLES.has(s.role) && lineAt.get(`${s.line}:${s.column}`)?.ledeHint && s.text.length >= 40);
  const closing = new Set([...segments].reverse().filter((s) => lineAt.get(`${s.line}:${s.column}`)?.kind !== 'title').slice(0, SIGNATURE_LINES));
  return segments.map((s) => {
    // the standfirst the markup names ("sapo", "lead"…), when the text rules found none
    if (s === ledeSeg) return { ...s, role: 'lede', ruleId: 'html-sapo' };
    // one of the page's last lines, short and set apart (bold, or aligned right), naming a person: its byline
    if (closing.has(s) && SIGNATURE_ROLES.has(s.role) && lineAt.get(`${s.line}:${s.column}`)?.setApart && s.text.split(' ').length <= 5 && NAME_PART_RE.test(s.text)) {
      // a pen name of one word ("Trung") is a signature here, where the markup sets it apart
      const byline = parseByline(s.text, reg) ?? (SIGNATURE_RE.test(s.text.trim()) ? { authors: [normaliseNameCase(s.text.trim())] } : null);
      if (byline?.authors.length) return { ...s, role: 'byline', ruleId: 'html-signature', names: byline.authors, ...(byline.agencies ? { agencyNames: byline.agencies } : {}) };
    }
    const line = lineAt.get(`${s.line}:${s.column}`);
    const kind = line?.kind;
    // a paragraph of the story's own container is not a teaser, whatever its place among the lines
    if (s.role === 'teaser' && line?.inStory && (((kind === 'row' || kind === 'item') && s.text.length >= 10) || (kind === 'paragraph' && s.text.length >= STORY_PARAGRAPH_CHARS))) return { ...s, role: 'body', ruleId: 'html-story-paragraph' };
    if (kind === 'caption' && (OPEN_ROLES.has(s.role) || s.role === 'teaser')) return { ...s, role: 'caption', ruleId: 'html-figcaption', captionText: s.text, credit: null };
    if (kind === 'title' && OPEN_ROLES.has(s.role) && !segments.some((o) => o.role === 'title')) return { ...s, role: 'title', ruleId: 'html-title' };
    return s;
  });
}

/** A name the page gives its site, if it reads as a name ("VietNamNet", not a URL or a list of keywords). */
export function siteNameOf(page: SavedPage): string | null {
  for (const n of [page.metadata.siteName, page.metadata.publisher]) {
    if (n && n.length <= 30 && !/[/,:|]|\.[a-z]{2,}/iu.test(n)) return n;
  }
  return null;
}

/** The persons the metadata names as authors, less any that is an outlet ("VietNamNet" as a JSON-LD Person). */
export function pageAuthors(page: SavedPage, reg: Registries = defaultRegistries()): string[] {
  const site = siteNameOf(page)?.toLowerCase();
  return page.metadata.authors.filter((a) => !outletFromText(a, reg) && a.toLowerCase() !== site && !/\.[a-z]{2,}$/iu.test(a));
}

/** An outlet not in the registry: the page's own name for it, else its domain's first label ("afamily.vn" → "Afamily"). */
export function pageOutletName(page: SavedPage, host: string): string {
  const named = siteNameOf(page);
  if (named) return named;
  const label = host.replace(/^(?:www|m|mobile)\./iu, '').split('.')[0] ?? host;
  return label.charAt(0).toUpperCase() + label.slice(1);
}

export function pageOutletEvidence(page: SavedPage, reg: Registries = defaultRegistries()): OutletEvidence[] {
  const out: OutletEvidence[] = [];
  for (const name of [page.metadata.siteName, page.metadata.publisher]) {
    const o = name ? outletFromText(name, reg) : null;
    if (o) out.push({ kind: 'outlet-name', outlet: o, line: 1 });
  }
  if (page.ownHost) {
    const known = reg.outlets.byHost(page.ownHost);
    out.push({ kind: 'footer-domain', outlet: known ? toOutlet(known) : unknownOutlet(page.ownHost, pageOutletName(page, page.ownHost)), line: 1 });
  }
  return out;
}

/**
 * Metadata dates the dateline grammar does not read: "2024/06/19 21:15:00" (no zone: Vietnam time, as
 * written), and dates with an explicit zone in other notations ("Wed, 19 Jun 2024 14:15:00 GMT").
 */
export function metadataDateAsIso(value: string): string | null {
  const slashed = /^(\d{4})\/(\d{1,2})\/(\d{1,2})(?:[ T](\d{1,2}:\d{2}(?::\d{2})?))?$/u.exec(value.trim());
  if (slashed) return `${slashed[1]}-${slashed[2]!.padStart(2, '0')}-${slashed[3]!.padStart(2, '0')}${slashed[4] ? `T${slashed[4].padStart(5, '0')}` : ''}`;
  if (!/\b(?:GMT|UTC)\b|[+-]\d{4}\b|Z$/u.test(value)) return null; // without a zone, Date.parse would read the machine's
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

/** The metadata's publication date in Vietnam time, and where it came from. */
function metadataDate(page: SavedPage): { published: Published; source: string } | null {
  for (const c of page.metadata.published) {
    const m = parseDatelineText(c.value) ?? parseDatelineText(metadataDateAsIso(c.value) ?? '');
    if (!m?.valid) continue;
    const published = toPublished(m.parts, 'front-matter');
    if (m.parts.hour === null) published.time = null;
    return { published, source: c.source };
  }
  return null;
}

/**
 * The date the page's metadata gives, when the text gave none (origin "front-matter": the head of a
 * saved page is its front matter). When the visible dateline disagrees, the dateline stays and a
 * warning says so. Returns the new `published`, or null to keep the one given.
 */
export function pageDate(page: SavedPage, current: Published, warn: (line: number, column: number, message: string, ruleId: string) => void): Published | null {
  const meta = metadataDate(page);
  if (!meta) return null;
  if (current.origin === 'none') return meta.published;
  if (current.origin !== 'dateline') return null;
  const sameDay = meta.published.date === current.date;
  const sameTime = !meta.published.time || !current.time || meta.published.time === current.time;
  if (!sameDay || !sameTime) {
    const show = (p: Published): string => `${p.date}${p.time ? ` ${p.time}` : ''}`;
    warn(1, 1, `the page's metadata (${meta.source}) gives ${show(meta.published)}, its visible dateline ${show(current)}: the dateline is kept`, 'date/metadata-disagrees');
  }
  return null;
}
