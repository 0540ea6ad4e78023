/**
 * Bytes -> text for NetSuite exports: UTF-8 with a BOM, UTF-8 without one when the bytes are valid
 * UTF-8, else Windows-1252 (what Excel on Windows writes when a user re-saves an export as "CSV").
 * No guessing beyond that: valid UTF-8 is always read as UTF-8.
 *
 * Pure: uses the platform's `TextDecoder` when there is one (Node, browsers, Excel) and a decoder of
 * its own otherwise (Apps Script has none); both give the same text.
 */

export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'windows-1252';

/** Windows-1252 0x80..0x9F (the rest is Latin-1); the five unassigned bytes keep their C1 code. */
const CP1252_80_9F = [
  0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8d,
  0x017d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a,
  0x0153, 0x9d, 0x017e, 0x0178,
];

const CHUNK = 8192;

function fromCodeUnits(units: Uint16Array, n: number): string {
  let out = '';
  for (let i = 0; i < n; i += CHUNK) {
    out += String.fromCharCode.apply(null, units.subarray(i, Math.min(n, i + CHUNK)) as unknown as number[]);
  }
  return out;
}

/** Windows-1252 bytes -> text (own table; every byte maps to one character). */
export function decodeWindows1252(bytes: Uint8Array): string {
  const units = new Uint16Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    units[i] = b >= 0x80 && b <= 0x9f ? CP1252_80_9F[b - 0x80] : b;
  }
  return fromCodeUnits(units, bytes.length);
}

/**
 * Strict UTF-8 -> text (own decoder), or null when the bytes are not valid UTF-8 (overlong forms,
 * surrogates, code points above U+10FFFF and truncated sequences are invalid).
 */
export function decodeUtf8Strict(bytes: Uint8Array, start = 0): string | null {
  const n = bytes.length;
  const units = new Uint16Array(n - start);
  let k = 0;
  let i = start;
  while (i < n) {
    const b = bytes[i];
    if (b < 0x80) {
      units[k++] = b;
      i++;
      continue;
    }
    let need: number;
    let cp: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      cp = b & 0x1f;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      cp = b & 0x0f;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      cp = b & 0x07;
      min = 0x10000;
    } else return null;
    for (let j = 1; j <= need; j++) {
      const c = bytes[i + j];
      if (c === undefined || (c & 0xc0) !== 0x80) return null;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return null;
    if (cp >= 0x10000) {
      const v = cp - 0x10000;
      units[k++] = 0xd800 + (v >> 10);
      units[k++] = 0xdc00 + (v & 0x3ff);
    } else units[k++] = cp;
    i += need + 1;
  }
  return fromCodeUnits(units, k);
}

interface PlatformDecoder {
  decode(input: Uint8Array): string;
}
type DecoderCtor = new (label: string, options?: { fatal?: boolean }) => PlatformDecoder;

function platformUtf8(): PlatformDecoder | null {
  const Ctor = (globalThis as { TextDecoder?: DecoderCtor }).TextDecoder;
  if (!Ctor) return null;
  try {
    return new Ctor('utf-8', { fatal: true });
  } catch {
    return null;
  }
}

/** Decodes an export's bytes; `own` forces the built-in decoders (tests). */
export function decodeExport(
  bytes: Uint8Array,
  own = false,
): { text: string; encoding: TextEncoding } | { error: string } {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { error: 'is UTF-16 text; save it as CSV (UTF-8) or CSV (comma delimited)' };
  }
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const start = bom ? 3 : 0;
  const platform = own ? null : platformUtf8();
  let text: string | null;
  if (platform) {
    try {
      text = platform.decode(start ? bytes.subarray(start) : bytes);
    } catch {
      text = null;
    }
  } else text = decodeUtf8Strict(bytes, start);
  if (text !== null) return { text, encoding: bom ? 'utf-8-bom' : 'utf-8' };
  return { text: decodeWindows1252(start ? bytes.subarray(start) : bytes), encoding: 'windows-1252' };
}
