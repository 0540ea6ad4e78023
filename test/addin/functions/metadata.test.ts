/**
 * functions.json against the core descriptors: the Excel wrappers are generated from `FUNCTIONS`
 * (scripts/function-docs.mjs), and functions.json is what custom-functions-metadata makes of the
 * generated module (the same generator the webpack plugin runs). Each function's id, name,
 * description, parameters (name, help, optional, dimensionality) and result must be the
 * descriptor's; the list is exactly the twenty functions; the file stays far below the
 * 1 MB Excel on Windows accepts.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCustomFunctionsMetadata, type IFunction } from 'custom-functions-metadata';
import { FUNCTIONS } from '../../../src/functions/registry.js';
import { excelFunctionsSource, jsdocFor } from '../../../scripts/function-docs.mjs';

const NAMES = [
  'ARR',
  'MRR',
  'CARR',
  'BRIDGE',
  'NRR',
  'GRR',
  'LOGORETENTION',
  'QUICKRATIO',
  'COHORT',
  'NDRBANDS',
  'POLICY',
  'REVENUE',
  'SCHEDULE',
  'DEALFIELDS',
  'CHECK',
  'SNAPSHOT',
  'RESTATEMENT',
  'EXPLAIN',
  'RECONCILE',
  'RECONWALK',
];

let dir = '';
let json = '';
let functions: IFunction[] = [];

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'runrate-cf-'));
  const file = path.join(dir, 'functions.generated.ts');
  writeFileSync(file, excelFunctionsSource(FUNCTIONS));
  const r = await generateCustomFunctionsMetadata(file);
  expect(r.errors).toEqual([]);
  json = r.metadataJson;
  functions = JSON.parse(json).functions;
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('functions.json from the generated wrappers', () => {
  it('lists exactly the descriptors, which are the twenty RR functions', () => {
    expect(FUNCTIONS.map((f) => f.name).sort()).toEqual([...NAMES].sort());
    expect(functions.map((f) => f.id)).toEqual(FUNCTIONS.map((f) => f.name));
  });

  it('gives each function the id, name and description of its descriptor', () => {
    for (const spec of FUNCTIONS) {
      const f = functions.find((x) => x.id === spec.name);
      expect(f, spec.name).toBeDefined();
      expect(f!.name).toBe(spec.name);
      expect(f!.description).toBe(spec.description);
    }
  });

  it("gives each parameter the argument's name, help, optional flag and dimensionality", () => {
    for (const spec of FUNCTIONS) {
      const f = functions.find((x) => x.id === spec.name)!;
      expect(
        f.parameters.map((p) => p.name),
        spec.name,
      ).toEqual(spec.args.map((a) => a.name));
      spec.args.forEach((a, i) => {
        const p = f.parameters[i];
        const where = `${spec.name}.${a.name}`;
        expect(p.description, where).toBe(a.help);
        expect(p.optional ?? false, where).toBe(a.optional);
        // a range reaches the function whole (matrix); a date, text or boolean is one value
        expect(p.dimensionality ?? 'scalar', where).toBe(a.type === 'range' ? 'matrix' : 'scalar');
        expect(p.type, where).toBe('any');
        expect(p.repeating ?? false, where).toBe(false);
      });
    }
  });

  it('declares tables (and number-or-table) as spilling matrices and numbers as numbers', () => {
    for (const spec of FUNCTIONS) {
      const f = functions.find((x) => x.id === spec.name)!;
      if (spec.returns === 'number') expect(f.result, spec.name).toEqual({ type: 'number' });
      else expect(f.result, spec.name).toEqual({ dimensionality: 'matrix' });
      // pure functions of their arguments: nothing volatile, streaming or address-dependent
      expect(f.options ?? {}, spec.name).toEqual({});
    }
  });

  it('stays far below the 1 MB Excel accepts', () => {
    const bytes = Buffer.byteLength(json, 'utf8');
    expect(bytes).toBeLessThan(100_000);
  });
});

describe('the generated JSDoc', () => {
  it('Excel: @customfunction with the id, one @param per argument, no types in the tags', () => {
    const bridge = FUNCTIONS.find((f) => f.name === 'BRIDGE')!;
    const doc = jsdocFor(bridge, { host: 'excel' });
    expect(doc.startsWith('/**\n * ' + bridge.description + '\n')).toBe(true);
    expect(doc).toContain(' * @customfunction BRIDGE\n');
    expect(doc.match(/@param /g)?.length).toBe(bridge.args.length);
    expect(doc).toContain(` * @param detail ${bridge.args[5].help}\n`);
    expect(doc.endsWith('\n */')).toBe(true);
  });

  it('Sheets: typed @param with [name] for optional arguments, @return and @customfunction', () => {
    const arr = FUNCTIONS.find((f) => f.name === 'ARR')!;
    const doc = jsdocFor(arr, { host: 'sheets' });
    expect(doc).toContain(` * @param {any[][]} contracts ${arr.args[0].help}\n`);
    expect(doc).toContain(` * @param {any[][]} [policy] ${arr.args[2].help}\n`);
    expect(doc).toContain(' * @return {any[][]} ');
    expect(doc).toContain(' * @customfunction\n');
    expect(doc).not.toContain('@customfunction ARR');
  });

  it('refuses help text that would break the comment or read as a tag', () => {
    const base = { name: 'XYZ', description: 'd', returns: 'number' as const, args: [] };
    expect(() => jsdocFor({ ...base, description: 'a */ b' }, { host: 'excel' })).toThrow(/\*\//);
    expect(() => jsdocFor({ ...base, description: 'see @param x' }, { host: 'excel' })).toThrow(/tag/);
    const optFirst = {
      ...base,
      args: [
        { name: 'a', type: 'range' as const, optional: true, help: 'h' },
        { name: 'b', type: 'range' as const, optional: false, help: 'h' },
      ],
    };
    expect(() => jsdocFor(optFirst, { host: 'excel' })).toThrow(/after an optional/);
  });
});
