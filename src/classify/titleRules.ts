/**
 * The story's headline (the rules `title` and `repeated-title` of DOCUMENT_RULES): the headline next to
 * the story's dateline, else next to a byline or printed twice, else the lone headline right above the
 * story; on a page without a story block, the likeliest of the first few headline-like lines.
 */
import { wordCount } from '../read/text.ts';
import { isText, setRole, type DocumentRule } from './documentRule.ts';
import { HEADLINE_WORDS, headlineKey, isLong, isTitleLike, splitTitleSuffix } from './headline.ts';
import { withoutPipe, type StorySpan } from './storyZone.ts';
import type { Registries } from '../registry/index.ts';
import type { Classified } from './types.ts';

/** the title is one of the first few undecided lines */
const TITLE_SEARCH_LINES = 4;
const TITLE_NEIGHBOUR_ROLES: ReadonlySet<string> = new Set(['dateline', 'byline', 'outlet-tag', 'caption', 'lede']);
/** the title is at most this many segments into the story block (a sapo may stand before it) */
export const TITLE_LOOKAHEAD = 3;
const DATED_LINK_RE = /\s\(\d{1,2}\/\d{1,2}(?:\/\d{2,4})?\)$/u;
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

function anchoredTitle(segments: readonly Classified[], story: StorySpan | null, reg: Registries): Classified | undefined {
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
        const k = headlineKey(o.text, reg);
        if (k) keyCount.set(k, (keyCount.get(k) ?? 0) + 1);
      }
    }
    return (keyCount.get(headlineKey(s.text, reg) ?? '') ?? 0) > 1;
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
    const key = headlineKey(segments[at]!.text, reg);
    for (let j = at - 1; j >= Math.max(0, at - TITLE_COPY_DISTANCE); j--) if (isCandidateAt(j) && headlineKey(segments[j]!.text, reg) === key) return segments[j];
    return segments[at];
  }
  return undefined;
}

export const TITLE_RULES: readonly DocumentRule[] = [
  {
    // the story's headline: the nearest headline-like line before the story (or among its first lines) that
    // stands next to the dateline or the byline, else the nearest printed twice; on a page with neither, among
    // the first few headline-like lines the likeliest: printed again later, long as a headline is, next to the
    // dateline, a byline or the story; a blog or section name is none of these
    id: 'title',
    apply(segments, doc) {
      const reg = doc.registries;
      const heading = segments.find((s) => isText(s) && s.ruleId === 'markdown-heading');
      const anchored = heading ? undefined : anchoredTitle(segments, doc.story, reg);
      if (anchored) {
        setRole(anchored, 'title', 'title');
        const { outletId } = splitTitleSuffix(anchored.text, reg);
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
          const k = headlineKey(o.text, reg);
          if (k) keyCount.set(k, (keyCount.get(k) ?? 0) + 1);
        }
      }
      const score = ({ s, i }: { s: Classified; i: number }): number => {
        const repeated = (keyCount.get(headlineKey(s.text, reg) ?? '') ?? 0) > 1;
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
      const { outletId } = splitTitleSuffix(title.text, reg);
      if (outletId) title.outletId = outletId;
    },
  },
  {
    id: 'repeated-title',
    apply(segments, doc) {
      const reg = doc.registries;
      const title = segments.find((s) => s.role === 'title');
      if (!title) return;
      const key = headlineKey(title.text, reg);
      for (const s of segments) {
        if (s === title) continue;
        if ((isText(s) || s.role === 'photo-marker' || s.role === 'byline') && headlineKey(s.text, reg) === key) {
          setRole(s, 'repeated-title', 'repeated-title');
        }
      }
    },
  },
];
