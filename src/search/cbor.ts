/**
 * The little CBOR that Pagefind's index files use (minicbor, definite lengths):
 * unsigned and negative integers, text and byte strings, arrays, maps, true/false/null.
 * decode() then encode() gives back the same bytes (src/search/rechunk.ts relies on it,
 * and test/search-rechunk.test.ts checks it on a real index). Pure.
 */

export type Cbor = number | string | Uint8Array | boolean | null | Cbor[] | { [key: string]: Cbor };

export function decodeCbor(bytes: Uint8Array): Cbor {
  const text = new TextDecoder('utf-8', { fatal: true });
  let i = 0;
  const item = (): Cbor => {
    const [major, info, n, next] = readHead(bytes, i);
    i = next;
    if (major === 7) {
      if (info === 20) return false;
      if (info === 21) return true;
      if (info === 22) return null;
      throw new Error(`cbor: unsupported simple value ${info}`);
    }
    switch (major) {
      case 0:
        return n;
      case 1:
        return -1 - n;
      case 2:
        return (i += n), bytes.slice(i - n, i);
      case 3:
        return (i += n), text.decode(bytes.subarray(i - n, i));
      case 4: {
        const out: Cbor[] = [];
        for (let k = 0; k < n; k++) out.push(item());
        return out;
      }
      case 5: {
        const out: Record<string, Cbor> = {};
        for (let k = 0; k < n; k++) {
          const key = item();
          if (typeof key !== 'string') throw new Error('cbor: map keys must be text');
          out[key] = item();
        }
        return out;
      }
      default:
        throw new Error(`cbor: unsupported major type ${major}`);
    }
  };
  const value = item();
  if (i !== bytes.length) throw new Error(`cbor: ${bytes.length - i} bytes after the value`);
  return value;
}

/** The head of an item: its major type and length (or value), in the shortest form. */
export function cborHead(major: number, n: number): Uint8Array {
  const m = major << 5;
  if (n < 24) return Uint8Array.of(m | n);
  if (n < 0x100) return Uint8Array.of(m | 24, n);
  if (n < 0x10000) return Uint8Array.of(m | 25, n >> 8, n & 255);
  if (n < 0x100000000) return Uint8Array.of(m | 26, (n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255);
  const out = new Uint8Array(9);
  out[0] = m | 27;
  new DataView(out.buffer).setBigUint64(1, BigInt(n));
  return out;
}

/** The head of the item at `i`: [major type, info bits, length or value, offset after the head]. */
function readHead(bytes: Uint8Array, i: number): [number, number, number, number] {
  const first = bytes[i++];
  if (first === undefined) throw new Error('cbor: truncated');
  const major = first >> 5;
  const info = first & 31;
  if (info < 24 || major === 7) return [major, info, info, i];
  const size = info === 24 ? 1 : info === 25 ? 2 : info === 26 ? 4 : info === 27 ? 8 : 0;
  if (size === 0) throw new Error(`cbor: unsupported length ${info} at ${i}`);
  if (i + size > bytes.length) throw new Error('cbor: truncated');
  let n = 0;
  for (let k = 0; k < size; k++) n = n * 256 + bytes[i++]!;
  if (!Number.isSafeInteger(n)) throw new Error('cbor: integer too large');
  return [major, info, n, i];
}

/** The offset after the item at `i`, found without decoding it. */
function skipItem(bytes: Uint8Array, i: number): number {
  const [major, info, n, next] = readHead(bytes, i);
  i = next;
  switch (major) {
    case 0:
    case 1:
      return i;
    case 2:
    case 3:
      if (i + n > bytes.length) throw new Error('cbor: truncated');
      return i + n;
    case 4:
      for (let k = 0; k < n; k++) i = skipItem(bytes, i);
      return i;
    case 5:
      for (let k = 0; k < 2 * n; k++) i = skipItem(bytes, i);
      return i;
    case 7:
      if (info < 20 || info > 22) throw new Error(`cbor: unsupported simple value ${info}`);
      return i;
    default:
      throw new Error(`cbor: unsupported major type ${major}`);
  }
}

/**
 * The items of the array at `offset` of `bytes`, each as its own bytes (views, not copies), found
 * without decoding them: what re-cutting a long array needs (src/search/rechunk.ts). Also returns
 * the offset after the array.
 */
export function cborArrayItems(bytes: Uint8Array, offset = 0): { items: Uint8Array[]; end: number } {
  const [major, , count, next] = readHead(bytes, offset);
  if (major !== 4) throw new Error(`cbor: no array at ${offset}`);
  let i = next;
  const items: Uint8Array[] = [];
  for (let k = 0; k < count; k++) {
    const start = i;
    i = skipItem(bytes, i);
    items.push(bytes.subarray(start, i));
  }
  return { items, end: i };
}

/** The text that opens the array `item` (a Pagefind word entry: its word), decoding nothing else. */
export function cborLeadingText(item: Uint8Array): string {
  const [major, , count, next] = readHead(item, 0);
  if (major !== 4 || count < 1) throw new Error('cbor: not an array that opens with a text');
  const [textMajor, , length, at] = readHead(item, next);
  if (textMajor !== 3 || at + length > item.length) throw new Error('cbor: not an array that opens with a text');
  return new TextDecoder('utf-8', { fatal: true }).decode(item.subarray(at, at + length));
}

export function encodeCbor(value: Cbor): Uint8Array {
  const out: number[] = [];
  const head = (major: number, n: number) => {
    for (const b of cborHead(major, n)) out.push(b);
  };
  const encoder = new TextEncoder();
  const item = (v: Cbor): void => {
    if (typeof v === 'number') {
      if (!Number.isSafeInteger(v)) throw new Error(`cbor: not an integer: ${v}`);
      if (v >= 0) head(0, v);
      else head(1, -1 - v);
    } else if (typeof v === 'string') {
      const b = encoder.encode(v);
      head(3, b.length);
      for (const x of b) out.push(x);
    } else if (v instanceof Uint8Array) {
      head(2, v.length);
      for (const x of v) out.push(x);
    } else if (Array.isArray(v)) {
      head(4, v.length);
      for (const x of v) item(x);
    } else if (v === null) out.push(0xf6);
    else if (v === true) out.push(0xf5);
    else if (v === false) out.push(0xf4);
    else {
      const entries = Object.entries(v);
      head(5, entries.length);
      for (const [k, x] of entries) {
        item(k);
        item(x);
      }
    }
  };
  item(value);
  return Uint8Array.from(out);
}
