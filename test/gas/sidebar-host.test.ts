/**
 * GasPaneHost, the sidebar's PaneHost over google.script.run: one runrateAction call per method with
 * the arguments as JSON, the answer parsed, a failure rejected with the server's message, and the
 * whole round trip against the server over the in-memory spreadsheet.
 */
import { describe, expect, it } from 'vitest';
import { failureMessage, GasPaneHost, type ScriptRunner } from '../../gas/sidebar/gas-pane-host.js';
import { runAction } from '../../gas/server/index.js';
import { createFakeServices, installGlobals } from './support/fake-spreadsheet-app.js';

/** A google.script.run stand-in: records calls and answers each with `answer` (asynchronously). */
function runner(answer: (name: string, json: string) => unknown, calls: [string, string][] = []) {
  const make = (ok?: (v: unknown) => void, fail?: (e: unknown) => void): ScriptRunner => ({
    withSuccessHandler: (f) => make(f, fail),
    withFailureHandler: (f) => make(ok, f),
    runrateAction: (name, json) => {
      calls.push([name, json]);
      setTimeout(() => {
        let result: unknown;
        try {
          result = answer(name, json);
        } catch (e) {
          fail?.(e);
          return;
        }
        ok?.(result);
      }, 0);
    },
  });
  return { calls, run: () => make() };
}

describe('GasPaneHost', () => {
  it('sends the method name and its arguments as JSON, and resolves with the parsed answer', async () => {
    const r = runner(() => JSON.stringify({ asOf: '2025-12-31', sheets: [] }));
    const host = new GasPaneHost(r.run);
    const progress: string[] = [];
    await expect(host.generateReports('2025-12-31', (m) => progress.push(m))).resolves.toEqual({
      asOf: '2025-12-31',
      sheets: [],
    });
    expect(r.calls).toEqual([['generateReports', '["2025-12-31"]']]);
    expect(progress).toHaveLength(1);
    await host.useContracts({ kind: 'sheet', name: 'Data' }, []);
    expect(r.calls[1]).toEqual(['useContracts', '[{"kind":"sheet","name":"Data"},[],null]']);
    expect(host.hostName).toBe('Google Sheets');
  });

  it("rejects with the server's message (Apps Script's 'Exception: ' prefix dropped)", async () => {
    const host = new GasPaneHost(
      runner(() => {
        throw new Error('Exception: row 11, End Date: 2025-02-30 is not a date');
      }).run,
    );
    await expect(host.runChecks('2025-12-31')).rejects.toThrow(
      /^row 11, End Date: 2025-02-30 is not a date$/,
    );
    expect(failureMessage('plain text')).toBe('plain text');
    expect(failureMessage(undefined)).toMatch(/no answer/);
  });

  it('round-trips through runAction over the in-memory spreadsheet, errors included', async () => {
    const gas = createFakeServices({ timeZone: 'Europe/Berlin' });
    const uninstall = installGlobals(gas);
    try {
      const host = new GasPaneHost(runner((name, json) => runAction(name, json)).run);
      const saved = await host.savePolicy({ renewalGraceDays: '30' });
      expect(saved.changed).toEqual(['renewalGraceDays']);
      expect((await host.loadPolicy()).fromSheet).toBe(true);
      expect((await host.listSheets()).map((s) => [s.name, s.kind])).toContainEqual(['RR Policy', 'policy']);
      await expect(host.savePolicy({ rounding: 'up' })).rejects.toThrow(/rounding: "up" is not allowed/);
    } finally {
      uninstall();
    }
  });
});
