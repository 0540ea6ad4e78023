import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { POLICY_KEYS } from '../../src/policy/keys.js';
import { FUNCTIONS } from '../../src/functions/index.js';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

describe('README stays in step with the code', () => {
  it('has a policy reference row for every key, with its values and default', () => {
    for (const k of POLICY_KEYS) {
      const row = readme.split('\n').find((l) => new RegExp(`^\\| \`${k.key}\` +\\|`).test(l));
      expect(row, k.key).toBeDefined();
      if (k.kind === 'enum') {
        expect(row).toContain(k.values.map((v) => '`' + v + '`').join(', '));
        expect(k.values[0]).toBe(k.default);
      } else {
        expect(row).toContain('`' + k.default + '`');
      }
    }
  });

  it('lists every sheet function with its arguments in order', () => {
    for (const f of FUNCTIONS) {
      const args = f.args.map((a) => (a.optional ? `[${a.name}]` : a.name)).join(', ');
      const grouped = readme.includes(`\`${f.name}(${args})\``) || readme.includes(`\`${f.name}\``);
      expect(grouped, f.name).toBe(true);
    }
  });

  it('gives the two commands of a fresh clone', () => {
    expect(readme).toContain('npm install && npm run demo');
    expect(readme).toContain('npm test');
  });
});
