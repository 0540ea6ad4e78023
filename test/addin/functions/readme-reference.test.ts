/**
 * README.md against the descriptors: the generated "Excel and Sheets function reference" must be
 * exactly what scripts/gen-function-reference.mjs makes of `FUNCTIONS` today (so a changed help
 * text, argument or function fails here until `npm run gen:reference` is run), and "Install in
 * Excel" names only scripts package.json has.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FUNCTIONS } from '../../../src/functions/registry.js';
import {
  EXCEL_NAMESPACE,
  README_BEGIN,
  README_END,
  functionReferenceMarkdown,
  signature,
} from '../../../scripts/function-docs.mjs';

const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as {
  scripts: Record<string, string>;
};

function section(title: string): string {
  const start = readme.indexOf(`\n## ${title}\n`);
  expect(start, title).toBeGreaterThan(0);
  const next = readme.indexOf('\n## ', start + 1);
  return readme.slice(start, next < 0 ? undefined : next);
}

describe('README function reference', () => {
  it('is the reference generated from the descriptors, word for word', () => {
    const begin = readme.indexOf(README_BEGIN);
    const end = readme.indexOf(README_END);
    expect(begin).toBeGreaterThan(0);
    expect(end).toBeGreaterThan(begin);
    const inReadme = readme.slice(begin, end + README_END.length);
    expect(inReadme).toBe(functionReferenceMarkdown(FUNCTIONS));
  });

  it('sits under its heading and gives every function in both forms', () => {
    const ref = section('Excel and Sheets function reference');
    for (const f of FUNCTIONS) {
      expect(ref).toContain(`### ${f.name}\n`);
      expect(ref).toContain(`\`=${EXCEL_NAMESPACE}.${signature(f)}\``);
      expect(ref).toContain(`\`=${signature(f)}\``);
    }
  });

  it('would fail on drift: a changed help text changes the generated reference', () => {
    const changed = FUNCTIONS.map((f) =>
      f.name === 'NRR'
        ? { ...f, args: f.args.map((a, i) => (i === 1 ? { ...a, help: 'Another help.' } : a)) }
        : f,
    );
    expect(functionReferenceMarkdown(changed)).not.toBe(functionReferenceMarkdown(FUNCTIONS));
  });
});

describe('README: Install in Excel', () => {
  it('names only npm scripts that exist, and each add-in script', () => {
    const install = section('Install in Excel');
    const named = [...install.matchAll(/npm run ([\w:-]+)/g)].map((m) => m[1]);
    for (const s of ['build:addin', 'dev-server', 'start:desktop', 'start:web', 'validate:manifest']) {
      expect(named, s).toContain(s);
    }
    for (const s of named) expect(pkg.scripts[s], `npm run ${s}`).toBeDefined();
  });

  it('covers Windows, Mac, Excel on the web and the production host variable', () => {
    const install = section('Install in Excel');
    for (const words of ['**Windows**', '**Mac**', '**Excel on the web**', 'RUNRATE_ADDIN_URL']) {
      expect(install).toContain(words);
    }
  });
});
