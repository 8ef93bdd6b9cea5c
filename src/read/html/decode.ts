/**
 * A saved page's bytes → text. The encoding comes from, in order: a byte-order mark, a
 * `<meta charset>` or `<meta http-equiv="Content-Type" content="…; charset=…">` in the first
 * 4 KB (what a browser's prescan reads), else UTF-8. Old Vietnamese pages are often
 * windows-1258, which Node's TextDecoder (full ICU) decodes; its combining tone marks are
 * composed later (NFC). Undeclared bytes that are not UTF-8 are read as windows-1258, with a
 * warning, rather than refused: a saved page's encoding is a fact of the page, not the editor's.
 */
import { decodeArticleBytes, type DecodeResult } from '../decode.ts';

const PRESCAN_BYTES = 4096;

export interface HtmlDecoded {
  ok: true;
  text: string;
  /** the label the text was decoded with */
  encoding: string;
  /** set when the encoding was guessed, not declared */
  note: string | null;
}

/** The charset a page declares in its first bytes, or null. */
export function declaredCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, PRESCAN_BYTES)).toString('latin1');
  for (const meta of head.match(/<meta\b[^>]*>/giu) ?? []) {
    const direct = /\bcharset\s*=\s*["']?\s*([\w.:-]+)/iu.exec(meta);
    if (direct) return direct[1]!.toLowerCase();
  }
  return null;
}

function decoderFor(label: string): TextDecoder | null {
  try {
    return new TextDecoder(label);
  } catch {
    return null;
  }
}

export function decodeHtmlBytes(bytes: Uint8Array): HtmlDecoded | (DecodeResult & { ok: false }) {
  const hasBom = (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) || (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  const declared = hasBom ? null : declaredCharset(bytes);
  const decoder = declared ? decoderFor(declared) : null;
  // a BOM, no declaration, or a UTF-8 declaration: the text reader's checks (empty, binary, bad UTF-8)
  if (!decoder || decoder.encoding === 'utf-8' || decoder.encoding.startsWith('utf-16')) {
    const text = decodeArticleBytes(bytes);
    if (text.ok) return { ok: true, text: text.text, encoding: text.encoding, note: declared && !decoder ? `unknown charset "${declared}": read as UTF-8` : null };
    if (text.ruleId !== 'read/encoding') return text;
    const fallback = new TextDecoder('windows-1258').decode(bytes);
    const what = declared ? `declared ${declared} but` : 'no charset declared and';
    return { ok: true, text: fallback, encoding: 'windows-1258', note: `${what} not valid UTF-8: read as windows-1258` };
  }
  const text = decoder.decode(bytes);
  if (text.includes('\u0000')) return { ok: false, reason: 'looks like a binary file, not a web page', ruleId: 'read/binary' };
  if (text.trim() === '') return { ok: false, reason: 'the file has no text (only white space)', ruleId: 'read/empty' };
  return { ok: true, text, encoding: decoder.encoding, note: null };
}
