/**
 * Line-level cleaning of stray HTML and white space in copied text.
 * Works line by line so that every line keeps its number in the source file.
 */

const NAMED_ENTITIES: Record<string, string> = {
  nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", laquo: '«', raquo: '»',
  ndash: '–', mdash: '—', hellip: '…', lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”',
  copy: '©', reg: '®', middot: '·', bull: '•', deg: '°', times: '×', zwnj: '', zwj: '', shy: '',
};

const ENTITY_RE = /&(#\d{1,7}|#x[0-9a-f]{1,6}|[a-z]{2,8});/gi;

export function decodeEntities(text: string): string {
  return text.replace(ENTITY_RE, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return whole;
      return String.fromCodePoint(code);
    }
    const named = NAMED_ENTITIES[body.toLowerCase()];
    return named ?? whole;
  });
}

/** Spaces of every kind to one ASCII space; zero-width characters removed. */
export function normaliseSpaces(text: string): string {
  return text
    .replace(/[\u200B-\u200D\u2060\uFEFF]/g, '')
    .replace(/[\u00A0\u2000-\u200A\u202F\u205F\u3000\t]/g, ' ');
}

const BLOCK_OPEN_RE = /<(script|style|noscript|iframe|template)\b[^>]*>/i;
const BLOCK_NAMES = new Set(['script', 'style', 'noscript', 'iframe', 'template']);
const UNCLOSED_TAG_RE = /<([a-z][a-z0-9-]*)(?:\s[^<>]*)?$/i;
const TAG_RE = /<\/?[a-z][a-z0-9-]*(?:\s[^<>]*)?\/?>|<!--[^]*?-->/gi;

export interface CleanedLine {
  text: string;
  /** what was cut out of this line (tags, script blocks), for `removed` */
  cut: string[];
}

/**
 * Cleans lines in order; a <script>/<style> block may span lines, so the
 * function keeps state across the array.
 */
export function cleanHtmlLines(lines: readonly string[]): CleanedLine[] {
  const out: CleanedLine[] = [];
  let inBlock: string | null = null;
  /** a tag whose '>' is on a later line: `<iframe src="…"` ⏎ `height="315"></iframe>` */
  let openTag: string | null = null;
  for (const raw of lines) {
    // entities first, so that an encoded tag ("&lt;script&gt;") is removed like a plain one
    let line = decodeEntities(raw);
    const cut: string[] = [];
    let kept = '';
    if (openTag) {
      const end = line.indexOf('>');
      if (end < 0) { out.push({ text: '', cut: [line] }); continue; }
      cut.push(line.slice(0, end + 1));
      line = line.slice(end + 1);
      if (BLOCK_NAMES.has(openTag)) inBlock = openTag;
      openTag = null;
    }
    // remove block elements (possibly opened on an earlier line)
    for (;;) {
      if (inBlock) {
        const close = new RegExp(`</${inBlock}\\s*>`, 'i').exec(line);
        if (!close) { cut.push(line); line = ''; break; }
        cut.push(line.slice(0, close.index + close[0].length));
        line = line.slice(close.index + close[0].length);
        inBlock = null;
        continue;
      }
      const open = BLOCK_OPEN_RE.exec(line);
      if (!open) break;
      kept += line.slice(0, open.index);
      line = line.slice(open.index);
      inBlock = open[1]!.toLowerCase();
    }
    line = kept + line;
    line = line.replace(TAG_RE, (tag) => { cut.push(tag); return ' '; });
    const unclosed = UNCLOSED_TAG_RE.exec(line);
    if (unclosed) {
      cut.push(unclosed[0]);
      openTag = unclosed[1]!.toLowerCase();
      line = line.slice(0, unclosed.index);
    }
    line = normaliseSpaces(line);
    out.push({ text: line.replace(/ {2,}/g, ' ').trim(), cut });
  }
  return out;
}

/** One value (a front matter title or author): entities decoded, tags and scripts removed, spaces folded. */
export function cleanInlineText(value: string): string {
  return cleanHtmlLines(value.split(/\r\n?|\n/)).map((l) => l.text).filter(Boolean).join(' ').normalize('NFC');
}
