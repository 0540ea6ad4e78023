/**
 * The snapshot commands (docs/snapshots.md):
 * - `runrate snapshot lock --contracts FILE --as-of DATE --out FILE.csv [--force]`: writes the sealed
 *   snapshot as CSV. An existing file is never replaced without --force; the CSV goes to a temporary
 *   file in the same directory first and is then linked (or, with --force, renamed) into place, so
 *   the target is either untouched or the complete snapshot. Prints a summary (JSON with --json:
 *   `{"file","asOf","currency","policyVersion","policyHash","dataHash","rows","total","seal"}`).
 * - `runrate snapshot verify FILE`: exit 0 intact, 1 altered, 2 not a readable snapshot. The report
 *   goes to stdout: `FILE: intact ...`, or `FILE: ALTERED` and one discrepancy a line; with --json
 *   `{"file","status","asOf","currency","policyVersion","policyHash","dataHash","rows","total","seal",
 *   "discrepancies":[{"row","column","message"}]}` (`status` "intact" or "altered"; the header values
 *   as read).
 * - `runrate bridge --snapshots A B [--detail]`, `runrate retention --snapshots A B`: the same output
 *   (and JSON) as the live commands, from two verified snapshots; a discrepancy in either is exit 2
 *   naming it.
 */
import { randomBytes } from 'node:crypto';
import { link, open, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import Papa from 'papaparse';
import {
  type ArrModel,
  type Day,
  type FxRates,
  type ReadSnapshotResult,
  type Snapshot,
  NO_DAY,
  buildSnapshot,
  formatDay,
  isCellError,
  isProblem,
  parsePolicy,
  parseRates,
  policyHash,
  readDate,
  readSnapshot,
  snapshotBridge,
  snapshotRetention,
  snapshotTable,
} from '../../src/index.js';
import type { Options } from '../args.js';
import { overrides } from '../args.js';
import { formatBridge, formatRetention, money, type PolicyTag } from '../format.js';
import { bridgeJson, retentionJson, stringify, units } from '../json.js';
import { InputError, readTable } from '../read-table.js';

interface Out {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  cwd: string;
}

/** What `snapshot lock` needs from the command's usual inputs (main.ts's loadInputs). */
export interface LockInputs {
  model: () => ArrModel;
}

export async function runSnapshot(
  options: Options,
  io: Out,
  load: () => Promise<LockInputs>,
): Promise<number> {
  if (options.snapshotAction === 'verify') return verify(options.verifyFile as string, options.json, io);
  return lock(options, io, load);
}

function asOfDate(text: string | undefined): Day {
  const d = readDate(text ?? '');
  if (d === null) throw new InputError('--as-of needs a date');
  if (isProblem(d)) throw new InputError(`--as-of ${JSON.stringify(text)} ${d.text}`);
  return d;
}

async function lock(options: Options, io: Out, load: () => Promise<LockInputs>): Promise<number> {
  const out = options.out as string;
  if (/\.xls[xm]?(#.*)?$/i.test(out)) {
    throw new InputError(`--out ${out}: a snapshot is written as CSV; name the file .csv`);
  }
  const target = path.resolve(io.cwd, out);
  const exists = await stat(target).then(
    (s) => s,
    () => null,
  );
  if (exists?.isDirectory()) throw new InputError(`--out ${out}: is a directory`);
  if (exists && !options.force) {
    throw new InputError(`--out ${out}: the file exists; a snapshot is not replaced unless you give --force`);
  }
  const asOf = asOfDate(options.asOf);
  const inputs = await load();
  const s = buildSnapshot(inputs.model(), asOf);
  if (isCellError(s)) throw new InputError(s.message);
  const csv = Papa.unparse(snapshotTable(s), { newline: '\r\n' }) + '\r\n';
  await writeNew(target, csv, options.force === true, out);
  const summary = {
    file: out,
    asOf: formatDay(s.asOf),
    currency: s.currency,
    policyVersion: s.policyVersion,
    policyHash: s.policyHash,
    dataHash: s.dataHash,
    rows: s.rowCount,
    total: units(s.totalCents),
    seal: s.checks.seal,
  };
  if (options.json) io.stdout.write(stringify(summary));
  else {
    io.stdout.write(
      `Snapshot as of ${summary.asOf} written to ${out}: ${s.rowCount} rows, total ${money(s.totalCents)} ${s.currency}, ` +
        `policy ${s.policyVersion} (${s.policyHash}), data hash ${s.dataHash}\nSeal ${s.checks.seal}\n`,
    );
  }
  return 0;
}

/** Writes through a temporary file in the target's directory; without `replace`, never over a file. */
async function writeNew(target: string, text: string, replace: boolean, shown: string): Promise<void> {
  const temp = path.join(
    path.dirname(target),
    `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`,
  );
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    handle = await open(temp, 'wx');
    await handle.writeFile(text, 'utf8');
    await handle.sync();
    await handle.close();
    handle = undefined;
    if (replace) await rename(temp, target);
    else {
      await link(temp, target); // fails if the target appeared meanwhile
      await rm(temp, { force: true });
    }
  } catch (e) {
    await handle?.close().catch(() => undefined);
    await rm(temp, { force: true }).catch(() => undefined);
    const code = (e as { code?: string }).code;
    if (code === 'EEXIST')
      throw new InputError(`--out ${shown}: the file exists; give --force to replace it`);
    if (code === 'ENOENT') throw new InputError(`--out ${shown}: no such directory`);
    if (code === 'EACCES' || code === 'EPERM') throw new InputError(`--out ${shown}: permission denied`);
    throw e;
  }
}

async function readSnapshotFile(file: string, cwd: string): Promise<ReadSnapshotResult> {
  const t = await readTable(file, cwd);
  const r = readSnapshot(t.table, { timeZone: t.timeZone });
  if (isCellError(r)) throw new InputError(`${t.label}: ${r.message}`);
  return r;
}

async function verify(file: string, json: boolean, io: Out): Promise<number> {
  const { snapshot: s, discrepancies } = await readSnapshotFile(file, io.cwd);
  const intact = discrepancies.length === 0;
  if (json) {
    io.stdout.write(
      stringify({
        file,
        status: intact ? 'intact' : 'altered',
        asOf: s.asOf === NO_DAY ? null : formatDay(s.asOf),
        currency: s.currency,
        policyVersion: s.policyVersion,
        policyHash: s.policyHash,
        dataHash: s.dataHash,
        rows: s.rows.n,
        total: Number.isSafeInteger(s.totalCents) ? units(s.totalCents) : null,
        seal: s.checks.seal,
        discrepancies: discrepancies.map((d) => ({ row: d.row, column: d.column, message: d.message })),
      }),
    );
  } else if (intact) {
    io.stdout.write(
      `${file}: intact. Snapshot as of ${formatDay(s.asOf)}, ${s.rows.n} rows, total ${money(s.totalCents)} ${s.currency}, ` +
        `policy ${s.policyVersion} (${s.policyHash}), data hash ${s.dataHash}\nSeal ${s.checks.seal}\n`,
    );
  } else {
    const n = discrepancies.length;
    io.stdout.write(
      `${file}: ALTERED, ${n} ${n === 1 ? 'discrepancy' : 'discrepancies'}:\n` +
        discrepancies.map((d) => `  ${d.message}\n`).join(''),
    );
  }
  return intact ? 0 : 1;
}

/** A snapshot file: read and verified (a discrepancy is bad input). */
export async function verifiedSnapshot(file: string, cwd: string): Promise<Snapshot> {
  const r = await readSnapshotFile(file, cwd);
  if (r.discrepancies.length > 0) {
    const list = r.discrepancies.map((d) => d.message);
    throw new InputError(`${file}: the snapshot was altered after it was locked:\n${list.join('\n')}`);
  }
  return r.snapshot;
}

/** `bridge --snapshots A B` and `retention --snapshots A B`. */
export async function runSnapshotPair(
  command: 'bridge' | 'retention',
  options: Options,
  io: Out,
): Promise<number> {
  const [fileA, fileB] = options.snapshots as [string, string];
  const a = await verifiedSnapshot(fileA, io.cwd);
  const b = await verifiedSnapshot(fileB, io.cwd);
  if (options.policy !== undefined || options.set.length > 0) {
    const t = options.policy === undefined ? null : await readTable(options.policy, io.cwd);
    const p = parsePolicy(t?.table ?? null, overrides(options.set));
    if (isCellError(p)) throw new InputError(`${t?.label ?? '--set'}: ${p.message}`);
    const hash = policyHash(p);
    if (hash !== a.policyHash) {
      throw new InputError(
        `--policy: its hash is ${hash}, but ${fileA} was locked under ${a.policyHash}; leave out --policy and --set to use the policy recorded in the snapshots`,
      );
    }
  }
  let rates: FxRates | null = null;
  if (options.rates !== undefined) {
    const t = await readTable(options.rates, io.cwd);
    const r = parseRates(t.table, a.currency, { timeZone: t.timeZone });
    if (isCellError(r)) throw new InputError(`${t.label}: ${r.message}`);
    rates = r;
  }
  const tag: PolicyTag = { version: a.policyVersion, hash: a.policyHash };
  if (command === 'bridge') {
    const r = snapshotBridge(a, b, { rates, detail: true });
    if (isCellError(r)) throw new InputError(r.message);
    io.stdout.write(
      options.json ? stringify(bridgeJson(r, options.detail)) : formatBridge(r, tag, options.detail),
    );
    return 0;
  }
  const r = snapshotRetention(a, b, { rates });
  if (isCellError(r)) throw new InputError(r.message);
  if (r.quickRatioUnavailable) io.stderr.write(`runrate: warning: ${r.quickRatioUnavailable}\n`);
  io.stdout.write(options.json ? stringify(retentionJson(r)) : formatRetention(r, tag));
  return 0;
}
