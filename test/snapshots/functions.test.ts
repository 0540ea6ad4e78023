/** The snapshot functions' descriptors: argument positions, help, and the snapshot forms. */
import { describe, expect, it } from 'vitest';
import { CellError } from '../../src/index.js';
import { SNAPSHOT, callFunction, getFunction } from '../../src/functions/index.js';
import { contracts } from '../methodology/book.js';

const names = (f: string) => getFunction(f)?.args.map((a) => (a.optional ? `[${a.name}]` : a.name));

describe('descriptors', () => {
  it('keep the issue positions', () => {
    expect(names('SNAPSHOT')).toEqual(['contracts', 'asOf', '[policy]', '[rates]']);
    expect(names('RESTATEMENT')).toEqual(['contracts', 'snapshot', '[policy]', '[rates]']);
  });

  it('BRIDGE and the retention functions take two snapshots: `to` may be left out', () => {
    expect(names('BRIDGE')).toEqual(['contracts', 'from', '[to]', '[policy]', '[rates]', '[detail]']);
    for (const f of ['NRR', 'GRR', 'LOGORETENTION', 'QUICKRATIO', 'NDRBANDS']) {
      expect(names(f), f).toEqual(['contracts', 'from', '[to]', '[policy]', '[rates]']);
      // `from` takes a range (the later snapshot) or a date cell.
      expect(getFunction(f)?.args[1].type).toBe('range');
    }
  });

  it('every date argument says it must be a cell, not TODAY()', () => {
    for (const f of ['SNAPSHOT', 'BRIDGE', 'NRR', 'NDRBANDS']) {
      for (const a of getFunction(f)?.args ?? []) {
        if (a.type === 'date' || a.name === 'from') expect(a.help, `${f} ${a.name}`).toContain('not TODAY()');
      }
    }
  });

  it('the live forms still need `to`', () => {
    const book = contracts([{ Customer: 'A', Start: '2023-01-01', End: '2023-12-31', Amount: 1000 }]);
    const r = callFunction('BRIDGE', [book, '2023-01-01']);
    expect((r as CellError).message).toBe(
      'to: a date is required (a cell holding the date, e.g. 2025-12-31)',
    );
  });

  it('SNAPSHOT errors like the other functions: an empty range, a bad date', () => {
    expect((SNAPSHOT(null, '2023-01-01') as CellError).message).toMatch(
      /^contracts: the contracts range is empty/,
    );
    const book = contracts([{ Customer: 'A', Start: '2023-01-01', End: '2023-12-31', Amount: 1000 }]);
    expect((SNAPSHOT(book, 'soon') as CellError).message).toMatch(/^asOf: "soon" is not a date/);
  });
});
