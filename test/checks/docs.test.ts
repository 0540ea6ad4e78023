/** docs/checks.md lists every rule with its severity, and the status words the rules read. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CANCELLED_STATUSES, CHECK_RULES, CHECK_RULE_IDS, LIVE_STATUSES } from '../../src/index.js';

const doc = readFileSync(new URL('../../docs/checks.md', import.meta.url), 'utf8');

describe('docs/checks.md', () => {
  it('has a row for every rule id, with its severity', () => {
    expect(CHECK_RULES.map((r) => r.id)).toEqual([...CHECK_RULE_IDS]);
    for (const r of CHECK_RULES) {
      const row = doc.split('\n').find((l) => l.startsWith(`| \`${r.id}\` `));
      expect(row, r.id).toBeDefined();
      const severity = (row as string).split('|')[2];
      for (const s of r.severity.split(' or ')) expect(severity, r.id).toContain(s);
    }
  });

  it('names the live and cancelled status words', () => {
    for (const w of [...LIVE_STATUSES, ...CANCELLED_STATUSES]) expect(doc).toContain(w);
  });
});
