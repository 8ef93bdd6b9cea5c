/**
 * Document rules: decide the roles that depend on a line's place among the
 * others (title, byline zones, related links, duplicates, lede, teasers).
 * They run in the order of DOCUMENT_RULES, each over the whole list.
 */
import { BOILERPLATE, outletRegistry, personRegistry, placeRegistry, tokenize } from '../registry/index.ts';
import { wordCount } from '../read/text.ts';
import type { Classified, Role } from './types.ts';

export interface DocumentRule {
  id: string;
  apply(segments: Classified[]): void;
}

/** a paragraph long enough to be body text, never a heading or a widget */
const LONG_PARAGRAPH_WORDS = 15;
const TITLE_MIN_WORDS = 4;
const TITLE_MAX_WORDS = 35;
const LEDE_MIN_WORDS = 10;
const LEDE_MAX_WORDS = 90;
/** the title is one of the first few undecided lines */
const TITLE_SEARCH_LINES = 4;
/** a headline usually has this many words or more; a section or blog name fewer */
const HEADLINE_WORDS = 8;
const TITLE_NEIGHBOUR_ROLES: ReadonlySet<string> = new Set(['dateline', 'byline', 'outlet-tag', 'caption', 'lede']);
const TEASER_MIN_RUN = 3;
const NAVIGATION_MAX_WORDS = 3;

const COMMENTS_HEADER_RE = new RegExp(`^(?:${BOILERPLATE.commentHeaders.join('|')})$`, 'iu');
const CONTINUATION_RE = new RegExp(`^(?:${BOILERPLATE.continuations.join('|')})(?![\\p{L}])`, 'iu');
const SENTENCE_END_RE = /[.!?…]["”’»)]?$|[.!?…]\s?["”’»)]$/u;
const TITLE_START_RE = /^[\p{Lu}\p{N}"'“‘«(\[]/u;

export const withoutPipe = (t: string): string => (t.includes('|') ? t.replace(/\s*\|+\s*$/u, '') : t).trim();
/** "X X" (a related link printed twice in one line) */
export function doubledHalf(text: string): string | null {
  const t = withoutPipe(text);
  const half = (t.length - 1) / 2;
  if (!Number.isInteger(half) || half < 10) return null;
  const a = t.slice(0, half);
  return t[half] === ' ' && a === t.slice(half + 1) && isTitleLike(a) ? a : null;
}

export function isTitleLike(text: string): boolean {
  const t = withoutPipe(text);
  const words = wordCount(t);
  return words >= TITLE_MIN_WORDS && words <= TITLE_MAX_WORDS && TITLE_START_RE.test(t) && !/[.:;,]$/u.test(t) && !/[.!…]["”’»)]?$/u.test(t);
}

/** "Tiêu đề - Báo Người Lao Động Online" → the title, and the outlet named in its suffix */
const TITLE_SUFFIX_RE = /^(.{10,}?)\s(?:[-–—|])\s([^-–—|]{2,60})$/u;
/** a headline is never longer than this; longer lines need no title checks */
const TITLE_MAX_CHARS = 300;

export function splitTitleSuffix(text: string): { title: string; outletId?: string } {
  const t = withoutPipe(text);
  const m = t.length <= TITLE_MAX_CHARS && /\s[-–—|]\s/u.test(t) ? TITLE_SUFFIX_RE.exec(t) : null;
  if (m) {
    const o = outletRegistry.lookup(m[2]!.trim());
    if (o) return { title: m[1]!.trim(), outletId: o.id };
  }
  return { title: t };
}

export const comparable = (t: string): string =>
  withoutPipe(t).toLocaleLowerCase('vi').replace(/[\s"“”'‘’«»]+/gu, ' ').replace(/[\s.!?…]+$/u, '').trim();

const isText = (s: Classified): boolean => s.role === 'text';
/** the comparable form of a line as a headline (suffix and " |" gone); null for lines too long to be one */
const headlineKey = (text: string): string | null => (text.length > TITLE_MAX_CHARS ? null : comparable(splitTitleSuffix(text).title));
/** a paragraph of running text: long, and ending like a sentence (a headline does not) */
const isLong = (s: Classified): boolean => wordCount(s.text) >= LONG_PARAGRAPH_WORDS && SENTENCE_END_RE.test(withoutPipe(s.text));

function setRole(s: Classified, role: Role | 'text', ruleId: string): void {
  s.role = role;
  s.ruleId = ruleId;
}

function longTextBounds(segments: readonly Classified[]): { first: number; last: number } {
  let first = -1;
  let last = -1;
  segments.forEach((s, i) => {
    if ((isText(s) || s.role === 'body') && isLong(s)) {
      if (first < 0) first = i;
      last = i;
    }
  });
  return { first, last };
}

function entitiesOf(text: string): { people: Set<string>; places: Set<string> } {
  const tokens = tokenize(text);
  return {
    people: new Set(personRegistry.scan(text, tokens).map((m) => m.name)),
    places: new Set(placeRegistry.scan(text, tokens).map((m) => m.name)),
  };
}

export const DOCUMENT_RULES: readonly DocumentRule[] = [
  {
    // everything after the first footer line that no long paragraph follows is footer
    id: 'footer-zone',
    apply(segments) {
      const { last } = longTextBounds(segments);
      const start = segments.findIndex((s, i) => i > last && s.role === 'footer');
      if (start < 0) return;
      for (let i = start; i < segments.length; i++) if (isText(segments[i]!)) setRole(segments[i]!, 'footer', 'footer-zone');
    },
  },
  {
    // among the first few headline-like lines, the likeliest: printed again later, long as a
    // headline is, next to the dateline, a byline or the story; a blog or section name is none of these
    id: 'title',
    apply(segments) {
      const heading = segments.find((s) => isText(s) && s.ruleId === 'markdown-heading');
      const candidates: { s: Classified; i: number }[] = [];
      let longSeen = 0;
      let seen = 0;
      for (let i = 0; i < segments.length && !heading; i++) {
        const s = segments[i]!;
        if (!isText(s)) continue;
        if (isTitleLike(s.text) && longSeen <= 1) candidates.push({ s, i });
        if (isLong(s)) longSeen++;
        if (++seen >= TITLE_SEARCH_LINES || longSeen > 1) break;
      }
      const keyCount = new Map<string, number>();
      if (candidates.length > 1) {
        for (const o of segments) {
          const k = headlineKey(o.text);
          if (k) keyCount.set(k, (keyCount.get(k) ?? 0) + 1);
        }
      }
      const score = ({ s, i }: { s: Classified; i: number }): number => {
        const repeated = (keyCount.get(headlineKey(s.text) ?? '') ?? 0) > 1;
        const near = [segments[i - 1], segments[i + 1]].some((n) => n && (TITLE_NEIGHBOUR_ROLES.has(n.role) || (isText(n) && isLong(n))));
        return (repeated ? 2 : 0) + (near ? 1 : 0) + (wordCount(s.text) >= HEADLINE_WORDS ? 1 : 0);
      };
      let title = heading;
      let best = -1;
      for (const c of candidates) {
        const sc = score(c);
        if (sc > best) { best = sc; title = c.s; }
      }
      if (!title) return;
      setRole(title, 'title', heading ? 'markdown-heading' : 'title');
      const { outletId } = splitTitleSuffix(title.text);
      if (outletId) title.outletId = outletId;
    },
  },
  {
    id: 'repeated-title',
    apply(segments) {
      const title = segments.find((s) => s.role === 'title');
      if (!title) return;
      const key = headlineKey(title.text);
      for (const s of segments) {
        if (s === title) continue;
        if ((isText(s) || s.role === 'photo-marker' || s.role === 'byline') && headlineKey(s.text) === key) {
          setRole(s, 'repeated-title', 'repeated-title');
        }
      }
    },
  },
  {
    // the lines after "Tin liên quan", and lines that print a link title twice
    id: 'related-links',
    apply(segments) {
      let afterHeader = false;
      for (const s of segments) {
        if (s.role === 'related-link' && s.ruleId === 'related-header') { afterHeader = true; continue; }
        if (!isText(s)) { if (s.role !== 'widget') afterHeader = false; continue; }
        if (doubledHalf(s.text) || (afterHeader && isTitleLike(s.text))) {
          setRole(s, 'related-link', 'related-links');
          continue;
        }
        afterHeader = false;
      }
    },
  },
  {
    id: 'duplicates',
    apply(segments) {
      const seen = new Map<string, Classified>();
      for (const s of segments) {
        if (!isText(s) && s.role !== 'caption') continue;
        const key = comparable(s.role === 'caption' ? s.text : s.text);
        const first = seen.get(key);
        if (!first) { seen.set(key, s); continue; }
        if (first.role === 'caption') setRole(s, 'repeated-caption', 'duplicates');
        else if (isTitleLike(s.text) && (isText(first) || first.role === 'related-link')) {
          // a headline printed twice in the middle of a story is a link to another story
          setRole(first, 'related-link', 'duplicates');
          setRole(s, 'related-link', 'duplicates');
        } else setRole(s, 'duplicate-paragraph', 'duplicates');
      }
    },
  },
  {
    // after the story, a comments header ("Bình luận (3)") starts the readers' comments: names, texts, replies
    id: 'comments',
    apply(segments) {
      const { last } = longTextBounds(segments);
      const start = segments.findIndex((s, i) => i > last && COMMENTS_HEADER_RE.test(withoutPipe(s.text)));
      if (start < 0) return;
      for (let i = start + 1; i < segments.length; i++) {
        const s = segments[i]!;
        if (s.ruleId === 'related-header' || s.role === 'footer') break;
        if (isText(s) || s.role === 'byline') setRole(s, 'comment', 'comments');
      }
    },
  },
  {
    // "Tin chính", "Việt Nam": menu words before the story or after it are navigation, not text
    id: 'navigation',
    apply(segments) {
      const { first, last } = longTextBounds(segments);
      const titleAt = segments.findIndex((s) => s.role === 'title');
      segments.forEach((s, i) => {
        if (!isText(s) || (first >= 0 && i > first && i < last) || i === first || i === last) return;
        const t = withoutPipe(s.text);
        // above the title, only the sapo may stand; any other short line is the page's header
        const aboveTitle = i < titleAt && !isLong(s);
        if (aboveTitle || (wordCount(t) <= NAVIGATION_MAX_WORDS && !/[.!?…:;"”]$/u.test(t))) setRole(s, 'breadcrumb', 'navigation');
      });
    },
  },
  {
    id: 'lede',
    apply(segments) {
      const titleAt = segments.findIndex((s) => s.role === 'title');
      const texts = segments.map((s, i) => ({ s, i })).filter(({ s }) => isText(s));
      const first = texts[0];
      if (!first || texts.length < 3) return;
      // the sapo comes right after the title, or right before it when the page put it first
      const beforeTitle = titleAt >= 0 && first.i < titleAt;
      const afterTitle = titleAt < 0 || first.i > titleAt;
      if (!beforeTitle && !afterTitle) return;
      const t = first.s.text;
      const words = wordCount(t);
      if (words < LEDE_MIN_WORDS || words > LEDE_MAX_WORDS) return;
      if (CONTINUATION_RE.test(t) || !SENTENCE_END_RE.test(withoutPipe(t))) return;
      setRole(first.s, 'lede', 'lede');
    },
  },
  {
    // a byline stands before the story or after it, never between its paragraphs
    id: 'byline-zone',
    apply(segments) {
      const { first, last } = longTextBounds(segments);
      segments.forEach((s, i) => {
        if (s.role === 'byline' && first >= 0 && i > first && i < last) setRole(s, 'text', 'byline-zone');
      });
    },
  },
  {
    // other news at the end: headlines after the last paragraph of the story, or a run of
    // paragraphs that share no person and at most one place with it and name others instead
    id: 'teasers',
    apply(segments) {
      const { last } = longTextBounds(segments);
      segments.forEach((s, i) => {
        if (last >= 0 && i > last && isText(s) && isTitleLike(s.text)) setRole(s, 'teaser', 'teasers');
      });
      const story = segments.filter((s) => ['title', 'lede', 'caption'].includes(s.role));
      const firstBody = segments.filter(isText).slice(0, 3);
      const core = entitiesOf([...story, ...firstBody].map((s) => s.captionText ?? s.text).join('\n'));
      const names = (i: number): string[] => { const e = entitiesOf(segments[i]!.text); return [...e.people, ...e.places]; };
      const isForeign = (i: number): boolean => names(i).some((n) => !core.people.has(n) && !core.places.has(n));
      const textIdx = segments.map((s, i) => (isText(s) ? i : -1)).filter((i) => i >= 0);
      const run: number[] = [];
      for (let k = textIdx.length - 1; k >= 3; k--) {
        const e = entitiesOf(segments[textIdx[k]!]!.text);
        const sharedPeople = [...e.people].filter((p) => core.people.has(p)).length;
        const sharedPlaces = [...e.places].filter((p) => core.places.has(p)).length;
        if (sharedPeople > 0 || sharedPlaces > 1) break;
        run.push(textIdx[k]!);
      }
      run.reverse();
      // the run starts at its first foreign paragraph: neutral lines before it stay in the story
      const from = run.findIndex(isForeign);
      const teasers = from < 0 ? [] : run.slice(from);
      const foreign = teasers.filter(isForeign).length;
      if (foreign < TEASER_MIN_RUN || foreign * 2 < teasers.length) return;
      for (const i of teasers) setRole(segments[i]!, 'teaser', 'teasers');
    },
  },
  {
    id: 'body',
    apply(segments) {
      for (const s of segments) if (isText(s)) setRole(s, 'body', 'body');
    },
  },
];
