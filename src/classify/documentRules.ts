/**
 * Document rules: decide the roles that depend on a line's place among the
 * others (title, byline zones, related links, duplicates, lede, teasers).
 * They run in the order of DOCUMENT_RULES, each over the whole list.
 */
import { BOILERPLATE, outletRegistry, personRegistry, placeRegistry, tokenize } from '../registry/index.ts';
import { wordCount } from '../read/text.ts';
import { signatureNames } from './names.ts';
import { findPersonNames } from '../extract/personNames.ts';
import { locateStory, withoutPipe, type StorySpan } from './storyZone.ts';
import type { Classified, Role } from './types.ts';

/** what the rules learn about the whole page, for the rules after them */
export interface DocumentState {
  /** the block of prose that is the story (set by the rule `story`) */
  story: StorySpan | null;
}

export interface DocumentRule {
  id: string;
  apply(segments: Classified[], doc: DocumentState): void;
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

/** the title is at most this many segments into the story block (a sapo may stand before it) */
const TITLE_LOOKAHEAD = 3;
const DATED_LINK_RE = /\s\(\d{1,2}\/\d{1,2}(?:\/\d{2,4})?\)$/u;
/** a page parts its paragraphs with empty lines when this share of them has one before it */
const GLUED_SPACED_SHARE = 0.8;
const GLUED_MIN_PARAGRAPHS = 3;
/** lines on each side looked at to tell a menu; a menu item has at most this many words */
const MENU_CONTEXT = 3;
const MENU_ITEM_WORDS = 4;
const MENU_SIDE = 2;
/** an unanchored headline stands at most this many segments above a paragraph */
const TITLE_ABOVE_STORY = 4;
/** a copy of the title this close before it is the one printed first */
const TITLE_COPY_DISTANCE = 2;
/** a dateline or byline this many segments away anchors a headline */
const ANCHOR_DISTANCE = 2;
const DATELINE_ROLES: ReadonlySet<string> = new Set(['dateline']);
const ANCHOR_ROLES: ReadonlySet<string> = new Set(['byline', 'outlet-tag']);
/** a run of this many headline-like lines in a row is a list of links */
const LINK_RUN_MIN = 3;
const LINK_RUN_MIN_WORDS = 5;
/** a byline stands at most this many segments after the story's last line */
const BYLINE_AFTER_STORY = 3;
/** lines printed right before the title that may be its sapo */
const SAPO_BEFORE_TITLE = 2;

function anchoredTitle(segments: readonly Classified[], story: StorySpan | null): Classified | undefined {
  if (!story) return undefined;
  const from = Math.min(segments.length - 1, story.first + TITLE_LOOKAHEAD);
  // a headline stands on a line of its own: a label split off a dateline's line ("Sống trẻ Giáo dục | Cập nhật …") is none
  const sharesLine = (i: number): boolean => segments[i - 1]?.line === segments[i]!.line || segments[i + 1]?.line === segments[i]!.line;
  // "Chơi Bitcoin như chơi dao! (28/3)": a dated item of a list of links
  const datedLink = (i: number): boolean => DATED_LINK_RE.test(withoutPipe(segments[i]!.text));
  const isCandidateAt = (i: number): boolean => isText(segments[i]!) && isTitleLike(segments[i]!.text) && !isLong(segments[i]!) && !sharesLine(i) && !datedLink(i);
  const nextTo = (i: number, roles: ReadonlySet<string>): boolean => {
    for (let d = 1; d <= ANCHOR_DISTANCE; d++) {
      for (const j of [i - d, i + d]) if (segments[j] && roles.has(segments[j]!.role)) return true;
    }
    return false;
  };
  let keyCount: Map<string, number> | undefined;
  const printedTwice = (s: Classified): boolean => {
    if (!keyCount) {
      keyCount = new Map();
      for (const o of segments) {
        const k = headlineKey(o.text);
        if (k) keyCount.set(k, (keyCount.get(k) ?? 0) + 1);
      }
    }
    return (keyCount.get(headlineKey(s.text) ?? '') ?? 0) > 1;
  };
  // the dateline is the surest anchor; a byline may be a menu word read as a name, a title printed twice a link
  // with neither, the headline right above the story, standing alone (not one of a menu's or a list's lines)
  const listLine = (j: number): boolean => !!segments[j] && isText(segments[j]!) && isTitleLike(segments[j]!.text) && !isLong(segments[j]!);
  const inList = (i: number): boolean => listLine(i - 1) || listLine(i + 1);
  // a menu item: a few words without a full stop on both sides of it (the page's edge counts as one)
  const shortAt = (j: number): boolean => {
    const n = segments[j];
    return !n || ((isText(n) || n.role === 'breadcrumb') && wordCount(n.text) <= MENU_ITEM_WORDS && !/[.!?…]$/u.test(n.text.trim()));
  };
  const inMenu = (i: number): boolean => {
    let before = 0;
    let after = 0;
    for (let d = 1; d <= MENU_CONTEXT; d++) {
      if (shortAt(i - d)) before++;
      if (shortAt(i + d)) after++;
    }
    return before >= MENU_SIDE && after >= MENU_SIDE;
  };
  const paragraphFollows = (i: number): boolean => {
    for (let j = i + 1; j <= i + TITLE_ABOVE_STORY && j < segments.length; j++) if ((isText(segments[j]!) || segments[j]!.role === 'body') && isLong(segments[j]!)) return true;
    return false;
  };
  const tests: ((i: number) => boolean)[] = [
    (i) => nextTo(i, DATELINE_ROLES),
    (i) => (nextTo(i, ANCHOR_ROLES) || printedTwice(segments[i]!)) && !inMenu(i),
    (i) => !inList(i) && !inMenu(i) && paragraphFollows(i),
  ];
  // before the story first, nearest first; then its first lines (a sapo printed before the title)
  const order: number[] = [];
  for (let i = Math.min(story.first, from); i >= 0; i--) order.push(i);
  for (let i = story.first + 1; i <= from; i++) order.push(i);
  // a headline among the story's first lines (after a sapo) still has paragraphs after it
  const placed = (i: number): boolean => i <= story.first || paragraphFollows(i);
  for (const anchoredAt of tests) {
    const at = order.find((i) => isCandidateAt(i) && placed(i) && anchoredAt(i));
    if (at === undefined) continue;
    // the first of two copies printed close together (the title, the byline, the title again)
    const key = headlineKey(segments[at]!.text);
    for (let j = at - 1; j >= Math.max(0, at - TITLE_COPY_DISTANCE); j--) if (isCandidateAt(j) && headlineKey(segments[j]!.text) === key) return segments[j];
    return segments[at];
  }
  return undefined;
}

/** where a name may start in an attribution line: after its title ("Giáo sư ", "Cô ") */
const ATTRIBUTION_NAME_AT = 12;
/** "Cô Lê Ngọc Diệp - Trưởng phòng GD tiểu học": a person, then a dash or a comma and their role */
export function isAttribution(text: string): boolean {
  const first = findPersonNames(text)[0];
  return !!first && first.index <= ATTRIBUTION_NAME_AT && /^\s?[-–,]\s/u.test(text.slice(first.end));
}

/** the first and last paragraph of the story, from its block or else from all long lines */
function storyBounds(segments: readonly Classified[], doc: DocumentState): { first: number; last: number } {
  return doc.story ? { first: doc.story.first, last: doc.story.lastProse } : longTextBounds(segments);
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
    // the block of prose that is the story (storyZone.ts): the rules below place title, byline and teasers by it
    id: 'story',
    apply(segments, doc) {
      doc.story = locateStory(segments);
    },
  },
  {
    // the story's headline: the nearest headline-like line before the story (or among its first lines) that
    // stands next to the dateline or the byline, else the nearest printed twice; on a page with neither, among
    // the first few headline-like lines the likeliest: printed again later, long as a headline is, next to the
    // dateline, a byline or the story; a blog or section name is none of these
    id: 'title',
    apply(segments, doc) {
      const heading = segments.find((s) => isText(s) && s.ruleId === 'markdown-heading');
      const anchored = heading ? undefined : anchoredTitle(segments, doc.story);
      if (anchored) {
        setRole(anchored, 'title', 'title');
        const { outletId } = splitTitleSuffix(anchored.text);
        if (outletId) anchored.outletId = outletId;
        return;
      }
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
    // after the story, a comments header ("Bình luận (3)") starts the readers' comments: names, texts, replies
    id: 'comments',
    apply(segments, doc) {
      const { last } = storyBounds(segments, doc);
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
    // a page's other text: after the story block, and long lines well above the title (a sidebar's
    // summaries); the signature right after the story is its byline
    id: 'outside-story',
    apply(segments, doc) {
      const story = doc.story;
      if (!story) return;
      const titleAt = segments.findIndex((s) => s.role === 'title');
      if (titleAt >= 0 && titleAt <= story.first + TITLE_LOOKAHEAD) {
        for (let i = 0; i < titleAt - SAPO_BEFORE_TITLE; i++) {
          const s = segments[i]!;
          if (isText(s) && isLong(s)) setRole(s, 'teaser', 'outside-story');
        }
      }
      // a byline above the title or far below the story is a menu item ("La Liga", "Âu Mỹ")
      segments.forEach((s, i) => {
        const above = titleAt >= 0 && i < titleAt - SAPO_BEFORE_TITLE;
        if (s.role === 'byline' && (above || i > story.last + BYLINE_AFTER_STORY)) setRole(s, 'breadcrumb', 'outside-story');
      });
      let signature = true;
      for (let i = story.last + 1; i < segments.length; i++) {
        const s = segments[i]!;
        if (!isText(s)) { if (s.role !== 'caption' && s.role !== 'credit' && s.role !== 'source') signature = false; continue; }
        const names = signature ? signatureNames(s.text) : null;
        signature = false;
        if (names) {
          s.role = 'byline';
          s.ruleId = 'outside-story';
          s.names = names;
          continue;
        }
        // "Giáo sư Nguyễn Minh Thuyết - Tổng chủ biên…": who said the story's last words
        if (i === story.last + 1 && isAttribution(s.text)) { setRole(s, 'body', 'outside-story'); continue; }
        // a short menu word is left to the rule `navigation`
        if (wordCount(withoutPipe(s.text)) > NAVIGATION_MAX_WORDS) setRole(s, 'teaser', 'outside-story');
      }
    },
  },
  {
    // a run of headline-like lines in a row is a list of links to other stories, with the line that
    // announces it ("Đọc những thông tin mới nhất trên FICA:")
    id: 'link-list',
    apply(segments) {
      const isLink = (s: Classified | undefined): boolean => !!s && isText(s) && isTitleLike(s.text) && !isLong(s) && wordCount(s.text) >= LINK_RUN_MIN_WORDS;
      for (let i = 0; i < segments.length; i++) {
        let j = i;
        while (isLink(segments[j])) j++;
        if (j - i >= LINK_RUN_MIN) {
          for (let k = i; k < j; k++) setRole(segments[k]!, 'related-link', 'link-list');
          const intro = segments[i - 1];
          if (intro && isText(intro) && /:$/u.test(withoutPipe(intro.text)) && !isLong(intro)) setRole(intro, 'related-link', 'link-list');
        }
        i = Math.max(i, j);
      }
    },
  },
  {
    // on a page that parts its paragraphs with empty lines, a headline glued to the line before it, with an
    // empty line after, is a link printed under the sapo ("Vụ xe Camry tông chết 3 người: …"), not a subheading
    id: 'glued-link',
    apply(segments, doc) {
      const story = doc.story;
      if (!story) return;
      const gapBefore = (i: number): boolean => i > 0 && segments[i]!.line - segments[i - 1]!.line > 1;
      const prose = segments.map((s, i) => i).filter((i) => i > story.first && i <= story.lastProse && isLong(segments[i]!));
      if (prose.length < GLUED_MIN_PARAGRAPHS || prose.filter(gapBefore).length < prose.length * GLUED_SPACED_SHARE) return;
      const titleAt = segments.findIndex((s) => s.role === 'title');
      for (let i = Math.max(titleAt + 1, 1); i <= story.lastProse; i++) {
        const s = segments[i]!;
        if (!isText(s) || isLong(s) || !isTitleLike(s.text) || wordCount(s.text) < HEADLINE_WORDS) continue;
        const glued = !gapBefore(i) && segments[i - 1]!.line !== s.line && (isText(segments[i - 1]!) || segments[i - 1]!.role === 'lede');
        if (glued && (i + 1 >= segments.length || gapBefore(i + 1))) setRole(s, 'related-link', 'glued-link');
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
    // "Tin chính", "Việt Nam": menu words before the story or after it are navigation, not text
    id: 'navigation',
    apply(segments, doc) {
      const { first, last } = storyBounds(segments, doc);
      const titleAt = segments.findIndex((s) => s.role === 'title');
      segments.forEach((s, i) => {
        if (!isText(s) || (first >= 0 && i > first && i < last) || i === first || i === last) return;
        const t = withoutPipe(s.text);
        // above the title, only the sapo may stand; any other short line is the page's header
        const aboveTitle = i < titleAt && !isLong(s);
        // "Sống trẻ Giáo dục |" printed on the dateline's line: its section
        const onDateline = [segments[i - 1], segments[i + 1]].some((n) => n?.line === s.line && n.role === 'dateline') && !isLong(s);
        if (aboveTitle || onDateline || (wordCount(t) <= NAVIGATION_MAX_WORDS && !/[.!?…:;"”]$/u.test(t))) setRole(s, 'breadcrumb', 'navigation');
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
    apply(segments, doc) {
      const { first, last } = storyBounds(segments, doc);
      // the story's first paragraph is the one after the lede: a byline may stand between them
      const ledeAt = segments.findIndex((s) => s.role === 'lede');
      const from = ledeAt >= first ? segments.findIndex((s, i) => i > ledeAt && (isText(s) || s.role === 'body') && isLong(s)) : first;
      segments.forEach((s, i) => {
        if (s.role === 'byline' && from >= 0 && i > from && i < last) setRole(s, 'text', 'byline-zone');
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
      // the paragraphs after the story block are already teasers: the run may reach back from them
      const textIdx = segments.map((s, i) => (isText(s) || (s.ruleId === 'outside-story' && isLong(s)) ? i : -1)).filter((i) => i >= 0);
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
      for (const i of teasers) if (isText(segments[i]!)) setRole(segments[i]!, 'teaser', 'teasers');
    },
  },
  {
    id: 'body',
    apply(segments) {
      for (const s of segments) if (isText(s)) setRole(s, 'body', 'body');
    },
  },
];
