/**
 * Acceptance of the Google Sheets build (npm run build:gas): what `clasp push` sends is valid as it
 * stands. appsscript.json (V8, the two minimal scopes, no external requests), .clasp.json pointing
 * at dist/gas, every custom function and server function (menu handlers, triggers, sidebar
 * endpoints) a top-level `function` declaration with its JSDoc (`@customfunction` for the custom
 * functions), no module syntax left, one global from the bundle, and the size within 500 KB.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import { FUNCTIONS } from '../../src/functions/registry.js';
import { SERVER_FUNCTIONS, MENU_ITEMS } from '../../gas/server/index.js';
import * as entry from '../../gas/main.js';
import { ensureGasBuilt, GAS_DIR, loadGas, repoRoot } from './support/load-gas.js';

const read = (f: string) => readFileSync(path.join(GAS_DIR(), f), 'utf8');

beforeAll(() => {
  ensureGasBuilt();
});

describe('appsscript.json and .clasp.json', () => {
  it('appsscript.json: V8, exception logging, a time zone, exactly the two minimal scopes', () => {
    const manifest = JSON.parse(read('appsscript.json'));
    expect(manifest).toEqual(
      JSON.parse(readFileSync(path.join(repoRoot(), 'gas', 'appsscript.json'), 'utf8')),
    );
    expect(manifest.runtimeVersion).toBe('V8');
    expect(manifest.exceptionLogging).toBe('STACKDRIVER');
    expect(() => new Intl.DateTimeFormat('en-US', { timeZone: manifest.timeZone })).not.toThrow();
    expect([...manifest.oauthScopes].sort()).toEqual([
      'https://www.googleapis.com/auth/script.container.ui',
      'https://www.googleapis.com/auth/spreadsheets.currentonly',
    ]);
    // No external requests, no advanced services, no web app or add-on surface.
    expect(manifest.urlFetchWhitelist).toBeUndefined();
    expect(manifest.dependencies?.enabledAdvancedServices ?? []).toEqual([]);
    expect(Object.keys(manifest).sort()).toEqual(
      ['dependencies', 'exceptionLogging', 'oauthScopes', 'runtimeVersion', 'timeZone'].sort(),
    );
  });

  it('.clasp.json pushes dist/gas, which holds only appsscript.json, the .js files and sidebar.html', () => {
    const clasp = JSON.parse(readFileSync(path.join(repoRoot(), '.clasp.json'), 'utf8'));
    expect(path.normalize(clasp.rootDir)).toBe(path.normalize('dist/gas'));
    expect(clasp.scriptId === undefined || typeof clasp.scriptId === 'string').toBe(true);
    const pkg = JSON.parse(readFileSync(path.join(repoRoot(), 'package.json'), 'utf8'));
    expect(pkg.scripts['build:gas']).toMatch(
      /^node scripts\/build-gas\.mjs( && node scripts\/build-sidebar\.mjs)?$/,
    );
    expect(pkg.scripts['gas:push']).toMatch(/clasp push/);
    expect(pkg.scripts['gas:deploy']).toMatch(/clasp deploy/);
    expect(pkg.scripts['gas:create']).toMatch(/clasp create --type sheets .*--rootDir dist\/gas/);
    // No .claspignore: clasp's defaults push appsscript.json, *.js and *.html from rootDir, and the
    // build leaves nothing else there (files clasp create or clone pulled in are removed).
    expect(existsSync(path.join(repoRoot(), '.claspignore'))).toBe(false);
    for (const f of readdirSync(GAS_DIR()))
      expect(f).toMatch(/^(appsscript\.json|[\w-]+\.js|sidebar\.html)$/);
  });
});

describe('what clasp would push', () => {
  it('clasp show-file-status on a copy of the project lists exactly the built files (offline, no login)', () => {
    // A throwaway project: the repository's .clasp.json with a made-up scriptId, and dist/gas.
    const dir = mkdtempSync(path.join(tmpdir(), 'runrate-clasp-'));
    try {
      const clasp = JSON.parse(readFileSync(path.join(repoRoot(), '.clasp.json'), 'utf8'));
      writeFileSync(
        path.join(dir, '.clasp.json'),
        JSON.stringify({ ...clasp, scriptId: 'not-a-real-script' }),
      );
      cpSync(GAS_DIR(), path.join(dir, 'dist', 'gas'), { recursive: true });
      writeFileSync(path.join(dir, 'dist', 'gas', 'notes.txt'), 'not pushed');
      const bin = path.join(repoRoot(), 'node_modules', '@google', 'clasp', 'build', 'src', 'index.js');
      const out = execFileSync(process.execPath, [bin, 'show-file-status', '--json'], {
        cwd: dir,
        encoding: 'utf8',
        env: { ...process.env, HOME: dir },
        timeout: 60_000,
      });
      const status = JSON.parse(out) as { filesToPush: string[]; untrackedFiles: string[] };
      const built = readdirSync(GAS_DIR()).filter((f) => !f.startsWith('.'));
      expect(status.filesToPush.sort()).toEqual(built.map((f) => `dist/gas/${f}`).sort());
      expect(status.filesToPush).toEqual(
        expect.arrayContaining(['dist/gas/appsscript.json', 'dist/gas/runrate.js', 'dist/gas/functions.js']),
      );
      // (A concurrent build's temporary .*.tmp file would be untracked too.)
      expect(status.untrackedFiles.filter((f) => !path.basename(f).startsWith('.'))).toEqual([
        'dist/gas/notes.txt',
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** Top-level statements of a file, parsed as a classic script. */
function topLevel(file: string): ts.SourceFile {
  return ts.createSourceFile(file, read(file), ts.ScriptTarget.ES2020, true, ts.ScriptKind.JS);
}

/** The JSDoc text right before a top-level function, or null. */
function jsdocOf(src: ts.SourceFile, fn: ts.FunctionDeclaration): string | null {
  const ranges = ts.getLeadingCommentRanges(src.text, fn.pos) ?? [];
  const last = ranges.at(-1);
  if (!last) return null;
  const text = src.text.slice(last.pos, last.end);
  return text.startsWith('/**') ? text : null;
}

describe('functions.js: the top-level functions Apps Script calls', () => {
  let fns: Map<string, { params: string[]; doc: string | null }>;
  let others: string[];
  beforeAll(() => {
    const src = topLevel('functions.js');
    fns = new Map();
    others = [];
    for (const st of src.statements) {
      if (ts.isFunctionDeclaration(st) && st.name) {
        fns.set(st.name.text, {
          params: st.parameters.map((p) => p.getText(src)),
          doc: jsdocOf(src, st),
        });
      } else others.push(st.getText(src).slice(0, 80));
    }
  });

  it('holds function declarations only, one per custom function and per server function', () => {
    expect(others).toEqual([]);
    expect([...fns.keys()].sort()).toEqual(
      [...FUNCTIONS.map((f) => f.name), ...SERVER_FUNCTIONS.map((f) => f.name)].sort(),
    );
    const upper = [...fns.keys()].map((n) => n.toUpperCase());
    expect(new Set(upper).size).toBe(upper.length);
    for (const n of fns.keys()) expect(n.endsWith('_'), n).toBe(false);
  });

  it('each custom function: the descriptor arguments, JSDoc with its description, @param per argument, @return, @customfunction', () => {
    for (const spec of FUNCTIONS) {
      const f = fns.get(spec.name)!;
      expect(f.params, spec.name).toEqual(spec.args.map((a) => a.name));
      const doc = f.doc ?? expect.fail(`${spec.name} has no JSDoc`);
      expect(doc, spec.name).toContain(spec.description.replace(/\s+/g, ' '));
      const params = [...doc.matchAll(/@param \{[^}]+\} \[?(\w+)\]? (.*)/g)];
      expect(
        params.map((m) => m[1]),
        spec.name,
      ).toEqual(spec.args.map((a) => a.name));
      spec.args.forEach((a, i) =>
        expect(params[i][2], `${spec.name}.${a.name}`).toContain(a.help.slice(0, 40)),
      );
      expect(doc, spec.name).toMatch(/@return \{[^}]+\} \S/);
      expect(doc, spec.name).toMatch(/@customfunction\n \*\/$/);
    }
  });

  it('every date argument says the date must be a cell, not TODAY()', () => {
    for (const spec of FUNCTIONS) {
      const doc = fns.get(spec.name)!.doc!;
      for (const a of spec.args.filter((x) => x.type === 'date')) {
        const line = doc.split('\n').find((l) => new RegExp(`@param \\{[^}]+\\} \\[?${a.name}\\]? `).test(l));
        expect(line, `${spec.name}.${a.name}`).toMatch(/TODAY\(\)/);
      }
    }
  });

  it('each server function (menu items, triggers, sidebar endpoints): JSDoc with its doc, no @customfunction', () => {
    for (const s of SERVER_FUNCTIONS) {
      const doc = fns.get(s.name)?.doc ?? expect.fail(`${s.name} has no JSDoc`);
      expect(doc).toContain(s.doc.replace(/\s+/g, ' '));
      expect(doc).not.toContain('@customfunction');
    }
  });
});

describe('runrate.js: one plain script defining RunRate', () => {
  it('compiles as a classic script (no import or export left), with no dynamic import or require', () => {
    for (const f of ['runrate.js', 'functions.js']) {
      expect(() => new vm.Script(read(f), { filename: f })).not.toThrow();
      expect(read(f)).not.toMatch(/\bimport\s*\(|\bimport\.meta\b|\brequire\s*\(/);
    }
  });

  it('declares one top-level name, RunRate', () => {
    const src = topLevel('runrate.js');
    const names: string[] = [];
    for (const st of src.statements) {
      if (ts.isExpressionStatement(st) && ts.isStringLiteral(st.expression)) continue; // "use strict"
      if (ts.isVariableStatement(st))
        names.push(...st.declarationList.declarations.map((d) => d.name.getText(src)));
      else names.push(`<${ts.SyntaxKind[st.kind]}>`);
    }
    expect(names).toEqual(['RunRate']);
  });

  it('loaded with functions.js, adds exactly RunRate, TextEncoder and the top-level functions to the global scope', () => {
    const gas = loadGas({ spreadsheetTimeZone: 'Europe/London' });
    // TextEncoder: Apps Script has none and the core's SHA-256 needs one (gas/functions/text-encoder.ts).
    expect(gas.globals().sort()).toEqual(
      [
        'RunRate',
        'TextEncoder',
        ...FUNCTIONS.map((f) => f.name),
        ...SERVER_FUNCTIONS.map((f) => f.name),
      ].sort(),
    );
  });

  it('never refers to UrlFetchApp', () => {
    expect(read('runrate.js')).not.toContain('UrlFetchApp');
  });

  it('runrate.js + functions.js <= 500 KB', () => {
    const size = Buffer.byteLength(read('runrate.js')) + Buffer.byteLength(read('functions.js'));
    expect(size).toBeLessThanOrEqual(500_000);
  });
});

describe('gas/main.ts, the bundle entry', () => {
  it('exports the adapter, the descriptors and the server functions; server() refuses an unknown name', () => {
    expect(typeof entry.callSheets).toBe('function');
    expect(entry.FUNCTIONS).toBe(FUNCTIONS);
    expect(entry.SERVER_FUNCTIONS).toBe(SERVER_FUNCTIONS);
    expect(() => entry.server('noSuchFunction', [])).toThrow('RunRate: no server function noSuchFunction');
  });
});

describe('the menu', () => {
  it('onOpen adds the RunRate menu; each item calls a top-level function', () => {
    const items: { caption: string; fn: string }[] = [];
    const menu = {
      addItem(caption: string, fn: string) {
        items.push({ caption, fn });
        return menu;
      },
      addSeparator: () => menu,
      addToUi: () => undefined,
    };
    const menus: string[] = [];
    const ui = {
      createMenu: (title: string) => {
        menus.push(title);
        return menu;
      },
    };
    const gas = loadGas({
      spreadsheetTimeZone: 'Europe/London',
      globals: {
        SpreadsheetApp: {
          getUi: () => ui,
          getActive: () => ({ getSpreadsheetTimeZone: () => 'Europe/London' }),
        },
        HtmlService: {},
        Session: {},
        Charts: {},
      },
    });
    gas.call('onOpen', { authMode: 'LIMITED' });
    expect(menus).toEqual(['RunRate']);
    expect(items).toEqual(MENU_ITEMS);
    for (const item of items)
      expect(typeof (gas.context as Record<string, unknown>)[item.fn], item.fn).toBe('function');
  });
});
