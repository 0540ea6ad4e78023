/**
 * Generates the example NetSuite exports in `examples/netsuite/` for the example book
 * (examples/contracts.csv, policy.csv, fx-rates.csv), so that reconciling the book against them over
 * FY2025 is meaningful: NetSuite agrees with the contracts except where a disagreement is written in
 * on purpose (DISAGREEMENTS below, listed in the generated README.md).
 *
 *   node scripts/generate-netsuite-example.mjs [outDir]   (outDir defaults to examples/netsuite/)
 *
 * Files, in NetSuite's layouts (synthetic values, real shapes):
 * - transactions.csv: a transaction saved search (header on line 1, `Internal ID` three times:
 *   the transaction's, the customer join's, the item join's; plain numbers; M/D/YYYY dates; posting
 *   periods `Jan 2025`; Subsidiary, Currency, Exchange Rate, Amount (Foreign Currency) and the base
 *   currency Amount): one invoice line per contract line in service during 2024-2025 (its whole
 *   term as the rev. rec. period), plus the disagreements' credit memo and invoices;
 * - income-statement-detail.csv: an income statement detail report for Jan-Dec 2025 (title rows,
 *   header cells with a trailing space, `$1,234.56`, `($1,234.56)`, sections per account, `Total -`
 *   rows, Gross Profit, Net Income): the monthly revenue recognition journals per contract line and
 *   a few hosting bills under Cost of Sales;
 * - deferred-revenue-waterfall.csv: a deferred revenue waterfall detail as of Dec 2025: each
 *   invoice's deferred balance at 2025-12-31 and its release by month through 2026;
 * - customers.csv: a customer saved search (Internal ID, ID, Name, Company Name, Parent, ...);
 * - mapping.csv: the customer mapping table the reconciliation needs (one renamed customer);
 * - README.md.
 *
 * Every amount comes from the core itself (the example book parsed under its policy, each line's
 * reporting-currency total, its revenue recognised by the revenue schedule's own rule, its deferred
 * revenue from the schedule), so the agreeing customers tie to the cent. The core is bundled on the
 * fly with esbuild into node_modules/.cache/runrate/. Deterministic: no clock, no randomness, no
 * locale formatting; LF line endings, no BOM (the BOM, CRLF and Windows-1252 variants are in
 * test/fixtures/netsuite/).
 */
import { build } from 'esbuild';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import Papa from 'papaparse';
import * as prettier from 'prettier';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '..');
const BOOK = join(ROOT, 'examples');
const OUT_DIR = resolve(process.argv[2] ?? join(BOOK, 'netsuite'));

// ---- the core, bundled ------------------------------------------------------------------------

async function loadCore() {
  const entry = [
    "export { parseContracts, parsePolicy, parseRates, revenueSchedule, recognisedThrough, dayFromYmd, ymdFromDay, CellError } from './src/index.ts';",
    "export { buildContractSide, CAT_RECURRING, CAT_ONE_TIME, CAT_USAGE } from './src/reconcile/contract.ts';",
  ].join('\n');
  const out = await build({
    stdin: { contents: entry, resolveDir: ROOT, loader: 'ts', sourcefile: 'netsuite-example-core.ts' },
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    write: false,
    logLevel: 'warning',
  });
  const dir = join(ROOT, 'node_modules', '.cache', 'runrate');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'netsuite-example-core.mjs');
  writeFileSync(file, out.outputFiles[0].text);
  return import(pathToFileURL(file).href);
}

const core = await loadCore();
const { dayFromYmd, ymdFromDay, CellError, CAT_ONE_TIME } = core;

const table = (file) => Papa.parse(readFileSync(join(BOOK, file), 'utf8'), { skipEmptyLines: 'greedy' }).data;
const ok = (x, what) => {
  if (x instanceof CellError) throw new Error(`${what}: ${x.message}`);
  return x;
};

// fx: contract. Under the demo policy's fx: spot, revenue converts each line at the rate of its
// start date, and fx-rates.csv starts on 2022-12-31, after the opening book's 2022 starts: the
// reconciliation (which compiles every line's revenue) needs --set fx=contract (or fixed).
const FX = 'contract';
const policy = ok(core.parsePolicy(table('policy.csv'), { fx: FX }), 'policy');
const rates = ok(core.parseRates(table('fx-rates.csv'), policy.reportingCurrency), 'rates');
const book = ok(core.parseContracts(table('contracts.csv'), policy), 'contracts');
const side = ok(core.buildContractSide(book, policy, rates), 'contract side');
const lines = side.lines;

const FROM = dayFromYmd(2025, 1, 1);
const TO = dayFromYmd(2025, 12, 31);
const HISTORY_FROM = dayFromYmd(2024, 1, 1);

// ---- days, months, formats ----------------------------------------------------------------------

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const absMonth = (d) => {
  const y = ymdFromDay(d);
  return y.year * 12 + y.month - 1;
};
const monthFirst = (a) => dayFromYmd(Math.floor(a / 12), (a % 12) + 1, 1);
const monthLast = (a) => monthFirst(a + 1) - 1;
const usDate = (d) => {
  const y = ymdFromDay(d);
  return `${y.month}/${y.day}/${y.year}`;
};
const periodName = (a) => `${MONTHS[a % 12]} ${Math.floor(a / 12)}`;
const isoDate = (d) => {
  const y = ymdFromDay(d);
  return `${y.year}-${String(y.month).padStart(2, '0')}-${String(y.day).padStart(2, '0')}`;
};

/** Cents as a saved search shows them: `2399.28`, `-6343.80`. */
function plain(cents) {
  const neg = cents < 0;
  const a = Math.abs(cents);
  return `${neg ? '-' : ''}${Math.floor(a / 100)}.${String(a % 100).padStart(2, '0')}`;
}
/** Cents for the README: `100,000.00`. */
function grouped(cents) {
  return dollars(cents).replace('$', '');
}
/** Cents as a report shows them: `$1,234.56`, `($1,234.56)`. */
function dollars(cents) {
  const a = Math.abs(cents);
  const whole = String(Math.floor(a / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const s = `$${whole}.${String(a % 100).padStart(2, '0')}`;
  return cents < 0 ? `(${s})` : s;
}
/** Round half away from zero of a / b for integers (a may be negative, b > 0). */
function divRound(a, b) {
  const q = Math.floor(Math.abs(a) / b);
  const r = Math.abs(a) - q * b;
  const v = 2 * r >= b ? q + 1 : q;
  return a < 0 ? -v : v;
}

const csvCell = (v) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const savedSearch = (rows) => rows.map((r) => r.map(csvCell).join(',')).join('\n') + '\n';
const report = (rows) =>
  rows.map((r) => r.map((v) => `"${v.replace(/"/g, '""')}"`).join(',')).join('\n') + '\n';

// ---- customers and their NetSuite entities ----------------------------------------------------

/** A small stable hash of a name, to pick its legal suffix. */
function hash(s) {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (h * 31 + s.charCodeAt(i)) >>> 0;
  return h;
}
const SUFFIX = {
  USD: ['', ' Inc.', ', Inc.', ' LLC', ' Corp.', ' Co.'],
  EUR: [' B.V.', ' GmbH', ' SA', ' AG'],
  GBP: [' Ltd', ' Limited', ' PLC'],
};

const RENAMED = { 'Thistledown Insurance': 'Thistledown Underwriting Ltd' };
const ONLY_IN_NETSUITE = 'Northgate Advisory LLC';

const order = [];
const info = new Map();
const subsidiaryOf = { USD: 'RunRate Demo Inc.', EUR: 'RunRate Demo B.V.', GBP: 'RunRate Demo Ltd.' };
function customer(name, currency, subsidiary) {
  let c = info.get(name);
  if (!c) {
    c = {
      name,
      currency,
      subsidiary,
      parent: '',
      number: `C${1001 + order.length}`,
      internalId: 3001 + order.length,
    };
    info.set(name, c);
    order.push(name);
  }
  return c;
}
for (let j = 0; j < book.n; j++) {
  const p = book.parent[j];
  if (p !== '') customer(p, book.currency[j], book.entity?.[j] || subsidiaryOf[book.currency[j]]);
  const c = customer(book.customer[j], book.currency[j], book.entity?.[j] || subsidiaryOf[book.currency[j]]);
  if (p !== '') c.parent = p;
}
customer(ONLY_IN_NETSUITE, 'USD', subsidiaryOf.USD);

function companyName(c) {
  if (RENAMED[c.name]) return RENAMED[c.name];
  if (c.name === ONLY_IN_NETSUITE) return c.name;
  const list = SUFFIX[c.currency] ?? SUFFIX.USD;
  return c.name + list[hash(c.name) % list.length];
}
/** Entity as NetSuite shows it: `C1004 Name Inc.`, under its parent `C1001 Parent : C1004 Child`. */
function entityName(name) {
  const c = info.get(name);
  const own = `${c.number} ${companyName(c)}`;
  return c.parent ? `${entityName(c.parent)} : ${own}` : own;
}

// ---- NetSuite's records -------------------------------------------------------------------------

const ACCOUNT = [
  '4000 - Subscription Revenue',
  '4100 - Professional Services Revenue',
  '4200 - Usage Revenue',
];
const DEFERRED_ACCOUNT = '2400 Deferred Revenue';
const REVENUE_ACCOUNT = [
  '4000 Subscription Revenue',
  '4100 Professional Services Revenue',
  '4200 Usage Revenue',
];

/** Revenue of a NetSuite line recognised over start..end through `day` (ratable by day, cumulative rounding). */
function ratableThrough(total, start, end, day) {
  if (day < start) return 0;
  if (day >= end) return total;
  return divRound(total * (day - start + 1), end - start + 1);
}

const findLine = (customerName, product, start) => {
  for (let j = 0; j < book.n; j++) {
    if (book.customer[j] === customerName && book.product[j] === product && book.start[j] === start) return j;
  }
  throw new Error(`no line ${customerName} ${product} ${isoDate(start)} in the example book`);
};
const linesOf = (customerName, pred) => {
  const out = [];
  for (let j = 0; j < book.n; j++) if (book.customer[j] === customerName && pred(j)) out.push(j);
  if (out.length === 0) throw new Error(`no lines of ${customerName} in the example book`);
  return out;
};

// The disagreements written in on purpose (the README lists them with their causes).
const DISAGREEMENTS = [];
/** Contract line -> how NetSuite holds it instead (total, service period), or 'skip'. */
const override = new Map();
const extraInvoices = [];
const extraJournals = [];

{
  // Discount gross vs net: NetSuite invoices and recognises Marigold's terms at list.
  const terms = [dayFromYmd(2024, 8, 1), dayFromYmd(2025, 8, 1)].map((d) =>
    findLine('Marigold Systems', 'Platform', d),
  );
  for (const j of terms) {
    const list = side.listTotal[j];
    override.set(j, {
      total: list,
      start: lines.start[j],
      end: lines.end[j],
      scaleDeferred: list / lines.totalCents[j],
    });
  }
  DISAGREEMENTS.push({
    customer: 'Marigold Systems',
    cause: 'Discount gross vs net',
    text: `both Platform terms (from 2024-08-01 and 2025-08-01) are invoiced and recognised at their list amounts (${terms
      .map((j) => grouped(side.listTotal[j]))
      .join(
        ' and ',
      )} USD) instead of the discounted ${terms.map((j) => grouped(lines.totalCents[j])).join(' and ')}`,
  });
}
{
  // Modification timing: Amberfield's upsell seats start a month later in NetSuite, at the same rate.
  const j = findLine('Amberfield Health', 'Platform', dayFromYmd(2025, 7, 1));
  const s = dayFromYmd(2025, 8, 1);
  const e = lines.end[j];
  const total = divRound(lines.totalCents[j] * (e - s + 1), e - lines.start[j] + 1);
  override.set(j, { total, start: s, end: e, scaleDeferred: 1 });
  DISAGREEMENTS.push({
    customer: 'Amberfield Health',
    cause: 'Modification timing',
    text: `the upsell line effective 2025-07-01 in the contracts is effective 2025-08-01 in NetSuite (same daily rate: ${grouped(total)} USD for 2025-08-01..${isoDate(e)})`,
  });
}
{
  // Churn timing: Bluefin's cancellation (2025-08-31) was recorded in NetSuite a month late.
  const js = linesOf(
    'Bluefin Logistics',
    (j) => book.cancel[j] > 0 && book.cancel[j] === dayFromYmd(2025, 8, 31),
  );
  const creditFrom = dayFromYmd(2025, 10, 1);
  for (const j of js) {
    const T = lines.totalCents[j];
    const s = lines.start[j];
    const e = lines.end[j];
    const credit = T - ratableThrough(T, s, e, creditFrom - 1);
    override.set(j, { total: T, start: s, end: e, scaleDeferred: 0, stop: creditFrom - 1 });
    extraInvoices.push({
      type: 'Credit Memo',
      date: dayFromYmd(2025, 10, 15),
      customer: 'Bluefin Logistics',
      item: book.product[j],
      category: side.category[j],
      cents: -credit,
      start: creditFrom,
      end: e,
      currency: book.currency[j],
      rate: lines.rate[j],
    });
  }
  DISAGREEMENTS.push({
    customer: 'Bluefin Logistics',
    cause: 'Churn timing',
    text: 'cancelled 2025-08-31 in the contracts; NetSuite credits the remainder only from 2025-10-01 (credit memo dated 10/15/2025), so it recognises September too',
  });
}
{
  // Unmatched customer: a training engagement billed in NetSuite with no contract in the book.
  const d = dayFromYmd(2025, 6, 10);
  extraInvoices.push({
    type: 'Invoice',
    date: d,
    customer: ONLY_IN_NETSUITE,
    item: 'Training Services',
    category: CAT_ONE_TIME,
    cents: 650000,
    start: d,
    end: d,
    currency: 'USD',
    rate: 1,
  });
  extraJournals.push({
    month: absMonth(d),
    date: monthLast(absMonth(d)),
    customer: ONLY_IN_NETSUITE,
    item: 'Training Services',
    category: CAT_ONE_TIME,
    cents: 650000,
  });
  DISAGREEMENTS.push({
    customer: ONLY_IN_NETSUITE,
    cause: 'Unmatched customer',
    text: 'a NetSuite customer with a 6,500.00 USD training invoice (June 2025) and no contract in the book: listed as unmatched with its nearest contract names',
  });
}
DISAGREEMENTS.push({
  customer: 'Thistledown Insurance',
  cause: 'Mapping table',
  text: `renamed in NetSuite (${entityName('Thistledown Insurance')}): no rule matches the names, mapping.csv does; without its row the customer and the entity are both unmatched`,
});
DISAGREEMENTS.push({
  customer: 'Glimmerstone Pharma, Windmere Agritech',
  cause: 'Pending start',
  text: 'signed in December 2025, starting in 2026: customer records in NetSuite, no invoice yet (in CARR under basis: contracted, not in revenue)',
});
DISAGREEMENTS.push({
  customer: 'Pebble Cove Software and every Onboarding line',
  cause: 'One-time / services',
  text: 'services are revenue (4100 Professional Services Revenue) but never ARR: the walk from ARR to revenue adds them',
});

// ---- transactions.csv ---------------------------------------------------------------------------

const invoices = [];
for (let j = 0; j < book.n; j++) {
  if (lines.last[j] < HISTORY_FROM || lines.start[j] > TO) continue;
  const o = override.get(j);
  const pit = lines.pointInTime[j] === 1;
  invoices.push({
    type: 'Invoice',
    date: o ? o.start : lines.start[j],
    customer: book.customer[j],
    item: book.product[j],
    category: side.category[j],
    cents: o ? o.total : lines.totalCents[j],
    start: o ? o.start : lines.start[j],
    end: pit ? lines.start[j] : o ? o.end : lines.end[j],
    currency: book.currency[j],
    rate: lines.rate[j],
    line: j,
  });
}
invoices.push(...extraInvoices);
invoices.sort(
  (a, b) =>
    a.date - b.date ||
    info.get(a.customer).internalId - info.get(b.customer).internalId ||
    (a.line ?? 1e9) - (b.line ?? 1e9) ||
    a.cents - b.cents,
);
const ITEM_IDS = new Map();
const itemId = (item) => {
  if (!ITEM_IDS.has(item)) ITEM_IDS.set(item, 101 + ITEM_IDS.size);
  return ITEM_IDS.get(item);
};
[
  'Platform',
  'Analytics Add-on',
  'API Access',
  'Premium Support',
  'Onboarding',
  'Usage Commit',
  'Usage Overage',
  'Training Services',
].forEach(itemId);

const txRows = [
  [
    'Internal ID',
    'Type',
    'Date',
    'Posting Period',
    'Document Number',
    'Name',
    'Internal ID',
    'Subsidiary',
    'Item',
    'Internal ID',
    'Account',
    'Memo',
    'Currency',
    'Exchange Rate',
    'Amount (Foreign Currency)',
    'Amount',
    'Rev. Rec. Start Date',
    'Rev. Rec. End Date',
  ],
];
let invNo = 0;
let cmNo = 0;
invoices.forEach((t, i) => {
  const c = info.get(t.customer);
  const y = ymdFromDay(t.date).year;
  const number =
    t.type === 'Invoice'
      ? `INV-${y}-${String(++invNo).padStart(5, '0')}`
      : `CM-${y}-${String(++cmNo).padStart(4, '0')}`;
  t.number = number;
  const foreign = t.rate === 1 ? t.cents : divRound(t.cents * 10000, Math.round(t.rate * 10000));
  txRows.push([
    String(20001 + i),
    t.type,
    usDate(t.date),
    periodName(absMonth(t.date)),
    number,
    entityName(t.customer),
    String(c.internalId),
    c.subsidiary,
    t.item,
    String(itemId(t.item)),
    DEFERRED_ACCOUNT,
    t.type === 'Invoice'
      ? `${t.item}, ${isoDate(t.start)} to ${isoDate(t.end)}`
      : `Cancellation credit, ${t.item}`,
    t.currency,
    t.rate === 1 ? '1.00' : t.rate.toFixed(4),
    plain(foreign),
    plain(t.cents),
    usDate(t.start),
    usDate(t.end),
  ]);
});

// ---- income-statement-detail.csv ----------------------------------------------------------------

const journals = [];
for (let j = 0; j < book.n; j++) {
  if (lines.last[j] < FROM || lines.start[j] > TO) continue;
  const o = override.get(j);
  let prev = 0;
  const a0 = Math.max(absMonth(lines.start[j]), absMonth(FROM));
  const a1 = Math.min(absMonth(TO), absMonth(o ? Math.max(o.end, lines.last[j]) : lines.last[j]));
  const before = monthFirst(a0) - 1;
  if (o) {
    const stop = o.stop ?? o.end;
    prev = ratableThrough(o.total, o.start, o.end, Math.min(before, stop));
  } else
    prev =
      before < lines.start[j]
        ? 0
        : core.recognisedThrough(lines, j, before, absMonth(before), monthFirst(absMonth(before)));
  for (let a = a0; a <= a1; a++) {
    const end = monthLast(a);
    const through = o
      ? ratableThrough(o.total, o.start, o.end, Math.min(end, o.stop ?? o.end))
      : core.recognisedThrough(lines, j, end, a, monthFirst(a));
    const v = through - prev;
    prev = through;
    if (v !== 0)
      journals.push({
        month: a,
        date: end,
        customer: book.customer[j],
        item: book.product[j],
        category: side.category[j],
        cents: v,
        line: j,
      });
  }
}
journals.push(...extraJournals);
const revenueRows = [];
let incomeTotal = 0;
for (let cat = 0; cat < ACCOUNT.length; cat++) {
  const list = journals
    .filter((g) => g.category === cat)
    .sort(
      (a, b) =>
        a.month - b.month ||
        info.get(a.customer).internalId - info.get(b.customer).internalId ||
        (a.line ?? 1e9) - (b.line ?? 1e9),
    );
  if (list.length === 0) continue;
  revenueRows.push([ACCOUNT[cat], '', '', '', '', '', '']);
  let sum = 0;
  for (const g of list) {
    revenueRows.push([
      '',
      'Journal',
      usDate(g.date),
      `RRJ-${periodName(g.month).replace(' ', '-')}`,
      entityName(g.customer),
      `Revenue recognition, ${g.item}`,
      dollars(g.cents),
    ]);
    sum += g.cents;
  }
  revenueRows.push([`Total - ${ACCOUNT[cat]}`, '', '', '', '', '', dollars(sum)]);
  incomeTotal += sum;
}
const hostingRows = [];
let hosting = 0;
for (let a = absMonth(FROM); a <= absMonth(TO); a++) {
  const cents = 4120000 + (a % 12) * 61500;
  hosting += cents;
  hostingRows.push([
    '',
    'Bill',
    usDate(monthLast(a)),
    `BILL-${periodName(a).replace(' ', '-')}`,
    'Cloudharbor Hosting Inc.',
    'Hosting and bandwidth',
    dollars(cents),
  ]);
}
const isRows = [
  ['RunRate Demo Inc. (Consolidated)'],
  ['Income Statement Detail'],
  ['January 2025 - December 2025'],
  ['Financial Row ', 'Type ', 'Date ', 'Document Number ', 'Name ', 'Memo ', 'Amount '],
  ['Ordinary Income/Expense', '', '', '', '', '', ''],
  ['Income', '', '', '', '', '', ''],
  ...revenueRows,
  ['Total - Income', '', '', '', '', '', dollars(incomeTotal)],
  ['Cost Of Sales', '', '', '', '', '', ''],
  ['5000 - Hosting', '', '', '', '', '', ''],
  ...hostingRows,
  ['Total - 5000 - Hosting', '', '', '', '', '', dollars(hosting)],
  ['Total - Cost Of Sales', '', '', '', '', '', dollars(hosting)],
  ['Gross Profit', '', '', '', '', '', dollars(incomeTotal - hosting)],
  ['Net Ordinary Income', '', '', '', '', '', dollars(incomeTotal - hosting)],
  ['Net Income', '', '', '', '', '', dollars(incomeTotal - hosting)],
];

// ---- deferred-revenue-waterfall.csv ------------------------------------------------------------

const schedule = ok(core.revenueSchedule(lines, FROM, TO, 'line'), 'schedule');
const lineOfRow = new Map();
for (let j = 0; j < book.n; j++) lineOfRow.set(String(book.row[j]), j);
const invoiceOfLine = new Map(invoices.filter((t) => t.line !== undefined).map((t) => [t.line, t]));
const FORECAST = Array.from({ length: 12 }, (_, k) => absMonth(dayFromYmd(2026, 1, 1)) + k);
const wfRows = [
  ['RunRate Demo Inc. (Consolidated)'],
  ['Deferred Revenue Waterfall Detail'],
  ['As of Dec 2025'],
  [
    'Customer ',
    'Unbilled Receivable Group ',
    'Currency ',
    'Source Document # ',
    'Source Type ',
    'Item ',
    'Deferred Revenue Account ',
    'Revenue Account ',
    'Deferred Revenue Balance ',
    ...FORECAST.map((a) => `${periodName(a)} `),
    'Later ',
  ],
];
const wf = [];
for (const g of schedule.groups) {
  const j = lineOfRow.get(g.key);
  const d = g.figures.deferredCents[g.figures.deferredCents.length - 1];
  const o = override.get(j);
  const balance = o ? Math.round(d * o.scaleDeferred) : d;
  if (balance === 0) continue;
  const inv = invoiceOfLine.get(j);
  // The balance released as the line earns it from 2026-01-01 on, until it is used up.
  let left = balance;
  const buckets = FORECAST.map((a) => {
    const earned =
      core.recognisedThrough(lines, j, monthLast(a), a, monthFirst(a)) -
      core.recognisedThrough(lines, j, monthFirst(a) - 1, a - 1, monthFirst(a - 1));
    const scaled = o ? Math.round(earned * o.scaleDeferred) : earned;
    const v = balance > 0 ? Math.min(left, Math.max(0, scaled)) : 0;
    left -= v;
    return v;
  });
  wf.push({ j, customer: book.customer[j], inv, balance, buckets, later: left });
}
wf.sort((a, b) => info.get(a.customer).internalId - info.get(b.customer).internalId || a.j - b.j);
const wfTotals = { balance: 0, buckets: FORECAST.map(() => 0), later: 0 };
for (const w of wf) {
  wfRows.push([
    entityName(w.customer),
    '',
    book.currency[w.j],
    w.inv ? w.inv.number : `SO-${book.contract[w.j]}`,
    w.inv ? 'Invoice' : 'Sales Order',
    book.product[w.j],
    DEFERRED_ACCOUNT,
    REVENUE_ACCOUNT[side.category[w.j]],
    dollars(w.balance),
    ...w.buckets.map((v) => (v === 0 ? '' : dollars(v))),
    w.later === 0 ? '' : dollars(w.later),
  ]);
  wfTotals.balance += w.balance;
  w.buckets.forEach((v, k) => (wfTotals.buckets[k] += v));
  wfTotals.later += w.later;
}
wfRows.push([
  'Total',
  '',
  '',
  '',
  '',
  '',
  '',
  '',
  dollars(wfTotals.balance),
  ...wfTotals.buckets.map(dollars),
  dollars(wfTotals.later),
]);

// ---- customers.csv and mapping.csv -------------------------------------------------------------

const slug = (s) => s.toLowerCase().replace(/[^a-z0-9]+/g, '');
const custRows = [
  ['Internal ID', 'ID', 'Name', 'Company Name', 'Parent', 'Subsidiary', 'Currency', 'Email', 'Status'],
];
for (const name of order) {
  const c = info.get(name);
  custRows.push([
    String(c.internalId),
    c.number,
    entityName(name),
    companyName(c),
    c.parent ? entityName(c.parent) : '',
    c.subsidiary,
    c.currency,
    `ap@${slug(companyName(c))}.example`,
    'CUSTOMER-Closed Won',
  ]);
}
const mapRows = [
  ['Contract Customer', 'NetSuite Customer'],
  ['Thistledown Insurance', entityName('Thistledown Insurance')],
];

// ---- README.md ----------------------------------------------------------------------------------

const count = (rows) => rows.length;
const readme = `# Example NetSuite exports

NetSuite exports for the example book (\`../contracts.csv\` under \`../policy.csv\` and \`../fx-rates.csv\`),
in NetSuite's own layouts, with invented values. Written by \`scripts/generate-netsuite-example.mjs\`
from the book itself, byte for byte the same on every run; do not edit by hand. Regenerate with
\`node scripts/generate-netsuite-example.mjs\`.

NetSuite agrees with the contracts (every amount is the core's own: each line's USD total, its
revenue recognised month by month, its deferred revenue at 2025-12-31) except for the disagreements
below, written in on purpose so that the reconciliation of FY2025 has something to explain.

## Files

- \`transactions.csv\`: a transaction saved search: header on line 1, \`Internal ID\` three times (the
  transaction's, the customer's, the item's), plain numbers, M/D/YYYY dates, posting periods, the
  base-currency \`Amount\` beside \`Amount (Foreign Currency)\`, \`Currency\` and \`Exchange Rate\`.
  ${count(txRows) - 1} lines: one invoice line per contract line in service in 2024-2025 (dated on its
  start, its term as the rev. rec. period, posting to 2400 Deferred Revenue), and the credit memo and
  invoice of the disagreements.
- \`income-statement-detail.csv\`: an income statement detail report for January-December 2025: title
  rows, header cells ending in a space, \`$1,234.56\` money, a section per account (4000 Subscription,
  4100 Professional Services, 4200 Usage Revenue; 5000 Hosting under Cost Of Sales), \`Total -\` rows,
  Gross Profit and Net Income. ${journals.length} revenue recognition journal lines (one per contract line and
  month) and ${hostingRows.length} hosting bills.
- \`deferred-revenue-waterfall.csv\`: a deferred revenue waterfall detail as of December 2025: ${wf.length}
  invoices with a deferred balance at 2025-12-31 (the contracts' billed less recognised) and its
  release by month through 2026, then later.
- \`customers.csv\`: a customer saved search: ${count(custRows) - 1} customers (\`C1001 Name Inc.\`, sub-customers as
  \`Parent : Child\`), the pending starts and the parents of the hierarchies (which have no contracts of
  their own) included.
- \`mapping.csv\`: the customer mapping table (contract customer, NetSuite name or id).

## The disagreements

| customer | cause | what NetSuite holds |
| --- | --- | --- |
${DISAGREEMENTS.map((d) => `| ${d.customer} | ${d.cause} | ${d.text} |`).join('\n')}

## Run it

\`\`\`sh
runrate reconcile --contracts examples/contracts.csv --policy examples/policy.csv --rates examples/fx-rates.csv \\
  --netsuite examples/netsuite/transactions.csv --netsuite examples/netsuite/income-statement-detail.csv \\
  --netsuite examples/netsuite/deferred-revenue-waterfall.csv --netsuite examples/netsuite/customers.csv \\
  --mapping examples/netsuite/mapping.csv --from 2025-01-01 --to 2025-12-31 --set fx=${FX}
\`\`\`

The exports are written under \`fx: ${FX}\` (each line at its contract's FX Rate), so reconcile with
\`--set fx=${FX}\`: under the demo policy's \`fx: spot\`, revenue converts each line at the rate of its
start date, and \`fx-rates.csv\` starts on 2022-12-31, after the opening book's 2022 starts.
`;

mkdirSync(OUT_DIR, { recursive: true });
const files = {
  'transactions.csv': savedSearch(txRows),
  'income-statement-detail.csv': report(isRows),
  'deferred-revenue-waterfall.csv': report(wfRows),
  'customers.csv': savedSearch(custRows),
  'mapping.csv': savedSearch(mapRows),
  // Laid out as the repository's formatter would, so `prettier --check .` passes.
  'README.md': await prettier.format(readme, {
    ...((await prettier.resolveConfig(join(OUT_DIR, 'README.md'))) ?? {}),
    parser: 'markdown',
  }),
};
for (const [name, text] of Object.entries(files)) writeFileSync(join(OUT_DIR, name), text);
process.stdout.write(
  `wrote ${OUT_DIR}: ${txRows.length - 1} transaction lines, ${journals.length + hostingRows.length} income statement lines, ${wf.length} deferred balances, ${custRows.length - 1} customers\n`,
);
