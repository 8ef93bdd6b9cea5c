/**
 * Document rules: decide the roles that depend on a line's place among the
 * others (title, byline zones, related links, duplicates, lede, teasers).
 * They run in the order of DOCUMENT_RULES, each over the whole list.
 */
import { perRegistries, tokenize, type Registries } from '../registry/index.ts';
import { wordCount } from '../read/text.ts';
import { isAttribution, signatureNames } from './names.ts';
import { isText, setRole, type DocumentRule, type DocumentState } from './documentRule.ts';
import { comparable, doubledHalf, HEADLINE_WORDS, isLong, isTitleLike, SENTENCE_END_RE } from './headline.ts';
import { locateStory, withoutPipe } from './storyZone.ts';
import { TITLE_LOOKAHEAD, TITLE_RULES } from './titleRules.ts';
import type { Classified } from './types.ts';

export type { DocumentRule, DocumentState } from './documentRule.ts';

export const LEDE_MIN_WORDS = 10;
export const LEDE_MAX_WORDS = 90;
export const TEASER_MIN_RUN = 3;
const NAVIGATION_MAX_WORDS = 3;

/** the expressions of the registries' comment headers and continuation words, once per Registries */
const junkOf = perRegistries(({ boilerplate }) => ({
  COMMENTS_HEADER_RE: new RegExp(`^(?:${boilerplate.commentHeaders.join('|')})$`, 'iu'),
  CONTINUATION_RE: new RegExp(`^(?:${boilerplate.continuations.join('|')})(?![\\p{L}])`, 'iu'),
}));

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

function entitiesOf(text: string, reg: Registries): { people: Set<string>; places: Set<string> } {
  const tokens = tokenize(text);
  return {
    people: new Set(reg.people.scan(text, tokens).map((m) => m.name)),
    places: new Set(reg.places.scan(text, tokens).map((m) => m.name)),
  };
}

/** a page parts its paragraphs with empty lines when this share of them has one before it */
const GLUED_SPACED_SHARE = 0.8;
const GLUED_MIN_PARAGRAPHS = 3;
/** lines printed right before the title that may be its sapo */
const SAPO_BEFORE_TITLE = 2;
/** a run of this many headline-like lines in a row is a list of links */
const LINK_RUN_MIN = 3;
const LINK_RUN_MIN_WORDS = 5;
/** a byline stands at most this many segments after the story's last line */
const BYLINE_AFTER_STORY = 3;
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
      doc.story = locateStory(segments, doc.registries);
    },
  },
  ...TITLE_RULES,
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
      const start = segments.findIndex((s, i) => i > last && junkOf(doc.registries).COMMENTS_HEADER_RE.test(withoutPipe(s.text)));
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
        const names = signature ? signatureNames(s.text, doc.registries) : null;
        signature = false;
        if (names) {
          s.role = 'byline';
          s.ruleId = 'outside-story';
          s.names = names;
          continue;
        }
        // "Giáo sư Nguyễn Minh Thuyết - Tổng chủ biên…": who said the story's last words
        if (i === story.last + 1 && isAttribution(s.text, doc.registries)) { setRole(s, 'body', 'outside-story'); continue; }
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
    apply(segments, doc) {
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
      if (junkOf(doc.registries).CONTINUATION_RE.test(t) || !SENTENCE_END_RE.test(withoutPipe(t))) return;
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
    apply(segments, doc) {
      const { last } = longTextBounds(segments);
      segments.forEach((s, i) => {
        if (last >= 0 && i > last && isText(s) && isTitleLike(s.text)) setRole(s, 'teaser', 'teasers');
      });
      const story = segments.filter((s) => ['title', 'lede', 'caption'].includes(s.role));
      const firstBody = segments.filter(isText).slice(0, 3);
      const core = entitiesOf([...story, ...firstBody].map((s) => s.captionText ?? s.text).join('\n'), doc.registries);
      const names = (i: number): string[] => { const e = entitiesOf(segments[i]!.text, doc.registries); return [...e.people, ...e.places]; };
      const isForeign = (i: number): boolean => names(i).some((n) => !core.people.has(n) && !core.places.has(n));
      // the paragraphs after the story block are already teasers: the run may reach back from them
      const textIdx = segments.map((s, i) => (isText(s) || (s.ruleId === 'outside-story' && isLong(s)) ? i : -1)).filter((i) => i >= 0);
      const run: number[] = [];
      for (let k = textIdx.length - 1; k >= 3; k--) {
        const e = entitiesOf(segments[textIdx[k]!]!.text, doc.registries);
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
