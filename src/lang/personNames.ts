/**
 * People no registry holds, from the shape of their names in running text:
 *   - a Korean name with its hyphen ("Ban Ki-moon", "Choe Son-hui");
 *   - a Russian name with its patronymic ("Vladimir Vladimirovich Putin");
 *   - 2–4 capitalised words right after a title or role ("ông Đỗ Quang Hiển", "Bé gái Connie Lloyd",
 *     "có tên Neil Bulstrode", "Chủ tịch Ủy ban Olympic quốc tế Thomas Bach");
 *   - 2–4 capitalised words followed by an age or a year of birth ("Didier Montalvo, 6 tuổi", "(SN 1971")
 *   - 3–4 capitalised syllables that start with a Vietnamese surname ("Đặng Văn Trung").
 * Never a place, an organisation or a thing: a phrase after "đường", "ngân hàng", "bệnh viện"…, a phrase
 * that starts with "Sở", "Bộ", "Bệnh"…, a known place, outlet or agency (data: src/registry/person-names.json).
 * Pure: text in, names out.
 */
import { capitalisedRuns } from './capitalisedRuns.ts';
import { PERSON_NAME_DATA, defaultRegistries, perRegistries, type Registries } from '../registry/index.ts';

export interface NameMention { name: string; index: number; end: number }

const SURNAMES: ReadonlySet<string> = new Set(PERSON_NAME_DATA.surnames);
const HEAD_WORDS: ReadonlySet<string> = new Set(PERSON_NAME_DATA.headWords);
const NON_PERSON: ReadonlySet<string> = new Set(PERSON_NAME_DATA.nonPersonPhrases.map((p) => p.toLowerCase()));
const TITLES: ReadonlySet<string> = new Set(PERSON_NAME_DATA.titlesBefore.map((t) => t.toLowerCase()));
/** "có tên", "tên là": they name a person unless a thing ("bệnh", "công ty") stands this many words before */
const NAMING_WORDS: ReadonlySet<string> = new Set(['có tên', 'tên là', 'tên']);
/** roles (longer than "ông", "bà", "anh"…) may stand a few words before the name */
const ROLES: ReadonlySet<string> = new Set([...TITLES].filter((t) => t.length > 3 && !NAMING_WORDS.has(t)));
const ROLE_WINDOW_WORDS = 6;
/** lower-case words that may stand between a role and the name */
const ROLE_LOWER_WORDS = 3;
const PLACE_PREPOSITIONS: ReadonlySet<string> = new Set(['tại', 'ở', 'đến', 'tới', 'từ', 'sang', 'về', 'qua', 'khỏi', 'trên', 'dưới', 'trong', 'ngoài']);
const NAMED_THING_WORDS = 4;
const MAX_TITLE_WORDS = 3;
const lastWords = (before: string, n: number): string[] => {
  const t = before.slice(-(n * 12)).trimEnd();
  if (/[.!?;:"“”()]$/u.test(t)) return [];
  return t.split(/\s+/u).slice(-n).map((w) => w.toLowerCase());
};
/** a title right before the name: "ông ", "Bé gái ", "có tên " */
function titleBefore(before: string): boolean {
  if (!/\s$/u.test(before)) return false;
  const words = lastWords(before, MAX_TITLE_WORDS + NAMED_THING_WORDS);
  for (let n = 1; n <= MAX_TITLE_WORDS && n <= words.length; n++) {
    const title = words.slice(-n).join(' ');
    if (!TITLES.has(title)) continue;
    // "chứng bệnh hiếm gặp có tên Congenital Melanocytic Nevus": a thing's name, not a person's
    if (NAMING_WORDS.has(title)) return !words.slice(-n - NAMED_THING_WORDS, -n).some((w) => HEADS_BEFORE.has(w));
    return true;
  }
  return false;
}
/** where the clause that ends a text starts: after its last sentence or clause mark */
const CLAUSE_MARKS: ReadonlySet<string> = new Set(['.', '!', '?', ';', ':', ',', '"', '“', '”']);
function clauseStart(text: string): number {
  for (let i = text.length - 1; i >= 0; i--) if (CLAUSE_MARKS.has(text[i]!)) return i + 1;
  return 0;
}
/** a role a few words before the name: "Chủ tịch Ủy ban Olympic quốc tế " (no sentence break between) */
function roleBefore(before: string): boolean {
  const tail = before.slice(-(ROLE_WINDOW_WORDS + 2) * 10);
  const clause = tail.slice(clauseStart(tail));
  const written = clause.trim().split(/\s+/u).slice(-(ROLE_WINDOW_WORDS + 2));
  // "… tiếp tại Điện Kremlin", "… ở Kuala Lumpur": a place
  if (written.length && PLACE_PREPOSITIONS.has(written[written.length - 1]!.toLowerCase())) return false;
  const words = written.map((w) => w.toLowerCase());
  for (let i = 0; i < words.length; i++) {
    let phrase = '';
    for (let n = 1; n <= MAX_TITLE_WORDS && i + n <= words.length; n++) {
      phrase = n === 1 ? words[i]! : `${phrase} ${words[i + n - 1]!}`;
      if (!ROLES.has(phrase)) continue;
      // between the role and the name only the body it heads ("Ủy ban Olympic quốc tế"), not a clause
      // ("Tổng thống Putin mời ngồi thử chiếc"): few words in lower case
      let lowerWords = 0;
      for (let j = i + n; j < written.length; j++) if (!UPPER_START_RE.test(written[j]!)) lowerWords++;
      if (lowerWords <= ROLE_LOWER_WORDS) return true;
    }
  }
  return false;
}
const UPPER_START_RE = /^[\p{Lu}]/u;
const HEADS_BEFORE: ReadonlySet<string> = new Set(PERSON_NAME_DATA.headsBefore.map((h) => h.toLowerCase()));
const LIST_LINKS: ReadonlySet<string> = new Set(['như', 'là', 'của', 'gồm']);
/** a place or organisation word right before the phrase: "đường Lê Lợi", "ngân hàng Thiên Thanh", and "đường Lê Lợi, Nguyễn Huệ, Phạm Ngọc Thạch" */
function headBefore(before: string): boolean {
  const words = before.trimEnd().split(/\s+/u);
  let i = words.length - 1;
  if (/,\s$/u.test(before)) {
    // the earlier items of a list: "Lê Lợi, Nguyễn Huệ, "
    while (i >= 0 && /^[\p{Lu}]/u.test(words[i]!)) i--;
  }
  if (i >= 0 && LIST_LINKS.has(words[i]!.toLowerCase())) i--;
  for (let n = 1; n <= 3 && i - n + 1 >= 0; n++) {
    if (HEADS_BEFORE.has(words.slice(i - n + 1, i + 1).join(' ').toLowerCase().replace(/[,:;]$/u, ''))) return true;
  }
  return false;
}
/** an age or a birth year right after: ", 56 tuổi", " (SN 1971", " (8 tuổi" */
const AGE_AFTER_RE = /^(?:,\s?\d{1,3}\s?tuổi|\s?\((?:SN|sinh năm)\s?\d{4}|\s?\(\d{1,3}\s?tuổi)/u;

/** a word of a name: capitalised, letters only; a Korean given name keeps its hyphen ("Ki-moon") */
const NAME_WORD_RE = /^[\p{Lu}][\p{Ll}\p{M}]+(?:-[\p{Ll}\p{M}]+)?$/u;
/** a Vietnamese syllable: at most seven letters, no hyphen */
const SYLLABLE_RE = /^[\p{Lu}][\p{Ll}\p{M}]{0,6}$/u;
const KOREAN_GIVEN_RE = /^[\p{Lu}][\p{Ll}]+-[\p{Ll}]+$/u;
const PATRONYMIC_RE = /^[\p{Lu}][\p{Ll}]+(?:ovich|evich|ovna|evna|ich)$/u;
const MAX_NAME_WORDS = 4;

const lower = (s: string): string => s.toLowerCase();
function isPlace(phrase: string, reg: Registries): boolean {
  return NON_PERSON.has(lower(phrase)) || reg.places.scan(phrase).some((m) => m.index === 0 && m.end === phrase.length);
}
function isNonPerson(phrase: string, reg: Registries): boolean {
  return isPlace(phrase, reg) || !!reg.outlets.lookup(phrase) || !!reg.agencies.canonical(phrase);
}
/** a known place at the start of a run ("Mỹ Lloyd Austin", "Nga Sergei Lavrov") */
function placeAtStart(words: readonly string[], reg: Registries): number {
  for (let k = Math.min(words.length - 1, 3); k >= 1; k--) if (place(words.slice(0, k).join(' '), reg)) return k;
  return 0;
}

/**
 * Whether a phrase is a place or another non-person depends on the phrase and the registries alone,
 * and an archive names the same places and bodies over and over: the answers are kept across
 * articles, per Registries (an archive's registries never see another's answers), up to
 * DECISION_CACHE_SIZE phrases (then the cache starts again).
 */
const DECISION_CACHE_SIZE = 50_000;
const decisionsOf = perRegistries(() => new Map<string, boolean>());
function decided(reg: Registries, key: string, phrase: string, decide: (phrase: string, reg: Registries) => boolean): boolean {
  const decisions = decisionsOf(reg);
  let v = decisions.get(key);
  if (v === undefined) {
    if (decisions.size >= DECISION_CACHE_SIZE) decisions.clear();
    v = decide(phrase, reg);
    decisions.set(key, v);
  }
  return v;
}
const nonPerson = (phrase: string, reg: Registries): boolean => decided(reg, phrase, phrase, isNonPerson);
const place = (phrase: string, reg: Registries): boolean => decided(reg, `\u0000${phrase}`, phrase, isPlace);

/** a title before the name (known already, or not yet: undefined), an age after it, or a role a few words before */
function hasRole(text: string, end: number, before: string, titled: boolean | undefined): boolean {
  return (titled ?? titleBefore(before)) || AGE_AFTER_RE.test(text.slice(end, end + 20)) || roleBefore(before);
}

/**
 * The people named in one text, in order, with where each stands. The cheap tests on a run's own
 * words come first; what needs the text before it (a title, a role, a place word) only when the
 * answer depends on it.
 */
export function findPersonNames(text: string, reg: Registries = defaultRegistries()): NameMention[] {
  const found: NameMention[] = [];
  for (const m of capitalisedRuns(text)) {
    const run = m.text;
    let words = run.split(' ');
    // a Korean name: the word before the hyphenated given name
    const k = run.includes('-') ? words.findIndex((w, i) => i > 0 && KOREAN_GIVEN_RE.test(w)) : -1;
    const korean = k > 0 && SYLLABLE_RE.test(words[k - 1]!);
    // "TP.HCM", "GD-ĐT", "VnExpress": no person's name (checked before the costlier place lookup)
    if (!korean && words.some((w) => !NAME_WORD_RE.test(w))) continue;
    // "Triều Tiên" is a place
    if (place(run, reg)) continue;
    let index = m.index;
    if (korean) {
      const name = `${words[k - 1]} ${words[k]}`;
      const at = index + words.slice(0, k - 1).join(' ').length + (k > 1 ? 1 : 0);
      found.push({ name, index: at, end: at + name.length });
      continue;
    }
    const end = index + run.length;
    const before = text.slice(Math.max(0, index - 80), index);
    // "Ông Huỳnh Công Việt", "Chị Lê Thị Ánh Tuyết": the title printed with a capital
    let titledAtStart = false;
    while (words.length > 1 && TITLES.has(lower(words[0]!)) && !SURNAMES.has(words[0]!)) {
      // "Bé gái": a title of two words printed at the start of a sentence
      titledAtStart = true;
      index += words[0]!.length + 1;
      words = words.slice(1);
    }
    // "tỉnh Thanh Hóa Đỗ Minh Tuấn": the place word heads the place, not the name after it
    const leadingPlace = placeAtStart(words, reg);
    if (words.length < 2 || HEAD_WORDS.has(words[0]!)) continue;
    // the tests on the text before (no closures here: each would be made anew for every run)
    let titled: boolean | undefined = titledAtStart || undefined;
    if (leadingPlace === 0) {
      titled ??= titleBefore(before);
      if (!titled && headBefore(before)) continue;
    }
    const vietnameseShape = words.length >= 3 && words.some((w) => SURNAMES.has(w));
    const patronymicShape = words.some((w) => PATRONYMIC_RE.test(w));
    let role: boolean | undefined;
    if (!vietnameseShape && !patronymicShape) {
      role = hasRole(text, end, before, titled);
      if (!role) continue;
    }
    const skip = leadingPlace;
    if (skip > 0) {
      index += words.slice(0, skip).join(' ').length + 1;
      words = words.slice(skip);
    }
    if (words.length < 2 || words.length > MAX_NAME_WORDS || HEAD_WORDS.has(words[0]!)) continue;
    const name = words.join(' ');
    const vietnamese = SURNAMES.has(words[0]!) && words.length >= 3 && words.every((w) => SYLLABLE_RE.test(w));
    const patronymic = words.length === 3 && PATRONYMIC_RE.test(words[1]!);
    if ((vietnamese || patronymic || (role ?? hasRole(text, end, before, titled))) && !nonPerson(name, reg)) found.push({ name, index, end: index + name.length });
  }
  return found;
}

/** People of the texts no registry holds, each once, in order of first mention; a registry name is left to the registry. */
export function unknownPeople(texts: readonly string[], known: ReadonlySet<string>, registryMentions?: readonly (readonly { index: number; end: number }[])[], reg: Registries = defaultRegistries()): string[] {
  const out: string[] = [];
  const seen = new Set<string>(known);
  for (const [k, t] of texts.entries()) {
    const found = findPersonNames(t, reg);
    if (found.length === 0) continue;
    const registry = registryMentions?.[k] ?? reg.people.scan(t);
    for (const m of found) {
      if (registry.some((r) => m.index < r.end && r.index < m.end)) continue;
      const name = reg.people.canonical(m.name) ?? m.name;
      if (!seen.has(name)) { seen.add(name); out.push(name); }
    }
  }
  return out;
}
