/**
 * `runrate check --contracts FILE [--as-of DATE] [--policy FILE] [--set key=value] [--rates FILE]
 * [--json]`: the data checks (docs/checks.md). Every problem in the files' cells is a finding and
 * the exit status is 0 whatever is found; 2 only when a file cannot be read or parsed as CSV/xlsx,
 * or a flag is bad (an unknown `--set` key or value, a bad `--as-of` date). JSON:
 * `{"findings":[{"severity","row","customer","contract","rule","message"}]}` (`row` null for a
 * finding about no one row, `customer` and `contract` "" when none).
 */
import {
  type CheckFinding,
  type CheckResult,
  type Day,
  formatDay,
  checkContracts,
  isCellError,
  isProblem,
  parsePolicy,
  policyHash,
  readDate,
} from '../../src/index.js';
import type { Options } from '../args.js';
import { overrides } from '../args.js';
import { count, table } from '../format.js';
import { InputError, readTable } from '../read-table.js';

interface Out {
  stdout: { write(text: string): unknown };
  cwd: string;
}

export async function runCheck(options: Options, io: Out): Promise<number> {
  const set = overrides(options.set);
  const alone = parsePolicy(null, set);
  if (isCellError(alone)) throw new InputError(`--set: ${alone.message}`);
  const asOf = options.asOf === undefined ? null : asOfDate(options.asOf);

  const contracts = await readTable(options.contracts as string, io.cwd);
  const policy = options.policy === undefined ? null : await readTable(options.policy, io.cwd);
  const rates = options.rates === undefined ? null : await readTable(options.rates, io.cwd);
  const r = checkContracts({
    contracts: contracts.table,
    policy: policy?.table ?? null,
    overrides: set,
    rates: rates?.table ?? null,
    asOf,
    timeZone: contracts.timeZone,
    ratesTimeZone: rates?.timeZone,
  });
  if (isCellError(r)) throw new Error(r.message);

  if (options.json) {
    io.stdout.write(JSON.stringify(checkJson(r.findings)) + '\n');
    return 0;
  }
  const effective = parsePolicy(policy?.table ?? null, set);
  const tag = isCellError(effective)
    ? 'policy not readable'
    : `policy ${effective.version} (${policyHash(effective)})`;
  io.stdout.write(formatCheck(r, contracts.label, tag));
  return 0;
}

function asOfDate(text: string): Day {
  const d = readDate(text);
  if (d === null) throw new InputError('--as-of needs a date');
  if (isProblem(d)) throw new InputError(`--as-of ${JSON.stringify(text)} ${d.text}`);
  return d;
}

/** The JSON document, keys in the documented order. */
export function checkJson(findings: readonly CheckFinding[]) {
  return {
    findings: findings.map((f) => ({
      severity: f.severity,
      row: f.row,
      customer: f.customer,
      contract: f.contract,
      rule: f.rule,
      message: f.message,
    })),
  };
}

export function formatCheck(r: CheckResult, label: string, policyTag: string): string {
  const when = r.asOf === null ? 'no as-of date' : `as of ${formatDay(r.asOf)}`;
  let out = `Data checks, ${label}, ${when}, ${policyTag}\n\n`;
  const plural = (k: number, word: string) => `${count(k)} ${word}${k === 1 ? '' : 's'}`;
  if (r.findings.length === 0) return out + `No findings in ${plural(r.lines, 'line')}.\n`;
  out += table(
    ['Severity', 'Row', 'Customer', 'Contract', 'Rule', 'Message'],
    r.findings.map((f) => [
      f.severity,
      f.row === null ? '' : String(f.row),
      f.customer,
      f.contract,
      f.rule,
      f.message.replace(/\r?\n/g, '; '),
    ]),
    ['left', 'right', 'left', 'left', 'left', 'left'],
  );
  const n = (severity: string) => r.findings.filter((f) => f.severity === severity).length;
  out +=
    `\n${plural(r.findings.length, 'finding')} in ${plural(r.lines, 'line')}: ` +
    `${plural(n('error'), 'error')}, ${plural(n('warning'), 'warning')}, ${count(n('info'))} info\n`;
  return out;
}
