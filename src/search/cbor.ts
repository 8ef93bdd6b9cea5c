/**
 * The little CBOR that Pagefind's index files use (minicbor, definite lengths):
 * unsigned and negative integers, text and byte strings, arrays, maps, true/false/null.
 * decode() then encode() gives back the same bytes (src/search/rechunk.ts relies on it,
 * and test/search-rechunk.test.ts checks it on a real index). Pure.
 */

export type Cbor = number | string | Uint8Array | boolean | null | Cbor[] | { [key: string]: Cbor };

export function decodeCbor(bytes: Uint8Array): Cbor {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const text = new TextDecoder('utf-8', { fatal: true });
  let i = 0;
  const length = (info: number): number => {
    if (info < 24) return info;
    if (info === 24) return view.getUint8(i++);
    if (info === 25) return (i += 2), view.getUint16(i - 2);
    if (info === 26) return (i += 4), view.getUint32(i - 4);
    if (info === 27) {
      const n = view.getBigUint64(i);
      i += 8;
      if (n > BigInt(Number.MAX_SAFE_INTEGER)) throw new Error('cbor: integer too large');
      return Number(n);
    }
    throw new Error(`cbor: unsupported length ${info} at ${i}`);
  };
  const item = (): Cbor => {
    if (i >= bytes.length) throw new Error('cbor: truncated');
    const first = bytes[i++]!;
    const major = first >> 5;
    const info = first & 31;
    if (major === 7) {
      if (info === 20) return false;
      if (info === 21) return true;
      if (info === 22) return null;
      throw new Error(`cbor: unsupported simple value ${info}`);
    }
    const n = length(info);
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

export function encodeCbor(value: Cbor): Uint8Array {
  const out: number[] = [];
  const head = (major: number, n: number) => {
    const m = major << 5;
    if (n < 24) out.push(m | n);
    else if (n < 0x100) out.push(m | 24, n);
    else if (n < 0x10000) out.push(m | 25, n >> 8, n & 255);
    else if (n < 0x100000000) out.push(m | 26, (n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255);
    else {
      const big = BigInt(n);
      out.push(m | 27);
      for (let s = 56n; s >= 0n; s -= 8n) out.push(Number((big >> s) & 255n));
    }
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
