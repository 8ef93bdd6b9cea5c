/** Person names in bylines ("Kông Anh", "BẢO ANH", "Hạnh Lê"), and a person named before their role (an attribution line). */
import { withoutPipe } from './storyZone.ts';
import { findPersonNames } from '../lang/personNames.ts';
import { defaultRegistries, escapeRegExp, perRegistries, type Registries } from '../registry/index.ts';

/** the expressions of the registries' junk words, once per Registries */
const junkOf = perRegistries(({ boilerplate }) => ({
  NON_NAME_RE: new RegExp(`(?:^|\\s)(?:${boilerplate.nonNameWords.join('|')})(?=\\s|$)`, 'iu'),
  PAGE_WORD_RE: new RegExp(`^(?:${[...boilerplate.widgets, ...boilerplate.sections.map(escapeRegExp)].join('|')})$`, 'iu'),
}));
/** a Vietnamese syllable has at most seven letters ("Nghiêng"); "Newsletters" is no name */
const CAPITALISED_WORD = /^[\p{Lu}][\p{Ll}\p{M}]{0,6}$/u;
const UPPER_WORD = /^[\p{Lu}][\p{Lu}\p{M}]{0,6}$/u;

/** "BẢO ANH" → "Bảo Anh", "nguyễn hà" → "Nguyễn Hà" (toUpperCase/toLowerCase: "vi" cases exactly as they do, faster) */
export function normaliseNameCase(name: string): string {
  return name
    .trim()
    .split(/\s+/)
    .map((w) => w.split('-').map((p) => (p ? p[0]!.toUpperCase() + p.slice(1).toLowerCase() : p)).join('-'))
    .join(' ');
}

/** "K.", "T.T.": an initial that stands for a given name */
const INITIAL_WORD = /^(?:[\p{Lu}]\.){1,3}$/u;

/** 2–5 words, each capitalised (or the whole name in capitals; "K. Miên": initials first), and not a known place, figure, outlet or agency. */
export function isPersonName(text: string, reg: Registries = defaultRegistries()): boolean {
  const all = text.trim().split(/\s+/);
  if (all.length < 2 || all.length > 5) return false;
  // initials stand before the name, never alone
  let lead = 0;
  while (lead < all.length - 1 && INITIAL_WORD.test(all[lead]!)) lead++;
  const words = all.slice(lead);
  // "A A A" (the font-size buttons) is no name: a syllable of a name has two letters or more
  if (words.some((w) => w.length < 2)) return false;
  const allUpper = words.every((w) => UPPER_WORD.test(w));
  if (!allUpper && !words.every((w) => CAPITALISED_WORD.test(w))) return false;
  const asWritten = allUpper ? normaliseNameCase(words.join(' ')) : words.join(' ');
  // "Báo Và Phát Thanh", "Góc Nhìn Quốc Tế": capitalised, but an organisation, not a person
  if (junkOf(reg).NON_NAME_RE.test(asWritten)) return false;
  // "Thúy Nga" and "Minh Đức" are names; "Triều Tiên" and "Vladimir Putin" are not bylines
  const whole = (m: { index: number; end: number }): boolean => m.index === 0 && m.end === asWritten.length;
  if (reg.places.scan(asWritten).some(whole)) return false;
  if (reg.people.scan(asWritten).some(whole)) return false;
  if (reg.outlets.lookup(asWritten)) return false;
  if (reg.agencies.canonical(asWritten)) return false;
  return true;
}

const BYLINE_PREFIX_RE = /^(?:Bài(?:\s?(?:,|và)\s?ảnh)?|Tác giả|Người viết|Thực hiện|Nhóm PV|PV|Phóng viên|Bài viết)\s?[:,]\s?/iu;
/** "Bài và ảnh: HẢI VÂN", "Tác giả, Kelly Ng": a byline, even though it names a photographer */
export const hasBylinePrefix = (text: string): boolean => BYLINE_PREFIX_RE.test(text.trim());
const BYLINE_NOTE_RE = /\s*\((?:tổng hợp|TH|t\/h|lược dịch|dịch|biên dịch|tổng hợp\s?(?:,|và)\s?lược dịch|tổng hợp\s?\/\s?lược dịch|ghi)\)\s*$/iu;
const NAME_SEPARATOR_RE = /\s+[-–—]\s+|\s*[,;]\s*|\s+và\s+|\s+&\s+/u;

export interface Byline {
  authors: string[];
  /** "Thu Hằng/TTXVN": the agency the writer works for */
  agencies?: string[];
  /** "Hạnh Lê/Báo Thế giới và Việt Nam" → the outlet's registry id, or the name as written */
  outlet?: string;
  /** "Long Trần - Theo Trí Thức Trẻ" → the registry id of the outlet the story was taken from */
  original?: string;
}

/** Reads a whole line as a byline, or returns null. */
/** a byline is short: longer lines are text, and are not worth the name checks */
const BYLINE_MAX_CHARS = 120;

export function parseByline(text: string, reg: Registries = defaultRegistries()): Byline | null {
  if (text.length > BYLINE_MAX_CHARS) return null;
  let t = withoutPipe(text).replace(BYLINE_PREFIX_RE, '').replace(BYLINE_NOTE_RE, '');
  let outlet: string | undefined;
  // "Theo Hoàng Phương (Người Lao Động)": the original writer and outlet
  const paren = /^(?:[Tt]heo\s)?([^()]{3,60}?)\s?\(([^()]{2,60})\)$/u.exec(t);
  if (paren && reg.outlets.lookup(paren[2]!)) {
    outlet = reg.outlets.lookup(paren[2]!)!.id;
    t = paren[1]!;
  }
  // "Long Trần - Theo Trí Thức Trẻ": the writer, then the outlet the story was taken from
  const credited = outlet === undefined ? /^(.+?)\s[-–—]\s[Tt]heo\s(.{2,60})$/u.exec(t) : null;
  let original: string | undefined;
  if (credited && reg.outlets.lookup(credited[2]!.trim())) {
    original = reg.outlets.lookup(credited[2]!.trim())!.id;
    t = credited[1]!.trim();
  }
  let agency: string | undefined;
  // "Hạnh Lê/Báo Thế giới và Việt Nam", "Thu Hằng/TTXVN", "Khánh An, RFA"
  const sep = /^(.+?)\s?(?:\/|,)\s?([^/,]+)$/u.exec(t);
  if (sep && outlet === undefined) {
    // "Hải Anh, Theo Dân Việt": the outlet the story was taken from
    const after = sep[2]!.trim().replace(/^[Tt]heo\s/u, '');
    const known = reg.outlets.lookup(after);
    const ag = reg.agencies.canonical(after);
    if (known || ag || (t.includes('/') && /^(?:Báo|Tạp chí|Đài|Kênh)\s/u.test(after))) {
      if (ag) agency = ag; else outlet = known ? known.id : after;
      t = sep[1]!.trim();
    } else if (t.includes('/')) return null;
  }
  if (t.length === 0 || t.length > 80) return null;
  const names = t.split(NAME_SEPARATOR_RE).map((n) => n.trim()).filter(Boolean);
  if (names.length === 0 || !names.every((n) => isPersonName(n, reg))) return null;
  const byline: Byline = { authors: names.map(normaliseNameCase) };
  if (outlet !== undefined) byline.outlet = outlet;
  if (agency !== undefined) byline.agencies = [agency];
  if (original !== undefined) byline.original = original;
  return byline;
}

/** a one-word signature under a reader's letter or a story ("Trung"): a capitalised given name */
const SINGLE_NAME_RE = /^[\p{Lu}][\p{Ll}\p{M}]{1,6}$/u;

/**
 * The signature printed right after a story: a byline ("Thảo Trần", "K. Miên") or one given name.
 * Not a place, an outlet, an agency, a section or a widget word.
 */
export function signatureNames(text: string, reg: Registries = defaultRegistries()): string[] | null {
  const t = withoutPipe(text);
  const b = parseByline(t, reg);
  const { NON_NAME_RE, PAGE_WORD_RE } = junkOf(reg);
  if (b) return b.authors;
  if (!SINGLE_NAME_RE.test(t) || NON_NAME_RE.test(t)) return null;
  if (reg.places.scan(t).length || reg.outlets.lookup(t) || reg.agencies.canonical(t)) return null;
  if (PAGE_WORD_RE.test(t)) return null;
  return [t];
}

/** a Vietnamese letter with a diacritic, or a known Vietnamese surname: "Vân Anh", "Long Trần" (not "Nikkei Asia") */
const VIETNAMESE_LETTER_RE = /[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]/iu;
export const looksVietnamese = (name: string): boolean => VIETNAMESE_LETTER_RE.test(name);

/** where a name may start in an attribution line: after its title ("Giáo sư ", "Cô ") */
const ATTRIBUTION_NAME_AT = 12;
/** "Cô Lê Ngọc Diệp - Trưởng phòng GD tiểu học": a person, then a dash or a comma and their role */
export function isAttribution(text: string, reg: Registries = defaultRegistries()): boolean {
  const first = findPersonNames(text, reg)[0];
  return !!first && first.index <= ATTRIBUTION_NAME_AT && /^\s?[-–,]\s/u.test(text.slice(first.end));
}
