/**
 * The UTF-8 encoder the Apps Script bundle installs (Apps Script's V8 has no TextEncoder; the
 * core's SHA-256 of policies and snapshots needs one) encodes exactly as the platform's.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { installTextEncoder, utf8Encode } from '../../gas/functions/text-encoder.js';

describe('gas TextEncoder', () => {
  const platform = new TextEncoder();

  it('matches the platform encoder on ASCII, accents, CJK, emoji and lone surrogates', () => {
    for (const s of [
      '',
      'ARR',
      'Société Générale',
      'München €',
      '株式会社',
      'a😀b',
      '\ud800x',
      'x\udc00',
      '\ud83d',
    ]) {
      expect([...utf8Encode(s)], JSON.stringify(s)).toEqual([...platform.encode(s)]);
    }
  });

  it('matches the platform encoder on any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 64 }), (s) => {
        expect([...utf8Encode(s)]).toEqual([...platform.encode(s)]);
      }),
    );
  });

  it('is installed only where there is no TextEncoder', () => {
    const bare: Record<string, unknown> = {};
    expect(installTextEncoder(bare)).toBe(true);
    const Enc = bare.TextEncoder as new () => { encode(s: string): Uint8Array };
    expect([...new Enc().encode('é')]).toEqual([0xc3, 0xa9]);
    const withOwn: Record<string, unknown> = { TextEncoder };
    expect(installTextEncoder(withOwn)).toBe(false);
    expect(withOwn.TextEncoder).toBe(TextEncoder);
  });
});
