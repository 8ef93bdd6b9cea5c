/**
 * Bytes → text. Accepts UTF-8 (with or without BOM) and UTF-16 with a BOM;
 * rejects empty, binary and invalid UTF-8 input with a reason.
 */

export type DecodeResult =
  | { ok: true; text: string; encoding: 'utf-8' | 'utf-16le' | 'utf-16be' }
  | { ok: false; reason: string; ruleId: string };

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** Share of C0 control characters (other than tab, LF, CR, FF) above which a file is binary. */
const BINARY_CONTROL_SHARE = 0.02;

function hasBinaryControls(text: string): boolean {
  if (text.includes('\u0000')) return true;
  let controls = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) controls++;
  }
  return controls > Math.max(2, text.length * BINARY_CONTROL_SHARE);
}

export function decodeArticleBytes(bytes: Uint8Array): DecodeResult {
  if (bytes.length === 0) return { ok: false, reason: 'the file is empty', ruleId: 'read/empty' };
  let text: string;
  let encoding: 'utf-8' | 'utf-16le' | 'utf-16be' = 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    encoding = 'utf-16le';
    text = new TextDecoder('utf-16le').decode(bytes);
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    encoding = 'utf-16be';
    text = new TextDecoder('utf-16be').decode(bytes);
  } else {
    try {
      text = utf8.decode(bytes);
    } catch {
      const at = firstInvalidUtf8(bytes);
      return {
        ok: false,
        reason: `not valid UTF-8 (first bad byte at offset ${at}); save the file as UTF-8`,
        ruleId: 'read/encoding',
      };
    }
  }
  if (hasBinaryControls(text)) {
    return { ok: false, reason: 'looks like a binary file, not text', ruleId: 'read/binary' };
  }
  if (text.replace(/^\uFEFF/, '').trim() === '') {
    return { ok: false, reason: 'the file has no text (only white space)', ruleId: 'read/empty' };
  }
  return { ok: true, text: text.replace(/^\uFEFF/, ''), encoding };
}

/** Offset of the first byte that breaks UTF-8, for the error message. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b < 0xe0 ? 1 : b >= 0xe0 && b < 0xf0 ? 2 : b >= 0xf0 && b < 0xf5 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    i += need + 1;
  }
  return bytes.length;
}
