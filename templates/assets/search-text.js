// The search page's text rules, pure (no DOM), shared with the tests (test/search-text.test.ts).
//
// The index holds each article's own words with "đ"/"Đ" written "d"/"D" (src/search/content.ts:
// Pagefind folds tones and vowel marks, not "đ"), then a line of extra terms (name variants)
// that the reader must never see. Each record's meta says how many words are its own (`w`),
// where its "đ" were (`d`) and which words a hyphen joined (`h`); `td`, `th` for the title.

/** "đ" → "d", "Đ" → "D" (as the index is written). */
export function foldD(text) {
  return String(text).replace(/đ/g, 'd').replace(/Đ/g, 'D');
}

/** Lower-case ASCII words: tones, marks and "đ" folded, anything not a letter or digit a space. */
export function foldKey(text) {
  return foldD(String(text).normalize('NFD').replace(/\p{M}+/gu, ''))
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Words as Pagefind splits a record's content for its locations and excerpts. */
const SEPARATORS = /[^\S\uFEFF]+/;
/** A hyphen between two letters: the index has a space there (src/search/content.ts indexedText). */
const INNER_HYPHEN = /(?<=[\p{L}\p{M}\p{N}])-(?=[\p{L}\p{N}])/gu;

/** Numbers written as deltas in base 36, "."-joined (src/search/content.ts). */
function undelta(marks, each) {
  if (!marks) return;
  let at = 0;
  for (const mark of String(marks).split('.')) {
    const capital = mark.startsWith('-');
    const [delta, pos] = (capital ? mark.slice(1) : mark).split(':');
    at += parseInt(delta, 36);
    each(at, capital, pos ? parseInt(pos, 36) : 0);
  }
}

/**
 * An indexed text's words as the article writes them: the "đ" put back (marks `d`), and
 * `hyphen[i]` true when word i is joined to the next by a hyphen (marks `h`).
 */
export function shownWords(text, d, h) {
  const words = String(text ?? '').split(SEPARATORS).filter((w, i) => w || i > 0);
  undelta(d, (i, capital, pos) => {
    const w = words[i];
    if (w && (w[pos] === 'd' || w[pos] === 'D')) words[i] = `${w.slice(0, pos)}${capital ? 'Đ' : 'đ'}${w.slice(pos + 1)}`;
  });
  const hyphen = [];
  undelta(h, (i) => {
    hyphen[i] = true;
  });
  return { words, hyphen };
}

/** What Pagefind is asked for the reader's words: "đ" folded and inner hyphens spaces, as the index is written. */
export function pagefindQuery(query) {
  return foldD(String(query ?? '').trim()).replace(INNER_HYPHEN, ' ');
}

/**
 * A query that is the full name of a known person or place, in any of its forms ("kim jong il",
 * "Kim Jong-il", "Mát-xcơ-va"), not quoted: its row of /tim-kiem/ten.json ([form, kind, name,
 * url]), else null. The page then searches that name's words among the articles that name
 * that person or place (a filter), so "Kim Jong-il" does not find Kim Jong-un by "Kim" and "Jong".
 * `byKey`: folded form → row (a Map).
 */
export function nameOf(query, byKey) {
  const q = String(query ?? '').trim();
  if (!q || q.includes('"')) return null;
  const key = foldKey(q);
  return key.includes(' ') ? byKey?.get(key) ?? null : null;
}

/**
 * The excerpt of a result from the article's own words only: the window of `length` words
 * with the most hits among them, the hits marked. Without a hit in its own words (the
 * record was found by a name variant), the start of the article, nothing marked.
 * Returns [{ text, mark }] parts, "…" where the text goes on.
 */
export function excerptParts(data, length = 28) {
  const meta = data?.meta ?? {};
  const { words: all, hyphen } = shownWords(data?.content, meta.d, meta.h);
  const ownCount = meta.w !== undefined && Number.isFinite(Number(meta.w)) ? Math.min(Number(meta.w), all.length) : all.length;
  const words = all.slice(0, ownCount);
  const hits = [...new Set((data?.locations ?? []).filter((l) => Number.isInteger(l) && l >= 0 && l < ownCount))].sort((a, b) => a - b);
  let start = 0;
  if (words.length > length && hits.length) {
    let best = -1;
    for (const h of hits) {
      const from = Math.max(0, Math.min(h - Math.floor(length / 4), words.length - length));
      const n = hits.filter((x) => x >= from && x < from + length).length;
      if (n > best) {
        best = n;
        start = from;
      }
    }
  }
  const end = Math.min(words.length, start + length);
  const marked = new Set(hits);
  const parts = [];
  if (start > 0) parts.push({ text: '… ', mark: false });
  for (let i = start; i < end; i++) {
    if (!words[i]) continue;
    if (i > start) parts.push({ text: hyphen[i - 1] ? '-' : ' ', mark: false });
    parts.push({ text: words[i], mark: marked.has(i) });
  }
  if (end < words.length) parts.push({ text: ' …', mark: false });
  // adjacent parts of the same kind joined
  const joined = [];
  for (const p of parts) {
    const last = joined[joined.length - 1];
    if (last && last.mark === p.mark) last.text += p.text;
    else joined.push({ ...p });
  }
  return joined;
}

/** The title to show: the meta title as the article writes it. */
export function resultTitle(data) {
  const meta = data?.meta ?? {};
  if (meta.title === undefined) return String(data?.url ?? '');
  const { words, hyphen } = shownWords(meta.title, meta.td, meta.th);
  return words.map((w, i) => (i + 1 < words.length ? `${w}${hyphen[i] ? '-' : ' '}` : w)).join('');
}
