/**
 * Apps Script's V8 runtime has no `TextEncoder`; the core's SHA-256 (policy and snapshot hashes,
 * @noble/hashes) encodes text with one. This installs a UTF-8 encoder on the global object when
 * the runtime has none (Node, browsers and Excel keep their own).
 */

/** UTF-8 bytes of a string; a lone surrogate is encoded as U+FFFD, as the standard encoder does. */
export function utf8Encode(s: string): Uint8Array {
  const out = new Uint8Array(s.length * 3);
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c < 0x80) {
      out[n++] = c;
      continue;
    }
    if (c < 0x800) {
      out[n++] = 0xc0 | (c >> 6);
      out[n++] = 0x80 | (c & 0x3f);
      continue;
    }
    if (c >= 0xd800 && c <= 0xdfff) {
      const next = i + 1 < s.length ? s.charCodeAt(i + 1) : 0;
      if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        c = 0x10000 + ((c - 0xd800) << 10) + (next - 0xdc00);
        i++;
        out[n++] = 0xf0 | (c >> 18);
        out[n++] = 0x80 | ((c >> 12) & 0x3f);
        out[n++] = 0x80 | ((c >> 6) & 0x3f);
        out[n++] = 0x80 | (c & 0x3f);
        continue;
      }
      c = 0xfffd;
    }
    out[n++] = 0xe0 | (c >> 12);
    out[n++] = 0x80 | ((c >> 6) & 0x3f);
    out[n++] = 0x80 | (c & 0x3f);
  }
  return out.slice(0, n);
}

class Utf8Encoder {
  readonly encoding = 'utf-8';
  encode(input = ''): Uint8Array {
    return utf8Encode(String(input));
  }
}

/** Installs the encoder when the global object has no `TextEncoder`; returns whether it did. */
export function installTextEncoder(target: Record<string, unknown> = globalThis as never): boolean {
  if (typeof target.TextEncoder === 'function') return false;
  target.TextEncoder = Utf8Encoder;
  return true;
}
