/**
 * One area code's listed numbers as a bitmap: bit N is set when the number
 * with the seven local digits N is listed. Ten million bits, 1.25 MB, for
 * any area code however full: the national registry's ~250 million numbers
 * over ~400 area codes fit in about 500 MB, a lookup is one byte read, and
 * an import sets bits in whatever order the file comes in (a sorted 24-bit
 * array would be smaller only for area codes under a third full, and needs a
 * sort and a merge on every change).
 */
export const AREA_CODE_NUMBERS = 10_000_000;
export const BITMAP_BYTES = AREA_CODE_NUMBERS / 8;

export function emptyBitmap(): Uint8Array {
  return new Uint8Array(BITMAP_BYTES);
}

export function setBit(bits: Uint8Array, n: number): void {
  bits[n >>> 3] |= 1 << (n & 7);
}

export function clearBit(bits: Uint8Array, n: number): void {
  bits[n >>> 3] &= ~(1 << (n & 7));
}

export function testBit(bits: Uint8Array, n: number): boolean {
  return (bits[n >>> 3] & (1 << (n & 7))) !== 0;
}

function popcount32(v: number): number {
  v = v - ((v >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

function words(bits: Uint8Array): Uint32Array {
  // Every bitmap here is allocated whole (or read whole from its file), so its words are aligned.
  return new Uint32Array(bits.buffer, bits.byteOffset, bits.byteLength >>> 2);
}

export function countBits(bits: Uint8Array): number {
  const w = words(bits);
  let n = 0;
  for (let i = 0; i < w.length; i++) if (w[i] !== 0) n += popcount32(w[i]);
  return n;
}

/** Numbers set in `next` and not in `previous` (added), and the other way round (removed). */
export function bitmapDifference(previous: Uint8Array | null, next: Uint8Array): { added: number; removed: number } {
  if (!previous) return { added: countBits(next), removed: 0 };
  const a = words(previous);
  const b = words(next);
  let added = 0;
  let removed = 0;
  for (let i = 0; i < b.length; i++) {
    if (a[i] === b[i]) continue;
    added += popcount32(b[i] & ~a[i]);
    removed += popcount32(a[i] & ~b[i]);
  }
  return { added, removed };
}

/** Area code and local number of a NANP E.164 number (`+1` and ten digits), or null for any other. */
export function splitUsNumber(e164: string): { areaCode: number; local: number } | null {
  if (e164.length !== 12 || e164.charCodeAt(0) !== 0x2b || e164.charCodeAt(1) !== 0x31) return null;
  let areaCode = 0;
  let local = 0;
  for (let i = 2; i < 12; i++) {
    const d = e164.charCodeAt(i) - 0x30;
    if (d < 0 || d > 9) return null;
    if (i < 5) areaCode = areaCode * 10 + d;
    else local = local * 10 + d;
  }
  return { areaCode, local };
}
