/**
 * The registries: knowledge as data (outlets, agencies, people, places, page junk). Each JSON file
 * is checked against its schema when loaded. createRegistries(knowledge) compiles the matchers of
 * the built-in data extended by an archive's knowledge; defaultRegistries() are the built-in ones,
 * compiled once. A parse gets its Registries from parseArticle's caller; no rule imports them.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { Outlet } from '../record.ts';
import { EntityMatcher, L, notAfterWord, type Mention, type Token } from './matcher.ts';
import { agencyEntry, boilerplateFile, outletEntry, personEntry, placeEntry, type AgencyEntry, type Boilerplate, type Knowledge, type OutletEntry, type PersonEntry, type PlaceEntry } from './knowledge.ts';
import { extendData, knowledgeFingerprint, type RegistryData } from './extend.ts';

export { forgetTokens, scanTokens, tokenize, type Mention, type Token } from './matcher.ts';
export { knowledgeFingerprint };

function loadJson<T>(name: string, schema: z.ZodType<T>): T {
  const url = new URL(`./${name}`, import.meta.url);
  const parsed = schema.safeParse(JSON.parse(readFileSync(url, 'utf8')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`src/registry/${name}: ${issue?.path.join('.')}: ${issue?.message}`);
  }
  return parsed.data;
}

export type { OutletEntry };

let builtInData: RegistryData | undefined;
function builtIn(): RegistryData {
  builtInData ??= {
    outlets: loadJson('outlets.json', z.array(outletEntry)),
    agencies: loadJson('agencies.json', z.array(agencyEntry)),
    people: loadJson('people.json', z.array(personEntry)),
    places: loadJson('places.json', z.array(placeEntry)),
    boilerplate: loadJson('boilerplate.json', boilerplateFile),
  };
  return builtInData;
}
const PERSON_TITLES = loadJson('person-titles.json', z.object({ titles: z.array(z.string()) })).titles;
/** what a person's name looks like in running text (src/lang/personNames.ts) */
export const PERSON_NAME_DATA = loadJson('person-names.json', z.object({
  surnames: z.array(z.string().min(1)),
  titlesBefore: z.array(z.string().min(1)),
  headsBefore: z.array(z.string().min(1)),
  headWords: z.array(z.string().min(1)),
  nonPersonPhrases: z.array(z.string().min(1)),
}));

export const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function toOutlet(o: OutletEntry): Outlet {
  return { id: o.id, name: o.name, domain: o.domain };
}

// ---------- outlets ----------
function outletRegistryOf(OUTLETS: readonly OutletEntry[]) {
  const outletById = new Map(OUTLETS.map((o) => [o.id, o]));
  const outletByDomain = new Map<string, OutletEntry>();
  for (const o of OUTLETS) for (const d of [o.domain, ...o.domains]) outletByDomain.set(d.toLowerCase().replace(/^www\./, ''), o);

  const outletAliasMatcher = new EntityMatcher(
    OUTLETS.map((o) => ({ name: o.id, variants: [o.name, ...o.aliases] })),
    false,
  );

  const tagEntries = OUTLETS.flatMap((o) => o.tags.map((t) => ({ tag: t, outlet: o })))
    .sort((a, b) => b.tag.length - a.tag.length);
  /** "(ANTĐ)" is also printed "ANTĐ -": without its parentheses a tag needs the dash */
  const bareTags = tagEntries.filter((t) => /^\(.+\)$/u.test(t.tag)).map((t) => ({ tag: t.tag.slice(1, -1), outlet: t.outlet }));
  const TAG_RE = new RegExp(
    `^(?:(?:${tagEntries.map((t) => escapeRegExp(t.tag)).join('|')})(?=\\s*[-–—:]|\\s*$|\\s)|(?:${bareTags.map((t) => escapeRegExp(t.tag)).join('|')})(?=\\s?[-–—]))`,
    'iu',
  );
  const allTags = [...tagEntries, ...bareTags];

  return {
    all: OUTLETS,
    byId: (id: string): OutletEntry | undefined => outletById.get(id),
    /** "https://www.vnexpress.net/…" or "m.vnexpress.net" → VnExpress */
    byHost(host: string): OutletEntry | undefined {
      let h = host.toLowerCase().replace(/^www\./, '').replace(/\.$/, '');
      for (;;) {
        const o = outletByDomain.get(h);
        if (o) return o;
        const dot = h.indexOf('.');
        if (dot < 0 || h.indexOf('.', dot + 1) < 0) return undefined;
        h = h.slice(dot + 1);
      }
    },
    /** an id, a name, an alias or a domain, as the editor may write it in front matter */
    lookup(text: string): OutletEntry | undefined {
      const t = text.trim();
      const byId = outletById.get(t.toLowerCase());
      if (byId) return byId;
      const host = /^(?:https?:\/\/)?([a-z0-9.-]+\.[a-z]{2,})(?:[/:]|$)/i.exec(t);
      if (host) {
        const o = this.byHost(host[1]!);
        if (o) return o;
      }
      const id = outletAliasMatcher.canonical(t);
      return id ? outletById.get(id) : undefined;
    },
    /** outlet names and aliases mentioned in text */
    scan(text: string): { outlet: OutletEntry; index: number; end: number }[] {
      return outletAliasMatcher.scan(text).map((m) => ({ outlet: outletById.get(m.name)!, index: m.index, end: m.end }));
    },
    /** "(VTC News) - Người phát ngôn…" → { outlet, length of the tag with its dash } */
    tagAtStart(line: string): { outlet: OutletEntry; length: number } | undefined {
      const m = TAG_RE.exec(line);
      if (!m) return undefined;
      const entry = allTags.find((t) => t.tag.toLowerCase() === m[0].toLowerCase());
      if (!entry) return undefined;
      const rest = /^\s*[-–—:]?\s*/.exec(line.slice(m[0].length))!;
      return { outlet: entry.outlet, length: m[0].length + rest[0].length };
    },
  };
}

// ---------- agencies, people, places ----------
function agencyRegistryOf(AGENCIES: readonly AgencyEntry[]) {
  const agencyMatcher = new EntityMatcher(AGENCIES.map((a) => ({ name: a.name, variants: a.aliases })), true);
  const agencyMatcherLoose = new EntityMatcher(AGENCIES.map((a) => ({ name: a.name, variants: a.aliases })), false);
  return {
    all: AGENCIES,
    scan: (text: string): Mention[] => agencyMatcher.scan(text),
    canonical: (text: string): string | undefined => agencyMatcher.canonical(text) ?? agencyMatcherLoose.canonical(text),
  };
}

/**
 * "Tổng thống Nga Vladimir Putin … ông Putin": a title, up to four words, a short form. Not after a
 * letter or a digit: checked by notAfterWord, not by a lookbehind at the start of the expression
 * (that is tried at every position of the text; without it the engine skips to a title's first letter).
 */
function shortFormRe(shortForms: readonly { short: string }[]): RegExp | null {
  return shortForms.length
    ? new RegExp(
      `(?:${[...PERSON_TITLES].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|')})(?: [\\p{L}-]+){0,4} (${shortForms.map((s) => escapeRegExp(s.short)).sort((a, b) => b.length - a.length).join('|')})(?!${L})`,
      'gu',
    )
    : null;
}

function personRegistryOf(PEOPLE: readonly PersonEntry[]) {
  const personMatcher = new EntityMatcher(PEOPLE, true);
  const shortForms = PEOPLE.flatMap((p) => p.short.map((s) => ({ short: s, name: p.name })));
  const shortByForm = new Map(shortForms.map((s) => [s.short, s.name]));
  const SHORT_RE = shortFormRe(shortForms);
  return {
    all: PEOPLE,
    scan(text: string, tokens?: readonly Token[]): Mention[] {
      const found = personMatcher.scan(text, tokens);
      if (SHORT_RE) {
        for (const m of notAfterWord(SHORT_RE, text)) {
          const form = m[1]!;
          const end = m.index + m[0].length;
          const index = end - form.length;
          if (found.some((f) => index >= f.index && index < f.end)) continue;
          found.push({ name: shortByForm.get(form)!, index, end, text: form });
        }
      }
      return found.sort((a, b) => a.index - b.index);
    },
    /** a name written alone (a byline) that is a known public figure */
    canonical: (text: string): string | undefined => personMatcher.canonical(text),
  };
}

function placeRegistryOf(PLACES: readonly PlaceEntry[]) {
  const placeMatcher = new EntityMatcher(PLACES, true);
  const kinds = new Map<string, string | undefined>();
  for (const p of PLACES) if (!kinds.has(p.name)) kinds.set(p.name, p.kind);
  return {
    all: PLACES,
    scan: (text: string, tokens?: readonly Token[]): Mention[] => placeMatcher.scan(text, tokens),
    kindOf: (name: string): string | undefined => kinds.get(name),
  };
}

export type OutletRegistry = ReturnType<typeof outletRegistryOf>;
export type AgencyRegistry = ReturnType<typeof agencyRegistryOf>;
export type PersonRegistry = ReturnType<typeof personRegistryOf>;
export type PlaceRegistry = ReturnType<typeof placeRegistryOf>;

/**
 * The registries one parse uses: built in, or built in extended by an archive's knowledge. Every rule
 * takes them from its caller (parseArticle's `registries`), none imports them.
 */
export interface Registries {
  outlets: OutletRegistry;
  agencies: AgencyRegistry;
  people: PersonRegistry;
  places: PlaceRegistry;
  boilerplate: Boilerplate;
}

function buildRegistries(data: RegistryData): Registries {
  return {
    outlets: outletRegistryOf(data.outlets),
    agencies: agencyRegistryOf(data.agencies),
    people: personRegistryOf(data.people),
    places: placeRegistryOf(data.places),
    boilerplate: data.boilerplate,
  };
}

let builtInRegistries: Registries | undefined;
/** The built-in registries (src/registry/*.json), built once, when first asked for. */
export function defaultRegistries(): Registries {
  builtInRegistries ??= buildRegistries(builtIn());
  return builtInRegistries;
}

/**
 * The built-in registries extended by an archive's knowledge (archive.config.json's `knowledge`); without
 * knowledge (or an empty one), the built-in registries themselves. Each call with knowledge builds new
 * registries: build them once per archive and pass them to every parse. How an entry extends the built-in
 * ones is extendData's (src/registry/extend.ts): the built-in registries are never changed.
 */
export function createRegistries(knowledge: Knowledge = {}): Registries {
  const data = extendData(builtIn(), knowledge);
  return data === builtIn() ? defaultRegistries() : buildRegistries(data);
}

/**
 * Something computed from a Registries (an expression of its junk phrases, a cache of decisions), made
 * once per Registries object: a WeakMap keyed by it, so an archive's registries never see the answers of
 * another's.
 */
export function perRegistries<T>(build: (registries: Registries) => T): (registries: Registries) => T {
  const made = new WeakMap<Registries, T>();
  return (registries) => {
    let v = made.get(registries);
    if (v === undefined) {
      v = build(registries);
      made.set(registries, v);
    }
    return v;
  };
}

/**
 * The built-in registries, for code outside the parser that has no parse of its own (the search index's
 * name lists, tests): they make defaultRegistries() build when this module loads. The parser's rules
 * take theirs from parseArticle.
 */
export const outletRegistry: OutletRegistry = defaultRegistries().outlets;
export const agencyRegistry: AgencyRegistry = defaultRegistries().agencies;
export const personRegistry: PersonRegistry = defaultRegistries().people;
export const placeRegistry: PlaceRegistry = defaultRegistries().places;
export const BOILERPLATE: Boilerplate = defaultRegistries().boilerplate;
