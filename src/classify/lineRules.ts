/**
 * Line rules: each looks at one segment alone and may give it a role.
 * They run in the order of LINE_RULES; the first that fires wins.
 */
import { parseDatelineText } from '../lang/dates.ts';
import { defaultRegistries, escapeRegExp, perRegistries, type Registries } from '../registry/index.ts';
import { wordCount } from '../read/text.ts';
import { hasBylinePrefix, looksVietnamese, parseByline } from './names.ts';
import type { Classified, Segment } from './types.ts';

export type Verdict = Omit<Classified, keyof Segment | 'ruleId'>;
export interface LineRule {
  id: string;
  /** the longest line (in words) the rule can fire on; longer lines skip it */
  maxWords?: number;
  apply(text: string, reg: Registries): Verdict | null;
}

const wholeLine = (list: readonly string[]): RegExp =>
  new RegExp(`^(?:${list.join('|')})$`, 'iu');

/** whether a pattern is "^…" as a whole: anchored at its start, no "|" outside a group or a class */
function anchoredWhole(pattern: string): boolean {
  if (!pattern.startsWith('^')) return false;
  let depth = 0;
  let inClass = false;
  for (let i = 1; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') { i++; continue; }
    if (inClass) { if (c === ']') inClass = false; continue; }
    if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) return false;
  }
  return true;
}
/**
 * Whether a line holds one of the footer patterns: those anchored at the line's start tried there
 * only, the others anywhere (one expression of all of them tried its fifty alternatives at every
 * position of every line). Same answer as new RegExp(patterns.join('|'), 'iu').test(line).
 */
export function footerTest(patterns: readonly string[]): (line: string) => boolean {
  const anchored = patterns.filter(anchoredWhole).map((p) => p.slice(1));
  const floating = patterns.filter((p) => !anchoredWhole(p));
  const start = anchored.length ? new RegExp(`^(?:${anchored.join('|')})`, 'iu') : null;
  const anywhere = floating.length ? new RegExp(floating.join('|'), 'iu') : null;
  return (line) => (start?.test(line) ?? false) || (anywhere?.test(line) ?? false);
}

/** the expressions of the registries' junk phrases (widgets, footers, sections, related-link headers, anonymous bylines), once per Registries */
const junkOf = perRegistries(({ boilerplate }) => ({
  WIDGET_RE: wholeLine(boilerplate.widgets),
  ANONYMOUS_BYLINE_RE: wholeLine(boilerplate.anonymousBylines.map(escapeRegExp)),
  FOOTER: footerTest(boilerplate.footers),
  SECTION_RE: wholeLine(boilerplate.sections.map(escapeRegExp)),
  RELATED_HEADER_RE: wholeLine(boilerplate.relatedHeaders.map(escapeRegExp)),
  RELATED_INLINE_RE: new RegExp(`^(?:${boilerplate.relatedInline.map(escapeRegExp).join('|')})\\s?(?:>>|>|»|:)\\s?\\S.*$`, 'iu'),
}));

/** bullets, pipes and arrows that widgets carry */
const DECORATION_RE = /^[\s•·|›»>\-–—*]+|[\s•·|›»>\-–—*:]+$/gu;
const undecorated = (t: string): string => t.replace(DECORATION_RE, '');

const WIDGET_ROW_SPLIT_RE = /\s[·•|]\s/u;
/** "(Phóng viên Báo Nhân Dân tại Liên bang Nga)": where the reporter writes from */
const CORRESPONDENT_RE = /^\((?:Phóng viên|PV|Từ|Thông tấn xã Việt Nam|TTXVN)\s[^()]{2,80}\)$/u;
/** "Chú thích hình ảnh, Ông Putin và ông Kim…" (BBC) */
const CAPTION_PREFIX_RE = /^(?:Chú thích hình ảnh|Chú thích ảnh|Chú thích)\s?[,:]\s?(.{3,})$/iu;
const ILLUSTRATION_RE = /^(.{10,200}?)\s?\((?:Ảnh|Hình|Hình ảnh) minh h(?:ọa|oạ)\)\.?\s?\|?$/iu;
/** "Bài viết có sử dụng thông tin từ Reuters và AP." */
const SOURCES_USED_RE = /^\(?(?:Bài viết\s)?(?:có\s)?(?:sử dụng|tổng hợp|tham khảo)\s(?:thông tin|tư liệu|nguồn tin|nguồn)\s(?:từ|của)\s([^()]{2,80}?)\.?\)?$/iu;
const BREADCRUMB_SPLIT_RE = /\s*(?:>|»|›|\/|\|)\s*/u;
const BREADCRUMB_PART_WORDS = 4;
/** "Bấm xem >> Triều Tiên lần đầu công bố…": a link to another story inside the text */

/** a link to another story marked by arrows, never a sentence of the story (no full stop at its end) */
const LINK_MARKER_RE = /^(?:>>|»|►|▶|→|>)\s*[\p{Lu}\p{N}"“'‘][^]{4,200}[^.:;,]$/u;

const URL_RE = /^<?(https?:\/\/[^\s<>"]+?)>?[.,;]?$/iu;
const SOURCE_LINE_RE = /^(?:Nguồn|Theo|Source|Link bài gốc|Bài gốc|Link|Liên kết|URL|Địa chỉ bài viết)(?![\p{L}])[^:]{0,60}?\s?:\s?<?(https?:\/\/[^\s<>"]+?)>?[.,;]?$/iu;
/** "- Ảnh 2." closing a repeated title: the photo marker of Soha, Znews, Kenh14 */
const PHOTO_MARKER_RE = /\s[-–]\s(?:Ảnh|Hình|Video)\s\d+\.?$/u;
/** a caption ends with its credit: "… ngày 19/6. Ảnh: Yonhap/TTXVN", "… (Nguồn: Reuters) |" */
const CAPTION_CREDIT_RE = /^(.*?[\p{L}\p{N}.!?”")\]])([\s.\-–—]*)\(?\s?(?:Ảnh(?:\sminh\s?h(?:ọa|oạ))?|Ảnh minh họa|Nguồn(?:\sảnh)?|Hình|Hình ảnh|Photo|Video|Clip|Đồ\sh(?:ọa|oạ)|Ảnh chụp màn hình)\s?:\s?([^():“”"]{1,60}?)\s?\)?\s?\.?\s?\|?$/iu;
const CREDIT_LABEL_RE = /(?:Ảnh|Nguồn|Hình|Photo|Video|Clip|Đồ)\s?(?:minh\s?h(?:ọa|oạ)|ảnh|hình ảnh|chụp màn hình)?\s?:/iu;
const CREDIT_TAIL_CHARS = 100;
/** a credit with no caption: "Video: RIA Novosti", "Ảnh: Reuters" */
const PHOTO_CREDIT_ONLY_RE = /^\(?\s?(?:Ảnh|Hình|Nguồn ảnh|Nguồn hình ảnh|Photo|Video|Clip|Đồ\sh(?:ọa|oạ)|Ảnh minh h(?:ọa|oạ))\s?[:,]\s?[^():“”"]{1,60}?\s?\)?\.?\s?\|?$/iu;
/** a standalone credit: "(Theo Reuters, AFP)", "Theo TTXVN", "theo Người Lao động", "Nguồn: Báo Tin tức" */
const CREDIT_LINE_RE = /^\(?\s?(?:[Tt]heo|[Nn]guồn(?:\s(?:bài viết|tin|tham khảo))?|[Ss]ource|[Dd]ịch theo|[Tt]ổng hợp theo|[Ll]ược dịch theo)\s?:?\s([^()]{2,80}?)\s?\)?\s?\.?$/u;
const CREDIT_ITEM_SPLIT_RE = /\s*(?:,|;|\/|\s\+\s|\svà\s|&)\s*/u;
const CREDIT_ITEM_RE = /^[\p{Lu}\p{N}][\p{L}\p{N}.&'’+-]*(?:\s[\p{L}\p{N}.&'’+-]+){0,5}$/u;

function creditItems(list: string, reg: Registries): string[] | null {
  const items = list.split(CREDIT_ITEM_SPLIT_RE).map((s) => s.trim()).filter(Boolean);
  if (items.length === 0) return null;
  for (const item of items) {
    if (!CREDIT_ITEM_RE.test(item)) return null;
    if (!reg.agencies.canonical(item) && !reg.outlets.lookup(item) && !/^[\p{Lu}]/u.test(item)) return null;
  }
  return items;
}

export const LINE_RULES: readonly LineRule[] = [
  {
    id: 'source-line',
    apply(text) {
      const m = SOURCE_LINE_RE.exec(text) ?? URL_RE.exec(text);
      return m ? { role: 'source', url: m[1]! } : null;
    },
  },
  {
    id: 'dateline',
    maxWords: 16,
    apply(text) {
      const m = parseDatelineText(text);
      if (!m) return null;
      return m.valid ? { role: 'dateline', date: m } : { role: 'invalid-date', date: m };
    },
  },
  {
    // "(TTXVN/Vietnam+)": the page's own credit line, every item a known agency or outlet
    id: 'self-credit',
    maxWords: 12,
    apply(text, reg) {
      const m = /^\(([^()]{2,60})\)\.?$/u.exec(text.trim());
      if (!m) return null;
      const items = m[1]!.split(CREDIT_ITEM_SPLIT_RE).map((t) => t.trim()).filter(Boolean);
      const known = items.length > 0 && items.every((i) => reg.agencies.canonical(i) || reg.outlets.lookup(i));
      return known ? { role: 'credit', names: items } : null;
    },
  },
  {
    id: 'outlet-tag',
    apply(text, reg) {
      const tag = reg.outlets.tagAtStart(text);
      return tag && tag.length >= text.length ? { role: 'outlet-tag', outletId: tag.outlet.id } : null;
    },
  },
  {
    id: 'related-header',
    maxWords: 8,
    apply: (text, reg) => (junkOf(reg).RELATED_HEADER_RE.test(undecorated(text)) ? { role: 'related-link' } : null),
  },
  {
    // "Chia sẻ", "• Zalo", and a row of them: "Chia sẻ · Facebook · Email"
    id: 'widget',
    maxWords: 20,
    apply(text, reg) {
      const parts = undecorated(text).split(WIDGET_ROW_SPLIT_RE).filter(Boolean);
      return parts.length === 0 || parts.every((p) => junkOf(reg).WIDGET_RE.test(undecorated(p))) ? { role: 'widget' } : null;
    },
  },
  {
    id: 'outlet-name',
    maxWords: 8,
    apply(text, reg) {
      const t = undecorated(text);
      if (wordCount(t) > 8) return null;
      // "Zing/Znews": every part names the same outlet
      const found = t.split(/\s?\/\s?/u).map((part) => reg.outlets.lookup(part));
      const o = found[0];
      return o && found.every((f) => f === o) ? { role: 'outlet-name', outletId: o.id } : null;
    },
  },
  {
    id: 'footer',
    maxWords: 60,
    apply: (text, reg) => (wordCount(text) <= 60 && junkOf(reg).FOOTER(undecorated(text)) ? { role: 'footer' } : null),
  },
  {
    // "Thế giới", "Trang chủ | Thế giới | Tin thế giới": section names, or short parts around separators with one known section
    id: 'breadcrumb',
    maxWords: 20,
    apply(text, reg) {
      const parts = undecorated(text).split(BREADCRUMB_SPLIT_RE).filter(Boolean);
      if (parts.length === 0) return null;
      if (parts.every((p) => junkOf(reg).SECTION_RE.test(p))) return { role: 'breadcrumb' };
      const short = parts.every((p) => wordCount(p) <= BREADCRUMB_PART_WORDS && !/[.!?,:;]$/u.test(p));
      return parts.length >= 2 && short && parts.some((p) => junkOf(reg).SECTION_RE.test(p)) ? { role: 'breadcrumb' } : null;
    },
  },
  {
    // "Bấm xem >> …", and a bare link marker: ">> Công chức, viên chức được nghỉ 9 ngày dịp Tết Âm lịch"
    id: 'related-inline',
    apply: (text, reg) => (junkOf(reg).RELATED_INLINE_RE.test(text) || LINK_MARKER_RE.test(text.trim()) ? { role: 'related-link' } : null),
  },
  {
    id: 'photo-marker',
    maxWords: 40,
    apply: (text) => (PHOTO_MARKER_RE.test(text) && wordCount(text) <= 40 ? { role: 'photo-marker' } : null),
  },
  {
    id: 'photo-credit',
    maxWords: 8,
    apply: (text) => (PHOTO_CREDIT_ONLY_RE.test(text) && wordCount(text) <= 8 ? { role: 'photo-credit' } : null),
  },
  {
    id: 'credit',
    maxWords: 14,
    apply(text, reg) {
      const used = SOURCES_USED_RE.exec(text);
      if (used) {
        const items = creditItems(used[1]!, reg);
        if (items) return { role: 'credit', names: items };
      }
      const m = CREDIT_LINE_RE.exec(text.replace(/\s*\|$/, ''));
      if (!m || wordCount(text) > 14) return null;
      const items = creditItems(m[1]!, reg);
      if (!items) return null;
      // "Theo Vân Anh": a writer, not a source: a Vietnamese name that is no agency or outlet
      const writer = /^\(?\s?[Tt]heo\s/u.test(text) && items.every((i) => !reg.agencies.canonical(i) && !reg.outlets.lookup(i) && looksVietnamese(i))
        ? parseByline(m[1]!, reg) : null;
      return writer ? { role: 'byline', names: writer.authors } : { role: 'credit', names: items };
    },
  },
  {
    id: 'caption-prefix',
    apply(text) {
      const m = CAPTION_PREFIX_RE.exec(text);
      return m ? { role: 'caption', captionText: m[1]!.trim(), credit: null } : null;
    },
  },
  {
    // "Một tàu chở dầu neo đậu tại cảng biển. (Ảnh minh họa)"
    id: 'caption-illustration',
    maxWords: 60,
    apply(text) {
      const m = ILLUSTRATION_RE.exec(text);
      return m && wordCount(m[1]!) >= 3 ? { role: 'caption', captionText: m[1]!.trim(), credit: null } : null;
    },
  },
  {
    id: 'caption',
    maxWords: 80,
    apply(text) {
      // the credit stands at the end: look there before running the whole pattern
      if (!CREDIT_LABEL_RE.test(text.slice(-CREDIT_TAIL_CHARS))) return null;
      const m = CAPTION_CREDIT_RE.exec(text);
      if (!m || wordCount(m[1]!) < 2 || hasBylinePrefix(text)) return null;
      const credit = m[3]!.trim().replace(/[.\s]+$/, '');
      if (wordCount(credit) > 6) return null;
      // the caption keeps the full stop that stood before its credit
      const captionText = m[1]!.trim() + (m[2]!.includes('.') && !/[.!?]$/u.test(m[1]!) ? '.' : '');
      return { role: 'caption', captionText, credit };
    },
  },
  {
    // "PV", "Nhóm PV", "(Phóng viên Báo Nhân Dân tại Liên bang Nga)": a byline that names no one
    id: 'anonymous-byline',
    maxWords: 12,
    apply: (text, reg) => (junkOf(reg).ANONYMOUS_BYLINE_RE.test(undecorated(text)) || CORRESPONDENT_RE.test(text.trim()) ? { role: 'byline', names: [] } : null),
  },
  {
    id: 'byline',
    maxWords: 20,
    apply(text, reg) {
      const b = parseByline(text, reg);
      if (!b) return null;
      const v: Verdict = { role: 'byline', names: b.authors };
      if (b.outlet !== undefined) v.byOutlet = b.outlet;
      if (b.original !== undefined) v.fromOutlet = b.original;
      if (b.agencies) v.agencyNames = b.agencies;
      return v;
    },
  },
];

export function classifySegment(seg: Segment, reg: Registries = defaultRegistries()): Classified {
  const words = wordCount(seg.text);
  for (const rule of LINE_RULES) {
    if (rule.maxWords !== undefined && words > rule.maxWords) continue;
    const v = rule.apply(seg.text, reg);
    if (v) return { ...seg, ...v, ruleId: rule.id };
  }
  return { ...seg, role: 'text', ruleId: 'text' };
}
