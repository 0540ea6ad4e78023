/**
 * `runrate restatement --contracts FILE --snapshot FILE [--policy FILE] [--set key=value]
 * [--rates FILE] [--json]`: the snapshot's date recomputed from today's contracts (under today's
 * policy and rates), every customer (and product) whose ARR moved since the lock with its causes,
 * and the tie: locked + restatements = recomputed (docs/snapshots.md). JSON:
 * `{"asOf","currency","lockedPolicyHash","policyHash","lockedDataHash","dataHash","locked",
 * "restatements","recomputed","rows":[{"customer","product","cause","lockedArr","recomputedArr",
 * "amount","rows":[...],"lockedRows":[...]}]}`.
 */
import {
  type FxRates,
  type RestatementResult,
  formatDay,
  isCellError,
  parsePolicy,
  parseRates,
  restateContracts,
} from '../../src/index.js';
import type { Options } from '../args.js';
import { overrides } from '../args.js';
import { money, table } from '../format.js';
import { stringify, units } from '../json.js';
import { InputError, readTable } from '../read-table.js';
import { verifiedSnapshot } from './snapshot.js';

interface Out {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  cwd: string;
}

export async function runRestatement(options: Options, io: Out): Promise<number> {
  const policyFile = options.policy === undefined ? null : await readTable(options.policy, io.cwd);
  if (policyFile) {
    const alone = parsePolicy(policyFile.table);
    if (isCellError(alone)) throw new InputError(`${policyFile.label}: ${alone.message}`);
  }
  const policy = parsePolicy(policyFile?.table ?? null, overrides(options.set));
  if (isCellError(policy)) throw new InputError(`--set: ${policy.message}`);
  let rates: FxRates | null = null;
  if (options.rates !== undefined) {
    const t = await readTable(options.rates, io.cwd);
    const r = parseRates(t.table, policy.reportingCurrency, { timeZone: t.timeZone });
    if (isCellError(r)) throw new InputError(`${t.label}: ${r.message}`);
    rates = r;
  }
  const snapshot = await verifiedSnapshot(options.snapshot as string, io.cwd);
  const contracts = await readTable(options.contracts as string, io.cwd);
  const r = restateContracts(snapshot, contracts.table, policy, rates, { timeZone: contracts.timeZone });
  if (isCellError(r)) throw new InputError(`${contracts.label}: ${r.message}`);
  io.stdout.write(
    options.json ? stringify(restatementJson(r)) : formatRestatement(r, options.snapshot as string),
  );
  return 0;
}

export function restatementJson(r: RestatementResult) {
  return {
    asOf: formatDay(r.asOf),
    currency: r.currency,
    lockedPolicyHash: r.lockedPolicyHash,
    policyHash: r.policyHash,
    lockedDataHash: r.lockedDataHash,
    dataHash: r.dataHash,
    locked: units(r.lockedCents),
    restatements: units(r.restatedCents),
    recomputed: units(r.recomputedCents),
    rows: r.rows.map((row) => ({
      customer: row.customer,
      product: row.product,
      cause: row.cause,
      lockedArr: units(row.lockedCents),
      recomputedArr: units(row.recomputedCents),
      amount: units(row.amountCents),
      rows: [...row.rows],
      lockedRows: [...row.lockedRows],
    })),
  };
}

export function formatRestatement(r: RestatementResult, file: string): string {
  const policy =
    r.policyHash === r.lockedPolicyHash
      ? `policy ${r.policyHash}`
      : `policy ${r.lockedPolicyHash} -> ${r.policyHash}`;
  const data =
    r.dataHash === r.lockedDataHash
      ? `data ${r.dataHash} (unchanged)`
      : `data ${r.lockedDataHash} -> ${r.dataHash}`;
  let out = `Restatement of ${file} as of ${formatDay(r.asOf)}, ${r.currency}, ${policy}, ${data}\n\n`;
  const rows = r.rows.map((row) => [
    row.customer,
    row.product,
    row.cause,
    money(row.lockedCents),
    money(row.recomputedCents),
    money(row.amountCents),
    row.rows.length > 0 ? row.rows.join(' ') : row.lockedRows.map((x) => `locked ${x}`).join(' '),
  ]);
  rows.push([
    'Total',
    '',
    'locked + restatements',
    money(r.lockedCents),
    money(r.recomputedCents),
    money(r.restatedCents),
    '',
  ]);
  out += table(['Customer', 'Product', 'Cause', 'Locked ARR', 'Recomputed ARR', 'Amount', 'Rows'], rows, [
    'left',
    'left',
    'left',
    'right',
    'right',
    'right',
    'left',
  ]);
  if (r.rows.length === 0) out += '\nNothing moved since the lock.\n';
  return out;
}
