/**
 * Generates the bundled example book in `examples/`: contracts.csv, policy.csv, fx-rates.csv and
 * README.md. The company, its customers and every figure are fictional.
 *
 *   node scripts/generate-example.mjs [outDir]      (outDir defaults to examples/ beside this script)
 *
 * Deterministic: a seeded generator of our own (a Weyl sequence through a 32-bit avalanche mix),
 * integer day numbers and integer cents, plain arithmetic only (no Math.exp/log/pow, no locale
 * formatting), so every run writes the same bytes. LF line endings, no BOM, no quoting needed in
 * contracts.csv (no value holds a comma or a quote).
 *
 * The book has two parts:
 * - hand-written scenario customers (the scenario section below), each exercising one rule of
 *   the methodology, documented with its expected bridge movement in the generated README;
 * - about 270 background customers simulated year by year (new logos each quarter, annual
 *   renewals with uplifts, add-on cross-sells, contractions, churns, ramps, usage, free months).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const OUT_DIR = resolve(process.argv[2] ?? join(HERE, '..', 'examples'));

const AS_OF_ISO = '2025-12-31';
const TOTAL_CUSTOMERS = 300;

// ---------------------------------------------------------------------------------------------
// Random numbers: one independent stream per concern, so editing one part of the book does not
// reshuffle the others.

function makeRng(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    z = (z ^ (z >>> 16)) >>> 0;
    return z / 4294967296;
  };
}

function streams(seed) {
  const next = makeRng(seed);
  const randInt = (lo, hi) => lo + Math.floor(next() * (hi - lo + 1));
  return {
    next,
    randInt,
    chance: (p) => next() < p,
    pick: (xs) => xs[Math.floor(next() * xs.length)],
    weighted: (pairs) => {
      let total = 0;
      for (const [, w] of pairs) total += w;
      let r = next() * total;
      for (const [v, w] of pairs) {
        r -= w;
        if (r < 0) return v;
      }
      return pairs[pairs.length - 1][0];
    },
  };
}

const simRng = streams(0x52554e52);
const nameRng = streams(0x4e414d45);
const fxRng = streams(0x46585754);

// ---------------------------------------------------------------------------------------------
// Calendar days as integers (days since 1970-01-01), via Date.UTC only.

const MS_PER_DAY = 86400000;
function day(iso) {
  const [y, m, d] = iso.split('-').map(Number);
  return Date.UTC(y, m - 1, d) / MS_PER_DAY;
}
function iso(dn) {
  return new Date(dn * MS_PER_DAY).toISOString().slice(0, 10);
}
function ymd(dn) {
  const dt = new Date(dn * MS_PER_DAY);
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() };
}
function fromYmd(y, m, d) {
  return Date.UTC(y, m - 1, d) / MS_PER_DAY;
}
/** Same day of month n months later (clamped to the month's last day). */
function addMonths(dn, n) {
  const { y, m, d } = ymd(dn);
  const last = new Date(Date.UTC(y, m - 1 + n + 1, 0)).getUTCDate();
  return Date.UTC(y, m - 1 + n, Math.min(d, last)) / MS_PER_DAY;
}
/** Last day of a term of `months` months starting on `start` (end dates are inclusive). */
const termEnd = (start, months) => addMonths(start, months) - 1;
const monthEnd = (y, m) => fromYmd(y, m + 1, 0);
const quarterOf = (dn) => {
  const { y, m } = ymd(dn);
  return `${y}-Q${Math.floor((m - 1) / 3) + 1}`;
};

const AS_OF = day(AS_OF_ISO);

/** Deals are signed on working days: a Saturday or Sunday moves back to the Friday. */
function weekday(dn) {
  const dow = (dn + 4) % 7; // 1970-01-01 was a Thursday; 0 = Sunday, 6 = Saturday
  return dow === 6 ? dn - 1 : dow === 0 ? dn - 2 : dn;
}

// ---------------------------------------------------------------------------------------------
// Money: integer cents.

const cents = (units) => Math.round(units * 100);
const fmtCents = (c) => {
  const neg = c < 0;
  const abs = Math.abs(c);
  const whole = String(Math.floor(abs / 100));
  const frac = String(abs % 100).padStart(2, '0');
  return `${neg ? '-' : ''}${whole}.${frac}`;
};
/** 1,234,567.89 for the README (no locale). */
const fmtMoney = (c) => {
  const [whole, frac] = fmtCents(Math.abs(c)).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+$)/g, ',');
  return `${c < 0 ? '-' : ''}${grouped}.${frac}`;
};
const signed = (c) => (c >= 0 ? `+${fmtMoney(c)}` : fmtMoney(c));
/** round(numerator / denominator) half away from zero, integers in, integer out (exact). */
function divRound(numerator, denominator) {
  const q = Math.floor(Math.abs(numerator) / denominator);
  const r = Math.abs(numerator) - q * denominator;
  const v = 2 * r >= denominator ? q + 1 : q;
  return numerator < 0 ? -v : v;
}

// ---------------------------------------------------------------------------------------------
// Catalogue, organisation and FX.

const P = {
  platform: 'Platform',
  analytics: 'Analytics Add-on',
  api: 'API Access',
  support: 'Premium Support',
  onboarding: 'Onboarding',
  commit: 'Usage Commit',
  overage: 'Usage Overage',
};
const ADDONS = [P.analytics, P.api, P.support];
const LINE_TYPE = {
  [P.onboarding]: 'one_time',
  [P.commit]: 'usage_commit',
  [P.overage]: 'usage_overage',
};
const lineTypeOf = (product) => LINE_TYPE[product] ?? 'recurring';

const ENTITY = {
  USD: 'RunRate Demo Inc.',
  GBP: 'RunRate Demo Ltd.',
  EUR: 'RunRate Demo B.V.',
};
function entityOf(region, currency) {
  if (currency !== 'USD') return ENTITY[currency];
  return region === 'EMEA' ? ENTITY.GBP : ENTITY.USD;
}

/** Rep codes by region and segment (enterprise reps carry few large accounts). */
const REPS = {
  NA: {
    Enterprise: ['REP-01', 'REP-02', 'REP-03'],
    'Mid-Market': ['REP-04', 'REP-05', 'REP-06'],
    SMB: ['REP-07', 'REP-08', 'REP-09', 'REP-10'],
  },
  EMEA: {
    Enterprise: ['REP-11', 'REP-12'],
    'Mid-Market': ['REP-13', 'REP-14', 'REP-15'],
    SMB: ['REP-16', 'REP-17', 'REP-18'],
  },
  APAC: {
    Enterprise: ['REP-19'],
    'Mid-Market': ['REP-20', 'REP-21'],
    SMB: ['REP-22', 'REP-23', 'REP-24'],
  },
};

/** Contract-fixed rates to USD by signing year (the rate finance fixes for the year's deals). */
const CONTRACT_FX = {
  EUR: { 2021: '1.1700', 2022: '1.0550', 2023: '1.0850', 2024: '1.0900', 2025: '1.1300' },
  GBP: { 2021: '1.3500', 2022: '1.2150', 2023: '1.2500', 2024: '1.2700', 2025: '1.3100' },
};
/** Rough USD value of one unit, to size local-currency prices. */
const SIZING_FX = { USD: 1, EUR: 1.09, GBP: 1.27 };
/** Board rates (the undated rows of fx-rates.csv, for `fx: fixed`). */
const BOARD_FX = { EUR: '1.1000', GBP: '1.2800' };

/** Month-end spot anchors; the walk follows them with a little noise. */
const SPOT_ANCHORS = {
  EUR: [
    ['2022-12', 1.07],
    ['2023-06', 1.09],
    ['2023-12', 1.105],
    ['2024-06', 1.071],
    ['2024-12', 1.04],
    ['2025-06', 1.172],
    ['2025-12', 1.16],
    ['2026-12', 1.15],
  ],
  GBP: [
    ['2022-12', 1.21],
    ['2023-06', 1.27],
    ['2023-12', 1.273],
    ['2024-06', 1.264],
    ['2024-12', 1.252],
    ['2025-06', 1.37],
    ['2025-12', 1.345],
    ['2026-12', 1.33],
  ],
};

/** Spot rates at 2021-12-31, where the rate table begins. */
const EARLY_SPOT = { EUR: 1.133, GBP: 1.35 };

function spotTable() {
  const rows = [];
  const spot = { EUR: new Map(), GBP: new Map() };
  for (const ccy of ['EUR', 'GBP']) {
    const anchors = SPOT_ANCHORS[ccy].map(([ym, r]) => {
      const [y, m] = ym.split('-').map(Number);
      return [y * 12 + (m - 1), r];
    });
    // 2021-12 .. 2022-11: a plain line from an earlier anchor (no noise, no draw from fxRng, so
    // every later rate is unchanged), for the book's terms that started in 2022.
    const [kFirst, rFirst] = anchors[0];
    for (let k = 2021 * 12 + 11; k < kFirst; k++) {
      const r0 = EARLY_SPOT[ccy];
      const rate = Math.round(
        (r0 + ((rFirst - r0) * (k - (2021 * 12 + 11))) / (kFirst - (2021 * 12 + 11))) * 10000,
      );
      const d = monthEnd(Math.floor(k / 12), (k % 12) + 1);
      const text = `${Math.floor(rate / 10000)}.${String(rate % 10000).padStart(4, '0')}`;
      spot[ccy].set(d, text);
      rows.push([ccy, iso(d), text]);
    }
    let noise = 0;
    for (let k = 2022 * 12 + 11; k <= 2026 * 12 + 11; k++) {
      let i = 0;
      while (i < anchors.length - 2 && anchors[i + 1][0] <= k) i++;
      const [k0, r0] = anchors[i];
      const [k1, r1] = anchors[i + 1];
      const base = r0 + ((r1 - r0) * (k - k0)) / (k1 - k0);
      const isAnchor = anchors.some(([ka]) => ka === k);
      noise = 0.55 * noise + (fxRng.next() - 0.5) * 0.018;
      const rate = Math.round((base + (isAnchor ? 0 : noise)) * 10000);
      const y = Math.floor(k / 12);
      const m = (k % 12) + 1;
      const d = monthEnd(y, m);
      const text = `${Math.floor(rate / 10000)}.${String(rate % 10000).padStart(4, '0')}`;
      spot[ccy].set(d, text);
      rows.push([ccy, iso(d), text]);
    }
  }
  return { rows, spot };
}
const SPOT = spotTable();

function spotOn(ccy, dn) {
  if (ccy === 'USD') return '1.0000';
  let best = null;
  for (const [d, r] of SPOT.spot[ccy]) if (d <= dn && (best === null || d > best[0])) best = [d, r];
  return best[1];
}
/** Rate text "1.0850" as an integer of ten-thousandths. */
const rate4 = (text) => Number(text.replace('.', ''));

// ---------------------------------------------------------------------------------------------
// The book being built.

const customers = new Map();
const contracts = [];

function addCustomer(spec) {
  const c = {
    name: spec.name,
    parent: spec.parent ?? '',
    segment: spec.segment,
    region: spec.region,
    currency: spec.currency ?? 'USD',
    rep: spec.rep,
    billing: spec.billing,
    scenario: spec.scenario ?? false,
  };
  c.entity = entityOf(c.region, c.currency);
  if (customers.has(c.name)) throw new Error(`duplicate customer ${c.name}`);
  customers.set(c.name, c);
  return c;
}

function addContract(cust, signedDay) {
  const con = { cust, signed: signedDay, seq: contracts.length, lines: [], id: '' };
  contracts.push(con);
  return con;
}

function addLine(con, spec) {
  const product = spec.product;
  const type = spec.type ?? lineTypeOf(product);
  const billing =
    spec.billing ?? (type === 'one_time' || type === 'usage_overage' ? 'upfront' : con.cust.billing);
  const line = {
    con,
    product,
    type,
    start: spec.start,
    end: spec.end,
    amount: spec.amount,
    list: spec.list ?? null,
    free: spec.free ?? 0,
    cancel: spec.cancel ?? null,
    notice: spec.notice ?? null,
    billing,
    status: spec.status ?? null,
  };
  if (line.end < line.start) throw new Error(`end before start for ${con.cust.name}`);
  if (line.list !== null && line.list < line.amount)
    throw new Error(`list below amount for ${con.cust.name}`);
  con.lines.push(line);
  return line;
}

/** A hand-written deal: [product, start, end, amount, options] rows, dates ISO, amounts in units. */
function deal(cust, signedIso, rows) {
  const con = addContract(cust, day(signedIso));
  for (const [product, start, end, amount, opts = {}] of rows) {
    addLine(con, {
      product,
      start: day(start),
      end: day(end),
      amount: cents(amount),
      list: opts.list === undefined ? null : cents(opts.list),
      free: opts.free,
      cancel: opts.cancel ? day(opts.cancel) : null,
      notice: opts.notice ? day(opts.notice) : null,
      billing: opts.billing,
      status: opts.status,
    });
  }
  return con;
}

/** Yearly renewals of one product list: terms [[start, end, signed, [[product, amount], ...]], ...]. */
function renewals(cust, terms) {
  return terms.map(([start, end, signedIso, items]) =>
    deal(
      cust,
      signedIso,
      items.map(([product, amount, opts]) => [product, start, end, amount, opts]),
    ),
  );
}

// ---------------------------------------------------------------------------------------------
// Scenario customers: hand-written, each documented in the README with its expected movement.

const scenario = (spec) => addCustomer({ ...spec, scenario: true });

const quarry = scenario({
  name: 'Quarry Lane Robotics',
  segment: 'Enterprise',
  region: 'NA',
  rep: 'REP-01',
  billing: 'annual',
});
const quarryDeal = deal(quarry, '2023-12-15', [
  [P.platform, '2024-01-01', '2024-12-31', 100000],
  [P.platform, '2025-01-01', '2025-12-31', 125000],
  [P.platform, '2026-01-01', '2026-12-31', 150000],
]);

const larkspur = scenario({
  name: 'Larkspur Aerospace',
  segment: 'Enterprise',
  region: 'NA',
  rep: 'REP-02',
  billing: 'upfront',
});
const larkspurDeal = deal(larkspur, '2023-12-20', [[P.platform, '2024-01-01', '2026-12-31', 375000]]);

const cedar = scenario({
  name: 'Cedar Hollow Foods',
  segment: 'Mid-Market',
  region: 'NA',
  rep: 'REP-04',
  billing: 'quarterly',
});
deal(cedar, '2023-09-08', [
  [P.platform, '2023-09-16', '2024-09-15', 36000],
  [P.onboarding, '2023-09-16', '2023-10-31', 4500],
]);
deal(cedar, '2024-08-30', [[P.platform, '2024-09-16', '2025-09-15', 37800]]);
deal(cedar, '2025-10-03', [[P.platform, '2025-10-05', '2026-10-04', 39312]]);

const mossy = scenario({
  name: 'Mossy Creek Outfitters',
  segment: 'Mid-Market',
  region: 'NA',
  rep: 'REP-05',
  billing: 'annual',
});
deal(mossy, '2023-05-22', [[P.platform, '2023-06-01', '2024-05-31', 28000]]);
deal(mossy, '2024-05-10', [[P.platform, '2024-06-01', '2025-05-31', 29120]]);
deal(mossy, '2025-08-12', [[P.platform, '2025-08-14', '2026-08-13', 29120]]);

const harbor = scenario({
  name: 'Harbor Point Media',
  segment: 'SMB',
  region: 'NA',
  rep: 'REP-08',
  billing: 'monthly',
});
renewals(harbor, [
  ['2022-07-01', '2023-06-30', '2022-06-20', [[P.platform, 16800]]],
  ['2023-07-01', '2024-06-30', '2023-06-12', [[P.platform, 17500]]],
  ['2024-07-01', '2025-06-30', '2024-06-03', [[P.platform, 18200]]],
]);

const bluefin = scenario({
  name: 'Bluefin Logistics',
  segment: 'Mid-Market',
  region: 'NA',
  rep: 'REP-04',
  billing: 'annual',
});
deal(bluefin, '2022-12-20', [
  [P.platform, '2023-01-01', '2023-12-31', 54000],
  [P.onboarding, '2023-01-01', '2023-02-28', 6000],
]);
renewals(bluefin, [
  [
    '2024-01-01',
    '2024-12-31',
    '2023-12-01',
    [
      [P.platform, 57000],
      [P.api, 12000],
    ],
  ],
  [
    '2025-01-01',
    '2025-12-31',
    '2024-12-05',
    [
      [P.platform, 60000, { cancel: '2025-08-31' }],
      [P.api, 12000, { cancel: '2025-08-31' }],
    ],
  ],
]);

const fernhollow = scenario({
  name: 'Fernhollow Studios',
  segment: 'SMB',
  region: 'NA',
  rep: 'REP-09',
  billing: 'monthly',
});
renewals(fernhollow, [
  ['2023-11-01', '2024-10-31', '2023-10-25', [[P.platform, 9600]]],
  ['2024-11-01', '2025-10-31', '2024-10-14', [[P.platform, 9960, { notice: '2025-07-15' }]]],
]);

const ironbark = scenario({
  name: 'Ironbark Engineering',
  segment: 'Mid-Market',
  region: 'NA',
  rep: 'REP-06',
  billing: 'annual',
});
renewals(ironbark, [
  [
    '2022-04-01',
    '2023-03-31',
    '2022-03-18',
    [
      [P.platform, 72000],
      [P.analytics, 13000],
    ],
  ],
  [
    '2023-04-01',
    '2024-03-31',
    '2023-03-10',
    [
      [P.platform, 76000],
      [P.analytics, 14000],
    ],
  ],
  [
    '2024-04-01',
    '2025-03-31',
    '2024-03-15',
    [
      [P.platform, 80000],
      [P.analytics, 15000],
    ],
  ],
  ['2025-04-01', '2026-03-31', '2025-03-20', [[P.platform, 62000]]],
]);

const silverpine = scenario({
  name: 'Silverpine Analytics',
  segment: 'Mid-Market',
  region: 'APAC',
  rep: 'REP-20',
  billing: 'quarterly',
});
renewals(silverpine, [
  ['2024-02-01', '2025-01-31', '2024-01-25', [[P.platform, 45000]]],
  ['2025-02-01', '2026-01-31', '2025-01-10', [[P.platform, 48000]]],
]);
const silverpineApiAmount = divRound(cents(12000) * (day('2026-01-31') - day('2025-08-01') + 1), 365) / 100;
deal(silverpine, '2025-07-24', [[P.api, '2025-08-01', '2026-01-31', silverpineApiAmount]]);

const amberfield = scenario({
  name: 'Amberfield Health',
  segment: 'Enterprise',
  region: 'NA',
  rep: 'REP-02',
  billing: 'annual',
});
renewals(amberfield, [
  [
    '2023-01-01',
    '2023-12-31',
    '2022-12-12',
    [
      [P.platform, 140000],
      [P.support, 20000],
    ],
  ],
  [
    '2024-01-01',
    '2024-12-31',
    '2023-12-08',
    [
      [P.platform, 145000],
      [P.support, 20000],
    ],
  ],
  [
    '2025-01-01',
    '2025-12-31',
    '2024-12-09',
    [
      [P.platform, 150000],
      [P.support, 20000],
    ],
  ],
]);
deal(amberfield, '2025-06-20', [[P.platform, '2025-07-01', '2025-12-31', 25000]]);
deal(amberfield, '2025-12-10', [
  [P.platform, '2026-01-01', '2026-12-31', 205000],
  [P.support, '2026-01-01', '2026-12-31', 21000],
]);

const kettle = scenario({
  name: 'Kettle Rock Games',
  segment: 'SMB',
  region: 'NA',
  rep: 'REP-07',
  billing: 'monthly',
});
deal(kettle, '2023-02-20', [[P.platform, '2023-03-01', '2024-02-29', 7200]]);
deal(kettle, '2025-01-08', [[P.platform, '2025-01-15', '2026-01-14', 8400]]);

const blauwhaven = scenario({
  name: 'Blauwhaven Maritime',
  segment: 'Enterprise',
  region: 'EMEA',
  currency: 'EUR',
  rep: 'REP-11',
  billing: 'annual',
});
renewals(blauwhaven, [
  ['2022-07-01', '2023-06-30', '2022-06-24', [[P.platform, 120000]]],
  [
    '2023-07-01',
    '2024-06-30',
    '2023-06-15',
    [
      [P.platform, 126000],
      [P.api, 18000],
    ],
  ],
  [
    '2024-07-01',
    '2025-06-30',
    '2024-06-12',
    [
      [P.platform, 130000],
      [P.api, 18000],
    ],
  ],
  [
    '2025-07-01',
    '2026-06-30',
    '2025-06-10',
    [
      [P.platform, 134000],
      [P.api, 18500],
    ],
  ],
]);

const thistledown = scenario({
  name: 'Thistledown Insurance',
  segment: 'Enterprise',
  region: 'EMEA',
  currency: 'GBP',
  rep: 'REP-12',
  billing: 'quarterly',
});
deal(thistledown, '2023-04-20', [
  [P.platform, '2023-05-01', '2024-04-30', 96000],
  [P.support, '2023-05-01', '2024-04-30', 14000],
  [P.onboarding, '2023-05-01', '2023-07-31', 12000],
]);
renewals(thistledown, [
  [
    '2024-05-01',
    '2025-04-30',
    '2024-04-05',
    [
      [P.platform, 100800],
      [P.support, 14000],
    ],
  ],
  [
    '2025-05-01',
    '2026-04-30',
    '2025-04-11',
    [
      [P.platform, 105000],
      [P.support, 14500],
    ],
  ],
]);

const pebble = scenario({
  name: 'Pebble Cove Software',
  segment: 'Mid-Market',
  region: 'NA',
  rep: 'REP-05',
  billing: 'annual',
});
deal(pebble, '2025-02-18', [
  [P.platform, '2025-03-01', '2026-02-28', 40000],
  [P.onboarding, '2025-03-01', '2025-04-30', 18000],
]);

const sparrow = scenario({
  name: 'Sparrowfield Payments',
  segment: 'Mid-Market',
  region: 'NA',
  rep: 'REP-06',
  billing: 'quarterly',
});
deal(sparrow, '2023-12-18', [
  [P.platform, '2024-01-01', '2024-12-31', 30000],
  [P.commit, '2024-01-01', '2024-12-31', 60000],
  [P.overage, '2024-07-01', '2024-09-30', 3150],
  [P.overage, '2024-10-01', '2024-12-31', 5480],
]);
const sparrowOverageQ4 = ['2025-10-01', '2025-12-31', 9412.5];
deal(sparrow, '2024-12-16', [
  [P.platform, '2025-01-01', '2025-12-31', 31500],
  [P.commit, '2025-01-01', '2025-12-31', 66000],
  [P.overage, '2025-01-01', '2025-03-31', 4200],
  [P.overage, '2025-04-01', '2025-06-30', 7850],
  [P.overage, '2025-07-01', '2025-09-30', 11300],
  [P.overage, ...sparrowOverageQ4],
]);

const tamarind = scenario({
  name: 'Tamarind Bay Hospitality',
  segment: 'Mid-Market',
  region: 'APAC',
  rep: 'REP-21',
  billing: 'annual',
});
deal(tamarind, '2025-02-24', [[P.platform, '2025-03-01', '2026-03-31', 36000, { free: 1 }]]);

const marigold = scenario({
  name: 'Marigold Systems',
  segment: 'Mid-Market',
  region: 'NA',
  rep: 'REP-04',
  billing: 'annual',
});
deal(marigold, '2024-07-22', [[P.platform, '2024-08-01', '2025-07-31', 85000, { list: 100000 }]]);
deal(marigold, '2025-07-15', [[P.platform, '2025-08-01', '2026-07-31', 88400, { list: 104000 }]]);

// Customer hierarchy: three parents. Corvane Holdings and Brightcairn Holdings are holding names
// only; Tallowmere Group is a parent and a customer itself.
const corvaneFreight = scenario({
  name: 'Corvane Freight',
  parent: 'Corvane Holdings',
  segment: 'Enterprise',
  region: 'NA',
  rep: 'REP-01',
  billing: 'annual',
});
renewals(corvaneFreight, [
  ['2022-10-01', '2023-09-30', '2022-09-20', [[P.platform, 160000]]],
  ['2023-10-01', '2024-09-30', '2023-09-12', [[P.platform, 168000]]],
  ['2024-10-01', '2025-09-30', '2024-09-18', [[P.platform, 176000]]],
  ['2025-10-01', '2026-09-30', '2025-09-22', [[P.platform, 184000]]],
]);
const corvaneMarine = scenario({
  name: 'Corvane Marine',
  parent: 'Corvane Holdings',
  segment: 'Mid-Market',
  region: 'NA',
  rep: 'REP-06',
  billing: 'quarterly',
});
renewals(corvaneMarine, [
  ['2022-06-01', '2023-05-31', '2022-05-16', [[P.platform, 42000]]],
  ['2023-06-01', '2024-05-31', '2023-05-19', [[P.platform, 44000]]],
  ['2024-06-01', '2025-05-31', '2024-05-21', [[P.platform, 45000]]],
]);
const corvaneEnergy = scenario({
  name: 'Corvane Energy',
  parent: 'Corvane Holdings',
  segment: 'Mid-Market',
  region: 'NA',
  rep: 'REP-04',
  billing: 'annual',
});
renewals(corvaneEnergy, [
  ['2023-08-01', '2024-07-31', '2023-07-14', [[P.platform, 60000]]],
  ['2024-08-01', '2025-07-31', '2024-07-09', [[P.platform, 63000]]],
  [
    '2025-08-01',
    '2026-07-31',
    '2025-07-17',
    [
      [P.platform, 70000],
      [P.analytics, 12000],
    ],
  ],
]);
const tallowmere = scenario({
  name: 'Tallowmere Group',
  segment: 'Enterprise',
  region: 'EMEA',
  currency: 'GBP',
  rep: 'REP-12',
  billing: 'annual',
});
renewals(tallowmere, [
  ['2022-12-01', '2023-11-30', '2022-11-15', [[P.platform, 90000]]],
  ['2023-12-01', '2024-11-30', '2023-11-20', [[P.platform, 94500]]],
  ['2024-12-01', '2025-11-30', '2024-11-11', [[P.platform, 98000]]],
  ['2025-12-01', '2026-11-30', '2025-11-24', [[P.platform, 98000]]],
]);
const tallowmereRetail = scenario({
  name: 'Tallowmere Retail',
  parent: 'Tallowmere Group',
  segment: 'Mid-Market',
  region: 'EMEA',
  currency: 'GBP',
  rep: 'REP-14',
  billing: 'quarterly',
});
renewals(tallowmereRetail, [
  ['2024-04-15', '2025-04-14', '2024-04-02', [[P.platform, 30000]]],
  ['2025-04-15', '2026-04-14', '2025-04-01', [[P.platform, 31200]]],
]);
const tallowmereFoods = scenario({
  name: 'Tallowmere Foods',
  parent: 'Tallowmere Group',
  segment: 'SMB',
  region: 'EMEA',
  currency: 'GBP',
  rep: 'REP-16',
  billing: 'monthly',
});
deal(tallowmereFoods, '2025-08-21', [[P.platform, '2025-09-01', '2026-08-31', 12000]]);
const brightMedia = scenario({
  name: 'Brightcairn Media',
  parent: 'Brightcairn Holdings',
  segment: 'Mid-Market',
  region: 'NA',
  rep: 'REP-05',
  billing: 'annual',
});
renewals(brightMedia, [
  ['2022-02-01', '2023-01-31', '2022-01-20', [[P.platform, 50000]]],
  ['2023-02-01', '2024-01-31', '2023-01-18', [[P.platform, 52000]]],
  ['2024-02-01', '2025-01-31', '2024-01-22', [[P.platform, 54000]]],
  ['2025-02-01', '2026-01-31', '2025-01-16', [[P.platform, 56000]]],
]);
const brightLearning = scenario({
  name: 'Brightcairn Learning',
  parent: 'Brightcairn Holdings',
  segment: 'SMB',
  region: 'NA',
  rep: 'REP-07',
  billing: 'monthly',
});
renewals(brightLearning, [
  ['2023-05-01', '2024-04-30', '2023-04-24', [[P.platform, 11000]]],
  ['2024-05-01', '2025-04-30', '2024-04-15', [[P.platform, 11500]]],
  ['2025-05-01', '2026-04-30', '2025-04-14', [[P.platform, 11500]]],
]);
const brightTravel = scenario({
  name: 'Brightcairn Travel',
  parent: 'Brightcairn Holdings',
  segment: 'SMB',
  region: 'NA',
  rep: 'REP-09',
  billing: 'annual',
});
renewals(brightTravel, [
  ['2023-10-01', '2024-09-30', '2023-09-26', [[P.platform, 18000]]],
  ['2024-10-01', '2025-09-30', '2024-09-10', [[P.platform, 19000]]],
  ['2025-10-01', '2026-09-30', '2025-09-15', [[P.platform, 20000]]],
]);
const brightLabs = scenario({
  name: 'Brightcairn Labs',
  parent: 'Brightcairn Holdings',
  segment: 'Mid-Market',
  region: 'NA',
  rep: 'REP-04',
  billing: 'annual',
});
deal(brightLabs, '2025-04-22', [[P.platform, '2025-05-01', '2026-04-30', 30000]]);

const driftwood = scenario({
  name: 'Driftwood Apparel',
  segment: 'SMB',
  region: 'NA',
  rep: 'REP-08',
  billing: 'monthly',
});
renewals(driftwood, [
  ['2022-04-01', '2023-03-31', '2022-03-21', [[P.platform, 11000]]],
  ['2023-04-01', '2024-03-31', '2023-03-27', [[P.platform, 11500]]],
  ['2024-04-01', '2025-03-31', '2024-03-25', [[P.platform, 12000, { status: 'active' }]]],
]);

const saltgrass = scenario({
  name: 'Saltgrass Dental',
  segment: 'SMB',
  region: 'APAC',
  rep: 'REP-22',
  billing: 'annual',
});
renewals(saltgrass, [
  ['2023-10-01', '2024-09-30', '2023-09-25', [[P.platform, 6000]]],
  ['2024-10-01', '2025-09-30', '2024-09-16', [[P.platform, 6500, { status: 'active' }]]],
]);

const osprey = scenario({
  name: 'Osprey Ridge Security',
  segment: 'Mid-Market',
  region: 'NA',
  rep: 'REP-06',
  billing: 'annual',
});
renewals(osprey, [
  ['2022-04-01', '2023-03-31', '2022-03-14', [[P.platform, 40000]]],
  ['2023-04-01', '2024-03-31', '2023-03-08', [[P.platform, 42000]]],
  ['2024-04-01', '2025-03-31', '2024-03-11', [[P.platform, 44520]]],
  ['2025-04-01', '2026-03-31', '2025-03-17', [[P.platform, 46301]]],
]);

const glimmerstone = scenario({
  name: 'Glimmerstone Pharma',
  segment: 'Enterprise',
  region: 'NA',
  rep: 'REP-03',
  billing: 'annual',
});
deal(glimmerstone, '2025-12-12', [
  [P.platform, '2026-01-15', '2027-01-14', 220000],
  [P.onboarding, '2026-01-15', '2026-03-31', 30000],
]);
const windmere = scenario({
  name: 'Windmere Agritech',
  segment: 'Mid-Market',
  region: 'EMEA',
  currency: 'EUR',
  rep: 'REP-13',
  billing: 'annual',
});
deal(windmere, '2025-12-19', [[P.platform, '2026-02-01', '2027-01-31', 50000]]);

// ---------------------------------------------------------------------------------------------
// Background customers: invented company-like names.

const NAME_HEADS = (
  'Alder Amber Aspen Bracken Bramble Briar Cairn Cinder Clover Cobalt Copper Coral Cypress Dune ' +
  'Ember Fallow Fern Fjord Flint Frost Gull Heath Heron Kelp Kite Lantern Larch Lumen Maple ' +
  'Marsh Moss Onyx Osprey Otter Pebble Plover Quartz Reed Rook Sable Saffron Shale Silver Slate ' +
  'Sorrel Spruce Starling Sumac Tansy Teal Thistle Timber Umber Yarrow Zephyr Basalt Lichen ' +
  'Nettle Pumice Agate Birch Cobble Dapple Egret Garnet Hawthorn Indigo Lupine Kestrel Meadow ' +
  'Nimbus Opal Pewter Quill Russet Sedge Tarn'
).split(' ');
const NAME_TAILS = (
  'brook field gate crest vale ridge haven point mere hollow moor run bay peak line mark light ' +
  'reach shore well spire fen glade cove bank'
).split(' ');
const SECTORS = (
  'Analytics,Logistics,Media,Health,Labs,Robotics,Foods,Freight,Energy,Software,Outfitters,' +
  'Systems,Marine,Textiles,Dental,Clinics,Apparel,Studios,Biotech,Networks,Hospitality,Realty,' +
  'Insurance,Engineering,Learning,Telecom,Retail,Pharma,Aerospace,Agritech,Devices,Security,' +
  'Payments,Travel,Games,Mobility,Brewing,Ceramics,Print Works,Cold Chain,Water,Solar,' +
  'Veterinary,Architecture,Fintech,Wellness,Fitness,Storage,Packaging,Tooling,Instruments,' +
  'Bakeries,Home Care,Data Services,Freightways'
).split(',');
/** Compounds that read as well-known marks, titles or places; never used. */
const BLOCKED = new Set(
  (
    'Silverpeak Silverlight Silverline Coppergate Heathfield Marshfield Timberline Maplebrook ' +
    'Coralgate Copperfield Amberfield Silverpine Fernhollow Starlight Moorgate Aspenridge ' +
    'Cypresspoint Heathrow Cloverfield Coralridge'
  ).split(' '),
);

function backgroundNames(count) {
  const used = new Set();
  const heads = new Map();
  for (const name of customers.keys()) used.add(name.split(' ')[0]);
  const names = [];
  while (names.length < count) {
    const compound = nameRng.pick(NAME_HEADS) + nameRng.pick(NAME_TAILS);
    if (BLOCKED.has(compound) || used.has(compound)) continue;
    const head = compound.slice(0, 4);
    // Keep heads varied: at most five names share a first syllable.
    const n = heads.get(head) ?? 0;
    if (n > 4) continue;
    heads.set(head, n + 1);
    used.add(compound);
    names.push(`${compound} ${nameRng.pick(SECTORS)}`);
  }
  return names;
}

// ---------------------------------------------------------------------------------------------
// Background simulation.

const SEGMENT_SPEC = {
  Enterprise: { lo: 110000, span: 450000, cap: 540000, round: 500, churn: 0.04, contraction: 0.07 },
  'Mid-Market': { lo: 25000, span: 65000, cap: 95000, round: 100, churn: 0.08, contraction: 0.08 },
  SMB: { lo: 5000, span: 16000, cap: 23000, round: 50, churn: 0.14, contraction: 0.06 },
};

const roundTo = (x, step) => Math.max(step, Math.round(x / step) * step);

/** A start date in a month: mostly the 1st, sometimes mid-month. */
function startIn(y, m) {
  const d = simRng.weighted([
    [1, 74],
    [15, 14],
    [0, 12],
  ]);
  return fromYmd(y, m, d === 0 ? simRng.randInt(2, 28) : d);
}

function newBackgroundCustomer(name) {
  const segment = simRng.weighted([
    ['Enterprise', 15],
    ['Mid-Market', 28],
    ['SMB', 57],
  ]);
  const region = simRng.weighted([
    ['NA', 56],
    ['EMEA', 29],
    ['APAC', 15],
  ]);
  const currency =
    region === 'EMEA'
      ? simRng.weighted([
          ['EUR', 45],
          ['GBP', 40],
          ['USD', 15],
        ])
      : 'USD';
  const billing = {
    Enterprise: () =>
      simRng.weighted([
        ['annual', 70],
        ['quarterly', 30],
      ]),
    'Mid-Market': () =>
      simRng.weighted([
        ['annual', 60],
        ['quarterly', 30],
        ['monthly', 10],
      ]),
    SMB: () =>
      simRng.weighted([
        ['monthly', 50],
        ['annual', 45],
        ['quarterly', 5],
      ]),
  }[segment]();
  return addCustomer({ name, segment, region, currency, rep: simRng.pick(REPS[region][segment]), billing });
}

/** Initial products: Map product -> { price, list } in whole currency units per year. */
function initialProducts(cust) {
  const spec = SEGMENT_SPEC[cust.segment];
  const u = simRng.next();
  const totalUsd = spec.lo + (spec.span * (u + u * u)) / 2;
  const total = totalUsd / SIZING_FX[cust.currency];
  const seg = cust.segment;
  const shares = [];
  const p = (e, m, s) => (seg === 'Enterprise' ? e : seg === 'Mid-Market' ? m : s);
  if (simRng.chance(p(0.5, 0.35, 0.1))) shares.push([P.analytics, 0.15 + 0.1 * simRng.next()]);
  if (simRng.chance(p(0.4, 0.25, 0.1))) shares.push([P.api, 0.1 + 0.1 * simRng.next()]);
  if (simRng.chance(p(0.6, 0.2, 0))) shares.push([P.support, 0.1 + 0.05 * simRng.next()]);
  if (simRng.chance(p(0.15, 0.12, 0.04))) shares.push([P.commit, 0.2 + 0.15 * simRng.next()]);
  let addonShare = 0;
  for (const [, s] of shares) addonShare += s;
  // The platform stays the larger part of every account.
  const scale = addonShare > 0.45 ? 0.45 / addonShare : 1;
  for (const item of shares) item[1] *= scale;
  const platformShare = 1 - addonShare * scale;
  const products = new Map();
  products.set(P.platform, { price: roundTo(total * platformShare, spec.round), list: null });
  for (const [product, s] of shares)
    products.set(product, { price: roundTo(total * s, spec.round), list: null });
  if (simRng.chance(p(0.5, 0.35, 0.1))) {
    const pct = simRng.pick([5, 8, 10, 12, 15, 20, 25]);
    for (const item of products.values()) item.list = Math.round((item.price * 100) / (100 - pct));
  }
  return products;
}

function recurringRow(con, product, item, start, end, amountUnits, extra = {}) {
  const amount = cents(amountUnits);
  const list = item.list === null ? null : cents((item.list * amountUnits) / item.price);
  addLine(con, { product, start, end, amount, list: list !== null && list > amount ? list : null, ...extra });
}

function simulate(cust, firstStart, firstSigned, isOpening) {
  const spec = SEGMENT_SPEC[cust.segment];
  const products = initialProducts(cust);
  // Accounts near the top of their segment's range are not sold more.
  const roomToGrow = () => {
    let total = 0;
    for (const item of products.values()) total += item.price;
    return total * SIZING_FX[cust.currency] < SEGMENT_SPEC[cust.segment].cap;
  };
  let start = firstStart;
  let signedDay = firstSigned;
  let first = true;
  let rampDone = false;
  for (;;) {
    if (signedDay > AS_OF) return;
    const ramp = !rampDone && cust.segment === 'Enterprise' && simRng.chance(first ? 0.25 : 0.12);
    const twoYear = !ramp && cust.segment === 'Mid-Market' && simRng.chance(0.04);
    const free =
      !ramp && !twoYear && first && !isOpening && simRng.chance(0.05) ? simRng.pick([1, 1, 2, 3]) : 0;
    const years = ramp ? 3 : twoYear ? 2 : 1;
    const end = termEnd(start, 12 * years + free);
    const con = addContract(cust, signedDay);
    if (ramp) {
      rampDone = true;
      const steps = [0, simRng.randInt(8, 15), simRng.randInt(8, 15)];
      for (let y = 0; y < 3; y++) {
        const ys = addMonths(start, 12 * y);
        const ye = termEnd(start, 12 * (y + 1));
        for (const [product, item] of products) {
          if (product === P.platform && y > 0) {
            item.price = roundTo((item.price * (100 + steps[y])) / 100, 100);
            if (item.list !== null) item.list = Math.round((item.list * (100 + steps[y])) / 100);
          }
          recurringRow(con, product, item, ys, ye, item.price);
        }
      }
    } else {
      for (const [product, item] of products) {
        const extra = twoYear ? { billing: 'upfront' } : free ? { free } : {};
        recurringRow(con, product, item, start, end, item.price * years, extra);
      }
    }
    if (first && !isOpening) {
      const p = { Enterprise: 1, 'Mid-Market': 0.8, SMB: 0.4 }[cust.segment];
      if (simRng.chance(p)) {
        const fee = { Enterprise: [15000, 40000], 'Mid-Market': [5000, 15000], SMB: [1000, 3000] }[
          cust.segment
        ];
        const amount = roundTo(simRng.randInt(fee[0], fee[1]) / SIZING_FX[cust.currency], 100);
        addLine(con, {
          product: P.onboarding,
          start,
          end: termEnd(start, simRng.randInt(1, 3)),
          amount: cents(amount),
        });
      }
    }
    if (products.has(P.commit)) {
      const quarterCommit = (products.get(P.commit).price * 100) / 4;
      for (let q = 0; ; q++) {
        const qs = addMonths(start, 3 * q);
        const qe = termEnd(start, 3 * (q + 1));
        if (qe > end || qe > AS_OF) break;
        if (simRng.chance(0.55)) {
          const amount = Math.round(quarterCommit * (0.05 + 0.6 * simRng.next()));
          addLine(con, { product: P.overage, start: qs, end: qe, amount });
        }
      }
    }
    // A mid-term cross-sell or upsell on a one-year term, co-terminous with the term.
    if (!ramp && !twoYear && roomToGrow() && simRng.chance(cust.segment === 'SMB' ? 0.08 : 0.2)) {
      const upStart = addMonths(fromYmd(ymd(start).y, ymd(start).m, 1), simRng.randInt(3, 9));
      const upSigned = weekday(upStart - simRng.randInt(0, 20));
      if (upStart < end - 30 && upSigned <= AS_OF) {
        const missing = ADDONS.filter((a) => !products.has(a));
        const platform = products.get(P.platform);
        const crossSell = missing.length > 0 && simRng.chance(0.5);
        const product = crossSell ? simRng.pick(missing) : P.platform;
        const share = crossSell ? 0.12 + 0.1 * simRng.next() : 0.1 + 0.25 * simRng.next();
        const annual = roundTo(platform.price * share, spec.round);
        const amendment = addContract(cust, upSigned);
        const amount = divRound(annual * 100 * (end - upStart + 1), 365);
        addLine(amendment, { product, start: upStart, end, amount });
        if (crossSell) products.set(product, { price: annual, list: null });
        else {
          if (platform.list !== null)
            platform.list = Math.round((platform.list * (platform.price + annual)) / platform.price);
          platform.price += annual;
        }
      }
    }
    // Renewal decision for the next term.
    const nextStart = end + 1;
    if (simRng.chance(spec.churn)) {
      if (simRng.chance(0.35)) {
        const notice = end - simRng.randInt(30, 90);
        if (notice <= AS_OF)
          for (const line of con.lines) if (line.type !== 'usage_overage') line.notice = notice;
      }
      return;
    }
    if (simRng.chance(spec.contraction)) {
      const addons = ADDONS.filter((a) => products.has(a));
      if (addons.length > 0 && simRng.chance(0.5)) products.delete(simRng.pick(addons));
      else {
        const platform = products.get(P.platform);
        platform.price = roundTo((platform.price * simRng.randInt(70, 90)) / 100, spec.round);
      }
    } else {
      if (roomToGrow() && simRng.chance(0.72)) {
        const pct = simRng.randInt(3, 8);
        for (const item of products.values()) {
          item.price = Math.round((item.price * (100 + pct)) / 100);
          if (item.list !== null) item.list = Math.round((item.list * (100 + pct)) / 100);
        }
      }
      const missing = ADDONS.filter((a) => !products.has(a));
      if (missing.length > 0 && roomToGrow() && simRng.chance(0.15)) {
        const platform = products.get(P.platform);
        products.set(simRng.pick(missing), {
          price: roundTo(platform.price * (0.12 + 0.08 * simRng.next()), spec.round),
          list: null,
        });
      }
    }
    for (const item of products.values())
      if (item.list !== null && item.list < item.price) item.list = item.price;
    first = false;
    start = nextStart;
    signedDay = weekday(start - simRng.randInt(0, 45));
  }
}

function buildBackground() {
  const count = TOTAL_CUSTOMERS - customers.size;
  const names = backgroundNames(count);
  // Opening base (contracts in force on 2023-01-01) and new logos spread over the 12 quarters.
  const opening = Math.round(count * 0.4);
  const perQuarter = [];
  const remaining = count - opening;
  for (let q = 0; q < 12; q++) perQuarter.push(Math.floor(remaining / 12) + (q < remaining % 12 ? 1 : 0));
  let i = 0;
  for (let k = 0; k < opening; k++, i++) {
    const cust = newBackgroundCustomer(names[i]);
    let start = startIn(2022, simRng.randInt(1, 12));
    if (start <= day('2022-01-01')) start = day('2022-01-15');
    simulate(cust, start, weekday(start - simRng.randInt(0, 45)), true);
  }
  for (let q = 0; q < 12; q++) {
    const y = 2023 + Math.floor(q / 4);
    for (let k = 0; k < perQuarter[q]; k++, i++) {
      const cust = newBackgroundCustomer(names[i]);
      const start = startIn(y, (q % 4) * 3 + simRng.randInt(1, 3));
      const lead = cust.segment === 'Enterprise' ? 60 : 30;
      simulate(cust, start, weekday(start - simRng.randInt(0, lead)), false);
    }
  }
}

buildBackground();

// ---------------------------------------------------------------------------------------------
// Contract ids in order of signing; statuses from the book as of 2025-12-31.

contracts.sort(
  (a, b) =>
    a.signed - b.signed ||
    (a.cust.name < b.cust.name ? -1 : a.cust.name > b.cust.name ? 1 : 0) ||
    a.seq - b.seq,
);
contracts.forEach((con, k) => (con.id = `C-${10001 + k}`));

const allLines = contracts.flatMap((con) => con.lines);
const byCustomerProduct = new Map();
for (const line of allLines) {
  const key = `${line.con.cust.name}|${line.product}`;
  if (!byCustomerProduct.has(key)) byCustomerProduct.set(key, []);
  byCustomerProduct.get(key).push(line);
}

function statusOf(line) {
  if (line.status) return line.status;
  if (line.cancel !== null) return 'cancelled';
  if (line.end >= AS_OF) return 'active';
  if (line.type === 'recurring' || line.type === 'usage_commit') {
    const siblings = byCustomerProduct.get(`${line.con.cust.name}|${line.product}`);
    if (siblings.some((s) => s !== line && s.start > line.end && s.start <= line.end + 90)) return 'renewed';
  }
  return 'expired';
}

function fxRateOf(line) {
  const ccy = line.con.cust.currency;
  if (ccy === 'USD') return '';
  return CONTRACT_FX[ccy][ymd(line.con.signed).y];
}

const HEADER = [
  'Customer',
  'Parent',
  'Contract',
  'Product',
  'Line Type',
  'Start Date',
  'End Date',
  'Signed Date',
  'Cancel Date',
  'Notice Date',
  'Amount',
  'List Amount',
  'Free Months',
  'Currency',
  'FX Rate',
  'Billing',
  'Segment',
  'Region',
  'Sales Rep',
  'Entity',
  'Status',
];

const rows = allLines.map((line) => {
  const c = line.con.cust;
  return [
    c.name,
    c.parent,
    line.con.id,
    line.product,
    line.type,
    iso(line.start),
    iso(line.end),
    iso(line.con.signed),
    line.cancel === null ? '' : iso(line.cancel),
    line.notice === null ? '' : iso(line.notice),
    fmtCents(line.amount),
    line.list === null ? '' : fmtCents(line.list),
    line.free ? String(line.free) : '',
    c.currency,
    fxRateOf(line),
    line.billing,
    c.segment,
    c.region,
    c.rep,
    c.entity,
    statusOf(line),
  ];
});
for (const row of rows) {
  for (const v of row) if (/[,"\r\n]/.test(v)) throw new Error(`value needs quoting: ${v}`);
}

// ---------------------------------------------------------------------------------------------
// A small ARR calculator for the README's figures: daily365, amountBasis term, spot FX, each line
// rounded to cents once. It knows nothing of grace periods; the scenarios avoid needing them.

function lineArrCents(line, d, { fxDay = d, includeCommit = true, includeOverage = false } = {}) {
  if (line.type === 'one_time') return 0;
  if (line.type === 'usage_commit' && !includeCommit) return 0;
  if (line.type === 'usage_overage' && !includeOverage) return 0;
  const stop = line.cancel !== null && line.cancel < line.end ? line.cancel : line.end;
  if (d < line.start || d > stop) return 0;
  const days = line.end - line.start + 1;
  const r = rate4(spotOn(line.con.cust.currency, fxDay));
  return divRound(line.amount * 365 * r, days * 10000);
}
function arrCents(filter, d, opts) {
  let total = 0;
  for (const line of allLines) if (filter(line)) total += lineArrCents(line, d, opts);
  return total;
}
const ofCustomer = (name) => (line) => line.con.cust.name === name;
const custArr = (name, isoDay, opts) => arrCents(ofCustomer(name), day(isoDay), opts);

const bookArr = arrCents(() => true, AS_OF);
const customerCount = customers.size;

// ---------------------------------------------------------------------------------------------
// Files.

const csv = (table) => table.map((r) => r.join(',')).join('\n') + '\n';

const POLICY = [
  ['Key', 'Value'],
  ['version', 'FY2025-Q4'],
  ['reportingCurrency', 'USD'],
  ['annualization', 'daily365'],
  ['renewalGraceDays', '30'],
  ['churnDate', 'end'],
  ['fx', 'spot'],
  ['grain', 'customer'],
  ['reactivation', 'separate'],
  ['rounding', 'half_up'],
  ['bands', '"25000,100000"'],
];

const fxRows = [['Currency', 'Date', 'Rate']];
for (const ccy of ['EUR', 'GBP']) {
  fxRows.push([ccy, '', BOARD_FX[ccy]]);
  for (const r of SPOT.rows) if (r[0] === ccy) fxRows.push(r);
}

// ---------------------------------------------------------------------------------------------
// README.

const code = (s) => `\`${s}\``;
const idOf = (con) => code(con.id);
const s0 = (ccy) => spotOn(ccy, day('2024-12-31'));
const s1 = (ccy) => spotOn(ccy, day('2025-12-31'));

function firstArrDay(name) {
  let first = Infinity;
  for (const line of allLines) {
    if (line.con.cust.name !== name || (line.type !== 'recurring' && line.type !== 'usage_commit')) continue;
    if (line.start < first) first = line.start;
  }
  return first;
}

const newLogos = new Map();
for (const name of customers.keys()) {
  const q = quarterOf(firstArrDay(name));
  if (!newLogos.has(q)) newLogos.set(q, []);
  newLogos.get(q).push(name);
}
const quarters = [...newLogos.keys()].sort();

function fy25(name) {
  return { a: custArr(name, '2024-12-31'), b: custArr(name, '2025-12-31') };
}

const quarryArr24 = custArr(quarry.name, '2024-06-30');
const quarryArr25 = custArr(quarry.name, '2025-06-30');
const larkspurArr = custArr(larkspur.name, '2025-06-30');
const cedarOld = custArr(cedar.name, '2025-06-30');
const cedarNew = custArr(cedar.name, '2025-12-31');
const mossyArr = custArr(mossy.name, '2025-03-31');
const harborArr = custArr(harbor.name, '2025-06-30');
const bluefin25 = fy25(bluefin.name);
const bluefinQ3 = custArr(bluefin.name, '2025-06-30');
const fernArr = custArr(fernhollow.name, '2025-09-30');
const ironQ1 = custArr(ironbark.name, '2025-03-31');
const ironQ2 = custArr(ironbark.name, '2025-06-30');
const silver25 = fy25(silverpine.name);
const silverApi = arrCents((l) => ofCustomer(silverpine.name)(l) && l.product === P.api, AS_OF);
const amber25 = fy25(amberfield.name);
const amberSeats = arrCents(
  (l) => ofCustomer(amberfield.name)(l) && l.start === day('2025-07-01'),
  day('2025-09-30'),
);
const amber26 = custArr(amberfield.name, '2026-01-01');
const kettle24 = custArr(kettle.name, '2023-12-31');
const kettle25 = custArr(kettle.name, '2025-12-31');
const blau = {
  a: custArr(blauwhaven.name, '2024-12-31'),
  bConst: custArr(blauwhaven.name, '2025-12-31', { fxDay: day('2024-12-31') }),
  b: custArr(blauwhaven.name, '2025-12-31'),
};
const thistle = {
  a: custArr(thistledown.name, '2024-12-31'),
  bConst: custArr(thistledown.name, '2025-12-31', { fxDay: day('2024-12-31') }),
  b: custArr(thistledown.name, '2025-12-31'),
};
const pebbleArr = custArr(pebble.name, '2025-03-31');
const sparrowArr = custArr(sparrow.name, '2025-12-31');
const sparrowNoCommit = custArr(sparrow.name, '2025-12-31', { includeCommit: false });
const sparrowOverage = custArr(sparrow.name, '2025-12-31', { includeOverage: true }) - sparrowArr;
const tamarindSpread = custArr(tamarind.name, '2025-12-31');
const tamarindExclude = divRound(cents(36000) * 365, day('2026-03-31') - day('2025-04-01') + 1);
const marigoldNet = custArr(marigold.name, '2025-12-31');
const corvane = {
  freight: fy25(corvaneFreight.name),
  marine: fy25(corvaneMarine.name),
  energy: fy25(corvaneEnergy.name),
};
const corvaneNet =
  corvane.freight.b -
  corvane.freight.a +
  (corvane.marine.b - corvane.marine.a) +
  (corvane.energy.b - corvane.energy.a);
const brightLabsArr = custArr(brightLabs.name, '2025-06-30');
const driftArr = custArr(driftwood.name, '2025-03-31');
const saltArr = custArr(saltgrass.name, '2025-09-30');
const ospreyArr = [2022, 2023, 2024, 2025].map((y) => custArr(osprey.name, `${y + 1}-01-31`));

const segmentCounts = { Enterprise: 0, 'Mid-Market': 0, SMB: 0 };
for (const c of customers.values()) segmentCounts[c.segment]++;
const activeAtAsOf = [...customers.keys()].filter((n) => custArr(n, AS_OF_ISO) > 0).length;
const millions = (c) => `${Math.floor(c / 100000000)}.${Math.floor((c % 100000000) / 10000000)}`;

const scenarios = [
  [
    [quarry.name],
    `**Multi-year ramp** (contract ${idOf(quarryDeal)}, signed 2023-12-15): one contract, three yearly Platform lines of 100,000 / 125,000 / 150,000 for 2024 / 2025 / 2026. New logo in 2024-Q1. ARR ${fmtMoney(quarryArr24)} on 2024-06-30 (2024 has 366 days) and ${fmtMoney(quarryArr25)} on 2025-06-30; the bridge 2024-12-31 -> 2025-01-01 shows expansion ${signed(quarryArr25 - quarryArr24)} (+25,000.00 under \`monthly12\`). Under \`multiYear: average\` ARR is 124,885.95 all three years (375,000 x 365 / 1,096) and the step disappears.`,
  ],
  [
    [larkspur.name],
    `**Multi-year single line** (contract ${idOf(larkspurDeal)}): Platform 375,000.00 for 2024-01-01..2026-12-31 (1,096 days), billed upfront. ARR ${fmtMoney(larkspurArr)} under \`daily365\`, 125,000.00 under \`monthly12\`; new logo in 2024-Q1, no movement afterwards.`,
  ],
  [
    [osprey.name],
    `**Plain annual renewals with uplift**: opening-base customer (term 2022-04-01..2023-03-31 in force on 2023-01-01), renewed each 1 April at 40,000 -> 42,000 -> 44,520 -> 46,301. Expansion of ${ospreyArr
      .slice(1)
      .map((v, k) => signed(v - ospreyArr[k]))
      .join(
        ' / ',
      )} in the 2023 / 2024 / 2025 April renewals (the 2023 term holds 2024-02-29, so its ARR is ${fmtMoney(ospreyArr[1])}).`,
  ],
  [
    [cedar.name],
    `**Late renewal inside the grace period**: mid-month anniversary (16 September). The term ending 2025-09-15 is renewed from 2025-10-05, 20 days later (19 uncovered days), at 39,312 (+4%). With \`renewalGraceDays: 30\` the gap carries the old rate (${fmtMoney(cedarOld)}): no movement in the 2025-Q3 bridge (2025-06-30 -> 2025-09-30), expansion ${signed(cedarNew - cedarOld)} in 2025-Q4 and in FY2025. With grace 0 the same book shows churn ${signed(-cedarOld)} in 2025-Q3 and reactivation ${signed(cedarNew)} in 2025-Q4.`,
  ],
  [
    [mossy.name],
    `**Late renewal outside the grace period**: the term ending 2025-05-31 is renewed from 2025-08-14, 75 days later, at the same price (29,120). Churn ${signed(-mossyArr)} in the 2025-Q2 bridge (2025-03-31 -> 2025-06-30) and reactivation ${signed(mossyArr)} in 2025-Q3 (new under \`reactivation: as_new\`). The single-diff FY2025 bridge shows no movement (same ARR at both ends); \`bridgeMethod: monthly\` shows the churn in June and the reactivation in August.`,
  ],
  [
    [harbor.name],
    `**Churn at end of term**: last term 2024-07-01..2025-06-30, not renewed (status \`expired\`). Churn ${signed(-harborArr)} in the 2025-Q3 bridge (2025-06-30 -> 2025-09-30) and in FY2025 (\`churnDate: end\`: ARR stops the day after the end date).`,
  ],
  [
    [bluefin.name],
    `**Cancellation before the end date**: the 2025 term (2025-01-01..2025-12-31, Platform and API Access) carries Cancel Date 2025-08-31 (status \`cancelled\`). ARR stops after 2025-08-31: churn ${signed(-bluefinQ3)} in the 2025-Q3 bridge and ${signed(-bluefin25.a)} in FY2025 (the 2024 lines span 366 days). Earlier: new logo in 2023-Q1 (with one-time Onboarding), cross-sell of API Access at the 2024 renewal.`,
  ],
  [
    [fernhollow.name],
    `**Churn with a notice date**: term 2024-11-01..2025-10-31 with Notice Date 2025-07-15, not renewed. \`churnDate: end\` (the demo policy): churn ${signed(-fernArr)} in the 2025-Q4 bridge; \`churnDate: notice\`: ARR stops after 2025-07-15, so the churn moves to 2025-Q3. FY2025 shows the churn either way.`,
  ],
  [
    [ironbark.name],
    `**Contraction at renewal**: the 2024 term (Platform 80,000 + Analytics Add-on 15,000) renews on 2025-04-01 as Platform 62,000 only. Contraction ${signed(ironQ2 - ironQ1)} in the 2025-Q2 bridge and in FY2025; at \`grain: customer_product\` it splits into Platform -18,000.00 and Analytics Add-on -15,000.00 (a dropped product of a staying customer is contraction, not churn).`,
  ],
  [
    [silverpine.name],
    `**Expansion by cross-sell**: API Access added mid-term from 2025-08-01, co-terminous with the Platform term ending 2026-01-31 (amount ${fmtMoney(cents(silverpineApiAmount))} for 184 days). Expansion ${signed(silverApi)} in 2025-Q3; FY2025 expansion ${signed(silver25.b - silver25.a)} (with the February renewal uplift); at \`customer_product\` grain the new product is expansion, not new.`,
  ],
  [
    [amberfield.name],
    `**Expansion by upsell line**: an extra Platform line (more seats) 2025-07-01..2025-12-31 at 25,000.00 (184 days) on top of the 2025 term. Expansion ${signed(amberSeats)} in 2025-Q3; FY2025 expansion ${signed(amber25.b - amber25.a)}. The 2026 renewal (signed 2025-12-10) folds the seats into one Platform line: ARR ${fmtMoney(amber26)} on 2026-01-01.`,
  ],
  [
    [kettle.name],
    `**Reactivation**: term 2023-03-01..2024-02-29 not renewed; the customer signs again for 2025-01-15..2026-01-14, ten and a half months later. FY2024 bridge: churn ${signed(-kettle24)}; FY2025 bridge: reactivation ${signed(kettle25)} under \`reactivation: separate\`, new under \`as_new\`.`,
  ],
  [
    [blauwhaven.name],
    `**EUR contract**: entity RunRate Demo B.V., FX Rate by signing year (1.0550 / 1.0850 / 1.0900 / 1.1300). FY2025 under \`fx: spot\` (EUR ${s0('EUR')} on 2024-12-31, ${s1('EUR')} on 2025-12-31): expansion ${signed(blau.bConst - blau.a)} in constant currency (EUR 148,000 -> 152,500) and fx ${signed(blau.b - blau.bConst)}.`,
  ],
  [
    [thistledown.name],
    `**GBP contract**: entity RunRate Demo Ltd., new logo in 2023-Q2 with one-time Onboarding. FY2025 under \`fx: spot\` (GBP ${s0('GBP')} -> ${s1('GBP')}): expansion ${signed(thistle.bConst - thistle.a)} (GBP 114,800 -> 119,500 at the 2024-12-31 rate) and fx ${signed(thistle.b - thistle.bConst)}.`,
  ],
  [
    [pebble.name],
    `**One-time services**: new logo 2025-03-01 with Platform 40,000 and an Onboarding line (line type \`one_time\`) of 18,000 over 2025-03-01..2025-04-30. New ${signed(pebbleArr)} in the 2025-Q1 bridge; the onboarding is never ARR (revenue only).`,
  ],
  [
    [sparrow.name],
    `**Usage minimum and overage**: Platform 31,500 plus Usage Commit (\`usage_commit\`) 66,000 for 2025, and quarterly Usage Overage lines (\`usage_overage\`) of 4,200 / 7,850 / 11,300 / 9,412.50. ARR on 2025-12-31: ${fmtMoney(sparrowArr)} (commit counted, overage not); ${fmtMoney(sparrowNoCommit)} with \`includeUsageCommit: no\`; with \`includeUsageOverage: yes\` the Q4 overage adds ${fmtMoney(sparrowOverage)} (9,412.50 x 365 / 92).`,
  ],
  [
    [tamarind.name],
    `**Free months**: 13-month term 2025-03-01..2026-03-31 (396 days) for 36,000 with Free Months 1. New in 2025-Q1. \`freeMonths: spread\`: ARR ${fmtMoney(tamarindSpread)}; \`exclude\` (rate over the paid months 2025-04-01..2026-03-31, 365 days): ${fmtMoney(tamarindExclude)}.`,
  ],
  [
    [marigold.name],
    `**Discount (list amount)**: Amount 88,400 against List Amount 104,000 for 2025-08-01..2026-07-31 (85,000 / 100,000 the year before). ARR on 2025-12-31: ${fmtMoney(marigoldNet)} under \`discounts: net\`, 104,000.00 under \`gross\`.`,
  ],
  [
    ['Corvane Holdings', corvaneFreight.name, corvaneMarine.name, corvaneEnergy.name],
    `**Hierarchy (parent without contracts of its own)**: in FY2025 Corvane Freight expands ${signed(corvane.freight.b - corvane.freight.a)}, Corvane Energy expands ${signed(corvane.energy.b - corvane.energy.a)} (uplift and a cross-sold Analytics Add-on) and Corvane Marine churns ${signed(-corvane.marine.a)} (last term ends 2025-05-31). With \`rollupToParent: yes\` the three are one customer, Corvane Holdings: a contraction of ${signed(corvaneNet)} and no churn.`,
  ],
  [
    [tallowmere.name, tallowmereRetail.name, tallowmereFoods.name],
    `**Hierarchy (parent that is also a customer)**: Tallowmere Group has its own GBP contract (Parent blank) and is the parent of Tallowmere Retail (new in 2024-Q2) and Tallowmere Foods (new 2025-09-01). At customer level Tallowmere Foods is new in 2025-Q3 (GBP 12,000 a year); with \`rollupToParent: yes\` it is expansion of Tallowmere Group.`,
  ],
  [
    ['Brightcairn Holdings', brightMedia.name, brightLearning.name, brightTravel.name, brightLabs.name],
    `**Hierarchy with four children**: Brightcairn Labs starts 2025-05-01: new ${signed(brightLabsArr)} in 2025-Q2 at customer level, expansion of Brightcairn Holdings with \`rollupToParent: yes\`. Brightcairn Learning renews flat in May 2025 (no movement).`,
  ],
  [
    [glimmerstone.name, windmere.name],
    `**Pending starts**: signed 2025-12-12 and 2025-12-19, starting 2026-01-15 (Platform 220,000 and 30,000 Onboarding) and 2026-02-01 (EUR 50,000). No live ARR on 2025-12-31; included in CARR (\`basis: contracted\`) on 2025-12-31; new in the 2026-Q1 live bridge.`,
  ],
  [
    [driftwood.name, saltgrass.name],
    `**Data-check findings (deliberate)**: the last lines end 2025-03-31 and 2025-09-30 and are not renewed, yet their Status says \`active\`. ARR does not read Status: churn ${signed(-driftArr)} in 2025-Q2 and ${signed(-saltArr)} in 2025-Q4; a status check should flag both.`,
  ],
];

const columns = [
  ['Customer', 'the customer key (logo); invented company names'],
  ['Parent', 'parent customer for the three hierarchies (blank otherwise)'],
  [
    'Contract',
    'contract id `C-10001`..., numbered in order of signing; a renewal or an amendment is a new contract, a ramp is one contract with yearly lines',
  ],
  [
    'Product',
    'Platform, Analytics Add-on, API Access, Premium Support (recurring), Onboarding (one-time), Usage Commit, Usage Overage',
  ],
  ['Line Type', '`recurring`, `one_time`, `usage_commit` or `usage_overage`'],
  ['Start Date, End Date', 'service period, `YYYY-MM-DD`, both inclusive'],
  ['Signed Date', 'signature date of the contract (0-45 days before the start for renewals)'],
  ['Cancel Date', 'effective termination date, only where a contract was cancelled early'],
  ['Notice Date', 'date the customer gave notice of non-renewal'],
  ['Amount', "total for the line's term (`amountBasis: term`) in the line's currency, 2 decimals"],
  ['List Amount', 'undiscounted amount on discounted lines (>= Amount)'],
  ['Free Months', 'free months included in the term (the term is that much longer than the months paid)'],
  ['Currency', 'USD, EUR or GBP'],
  ['FX Rate', 'contract-fixed rate to USD on EUR and GBP lines, by signing year'],
  ['Billing', '`annual`, `quarterly`, `monthly` or `upfront` (in advance)'],
  [
    'Segment, Region, Sales Rep, Entity',
    'dimensions: SMB / Mid-Market / Enterprise, NA / EMEA / APAC, rep codes `REP-01`..`REP-24`, RunRate Demo Inc. / Ltd. / B.V.',
  ],
  [
    'Status',
    '`active`, `expired`, `cancelled` or `renewed` as of 2025-12-31 (informational; the engine does not read it)',
  ],
];

const readme = [
  '# Example book',
  '',
  'A fictional SaaS company ("RunRate Demo") selling a platform with add-ons, usage and services to',
  `${customerCount} invented customers. Every name and figure is made up. The files are written by`,
  '`scripts/generate-example.mjs` from a fixed seed, byte for byte the same on every run; do not edit',
  'them by hand. Regenerate with:',
  '',
  '```sh',
  'node scripts/generate-example.mjs            # writes examples/',
  'node scripts/generate-example.mjs /tmp/book  # or any other directory',
  '```',
  '',
  '## Files',
  '',
  `- \`contracts.csv\`: ${rows.length} contract lines of ${customerCount} customers in ${contracts.length} contracts, service dates from 2022 (the opening book: terms in force on 2023-01-01) through 2025 and beyond for multi-year deals and renewals already signed. No value contains a comma or a quote, so the file needs no CSV quoting.`,
  '- `policy.csv`: the demo policy, a two-column `Key,Value` table: `version` FY2025-Q4, `reportingCurrency` USD, `annualization` daily365, `renewalGraceDays` 30, `churnDate` end, `fx` spot, `grain` customer, `reactivation` separate, `rounding` half_up, `bands` 25000,100000 (the one quoted value in the examples). Every other key takes its default.',
  '- `fx-rates.csv`: `Currency,Date,Rate`, rates to USD: month-end spot rates for EUR and GBP from 2021-12-31 through 2026-12-31 (a smooth invented walk, 4 decimals) and one undated row per currency, the board rate used by `fx: fixed` (EUR 1.1000, GBP 1.2800).',
  '- `README.md`: this file (generated too).',
  '',
  '## contracts.csv columns',
  '',
  ...columns.map(([name, text]) => `- ${name}: ${text}${text.endsWith('.') ? '' : '.'}`),
  '',
  '## The book at a glance',
  '',
  `- ${customerCount} customers: ${segmentCounts.Enterprise} Enterprise (about 100k-600k ARR each), ${segmentCounts['Mid-Market']} Mid-Market (25k-100k), ${segmentCounts.SMB} SMB (5k-25k); regions NA, EMEA and APAC; EMEA customers contract in EUR, GBP or USD.`,
  `- ARR on 2025-12-31 under the demo policy: about ${millions(bookArr)}M USD (${fmtMoney(bookArr)} by the generator's own daily365 arithmetic) from ${activeAtAsOf} customers.`,
  '- Most contracts are one-year terms renewed each year from the day after the previous end, usually with a 3-8% uplift; some start mid-month. Renewals are signed 0-45 days before they start, so a few renewals starting in January and February 2026 are already in the book.',
  '- Background customers also show cross-sells and upsell lines mid-term, contractions at renewal (a lower price or a dropped add-on), churn (some with a notice date), Enterprise ramps (three yearly lines, one contract), two-year prepaid Mid-Market deals, usage commits with quarterly overages, free months on a few first terms, and discounts (List Amount) on about a third of the larger deals.',
  '',
  '## Scenarios',
  '',
  'Each scenario names its customer keys first. Bridges are under `policy.csv` unless said otherwise: FY2024 is 2023-12-31 -> 2024-12-31, FY2025 is 2024-12-31 -> 2025-12-31, a quarter is quarter end to quarter end (2025-Q3 is 2025-06-30 -> 2025-09-30). Figures are USD, daily365, each line rounded to cents.',
  '',
  ...scenarios.map(([keys, text]) => `- ${keys.map(code).join(', ')}: ${text}`),
  '',
  '## New logos by quarter',
  '',
  "Quarter of each customer's first ARR day (the opening book shows as 2022). Two or three examples each:",
  '',
  ...quarters.map((q) => {
    const names = newLogos.get(q).slice().sort();
    return `- ${q}: ${names.length} (${names
      .slice(0, q.startsWith('2022') ? 2 : 3)
      .map(code)
      .join(', ')})`;
  }),
  '',
].join('\n');

// ---------------------------------------------------------------------------------------------

mkdirSync(OUT_DIR, { recursive: true });
writeFileSync(join(OUT_DIR, 'contracts.csv'), csv([HEADER, ...rows]));
writeFileSync(join(OUT_DIR, 'policy.csv'), csv(POLICY));
writeFileSync(join(OUT_DIR, 'fx-rates.csv'), csv(fxRows));
writeFileSync(join(OUT_DIR, 'README.md'), readme);

console.log(
  `${OUT_DIR}: ${rows.length} lines, ${customerCount} customers, ${contracts.length} contracts, ` +
    `ARR on ${AS_OF_ISO} about ${fmtMoney(bookArr)} USD`,
);
