/**
 * The one-page ARR policy in plain words, generated from the policy's values, for the `RR Policy`
 * sheet and the board pack. One paragraph per topic; every key is stated, so the page changes
 * whenever the policy does and a reader can sign it off without reading the key table.
 */
import type { Policy } from './keys.js';
import { policyHash } from './parse.js';

/** `25000` -> `25,000`; `1234.5` -> `1,234.5`; exponent forms are left as JavaScript writes them. */
function grouped(n: number): string {
  const text = String(n);
  const m = /^(-?)(\d+)(\.\d+)?$/.exec(text);
  if (!m) return text;
  return m[1] + m[2].replace(/\B(?=(\d{3})+$)/g, ',') + (m[3] ?? '');
}

const days = (n: number): string => (n === 1 ? '1 day' : `${grouped(n)} days`);

function whatCounts(p: Policy): string {
  const start =
    p.basis === 'live'
      ? 'ARR counts recurring lines from their start date; a signed line whose service has not started yet is not in ARR.'
      : 'ARR here is contracted ARR (CARR): a recurring line counts from its signed date, so signed lines whose service has not started yet are included.';
  const commit =
    p.includeUsageCommit === 'yes'
      ? 'Contracted usage minimums (usage_commit lines) count as ARR.'
      : 'Contracted usage minimums (usage_commit lines) are left out of ARR.';
  const overage =
    p.includeUsageOverage === 'yes'
      ? 'Usage above the minimum (usage_overage lines) counts as ARR too.'
      : 'Usage above the minimum (usage_overage lines) is not ARR.';
  const oneTime =
    p.oneTime === 'point_in_time'
      ? 'One-time lines (setup, services, implementation) are never ARR; their revenue is recognised on their start date.'
      : 'One-time lines (setup, services, implementation) are never ARR; their revenue is recognised ratably, by day, over their term.';
  const revenue =
    p.revenueRounding === 'cumulative'
      ? "Monthly revenue is rounded on the cumulative amount (each month is the rounded total to date less the previous month's), so the months of a line add up to its amount exactly."
      : 'Monthly revenue is rounded month by month, and the rounding residue goes to the last month of the line, so the months add up to its amount exactly.';
  return `${start} ${commit} ${overage} ${oneTime} ${revenue}`;
}

function annualRate(p: Policy): string {
  const method =
    p.annualization === 'daily365'
      ? 'its daily rate times 365 (amount x 365 / days in the term, both the start and the end day counted)'
      : 'its monthly rate times 12 (amount x 12 / months in the term, where a final part month counts as its days over the days of that month)';
  let amount: string;
  if (p.amountBasis === 'term') {
    amount = `A line's amount is the total for its term; it is annualised by ${method}.`;
  } else {
    const what =
      p.amountBasis === 'annual'
        ? "A line's amount is an annual amount, so its ARR is the amount itself"
        : "A line's amount is a monthly amount, so its ARR is the amount x 12";
    amount = `${what}; the annualization setting (${p.annualization}) applies only to term amounts.`;
  }
  const multiYear =
    p.multiYear === 'ramp'
      ? 'In a multi-year contract each line keeps its own rate, so a price step (a ramp) shows as expansion on the day the higher line starts.'
      : 'In a multi-year contract the recurring lines of one contract and product are pooled: their total over the pooled term gives one flat rate, so a ramp shows no expansion. Lines without a contract id are not pooled.';
  const discounts =
    p.discounts === 'net'
      ? 'ARR uses the amount actually charged, after discounts.'
      : 'ARR uses the list amount, before discounts, where a line gives one, and the amount charged otherwise.';
  const free =
    p.freeMonths === 'spread'
      ? 'Free months are spread: the amount is annualised over the whole term, free months included.'
      : 'Free months are excluded: the amount is annualised over the paid months only, while the line stays active over its whole term.';
  return `${amount} ${multiYear} ${discounts} ${free}`;
}

function dates(p: Policy): string {
  const end =
    p.endDateInclusive === 'yes'
      ? 'End dates are inclusive: the end date is the last day of service.'
      : 'End dates are exclusive, as many billing exports give them: the end date is the first day not served, so service ends the day before.';
  const missing =
    p.missingEnd === 'error'
      ? 'A line without an end date is an error to be fixed in the data.'
      : 'A line without an end date is assumed to run 12 months (to its start date plus 12 months less 1 day), and a warning lists it.';
  return `${end} ${missing} A cancellation date ends a line's ARR after that day, even before its end date.`;
}

function renewals(p: Policy): string {
  const grace =
    p.renewalGraceDays === 0
      ? "A renewal keeps a customer's ARR continuous only if it starts the day after the previous line ends; any gap is churn followed by new (or reactivated) ARR."
      : `A later line of the same customer (and product, at product grain) that starts with at most ${days(p.renewalGraceDays)} uncovered after a line ends is a renewal: the gap carries the old rate, with no churn and no new ARR.`;
  let churn: string;
  if (p.churnDate === 'end') churn = 'A line that is not renewed stops counting the day after its end date.';
  else if (p.churnDate === 'grace_end') {
    churn = `A line that is not renewed stops counting the day after its end date plus the grace period (${days(p.renewalGraceDays)}).`;
  } else {
    churn =
      "A line that is not renewed stops counting the day after the customer's notice date where one is given before its end, and otherwise the day after its end date.";
  }
  return `${grace} ${churn}`;
}

function currency(p: Policy): string {
  const cur = p.reportingCurrency;
  let fx: string;
  if (p.fx === 'contract') {
    fx = `Amounts in other currencies are converted to ${cur} at the line's own rate (its fx rate column).`;
  } else if (p.fx === 'fixed') {
    fx = `Amounts in other currencies are converted to ${cur} at one board rate per currency (its undated row in the rates table) on every date, so ARR does not move with exchange rates.`;
  } else {
    fx = `Amounts in other currencies are converted to ${cur} at the rates table's latest rate on or before each date; the bridge shows the effect of rate changes in its FX lane.`;
  }
  const rounding =
    p.rounding === 'half_up'
      ? "Each line's ARR (or a pooled contract's) is converted first and then rounded to the cent once per date, halves away from zero as Excel's ROUND does; totals add up those rounded cents, so they tie to the line listing."
      : "Each line's ARR (or a pooled contract's) is converted first and then rounded to the cent once per date, exact halves going to the even cent (banker's rounding); totals add up those rounded cents, so they tie to the line listing.";
  return `Every figure is reported in ${cur}. ${fx} ${rounding}`;
}

function movements(p: Policy): string {
  const customer =
    p.rollupToParent === 'yes'
      ? 'Customers are rolled up to their parent (the parent column, where given): a logo is a parent customer.'
      : 'A customer is the customer column as given; parents are not rolled up.';
  const grain =
    p.grain === 'customer'
      ? 'Expansion and contraction are measured per customer.'
      : 'Expansion and contraction are measured per customer and product: a new product for an existing customer is expansion, a dropped product of a customer who stays is contraction.';
  const reactivation =
    p.reactivation === 'separate'
      ? 'New and churn are always decided per customer; a customer who comes back after having had ARR before is shown in its own reactivation lane.'
      : 'New and churn are always decided per customer; a customer who comes back after having had ARR before counts as new.';
  const bridge =
    p.bridgeMethod === 'single'
      ? 'A bridge between two dates compares those two dates once.'
      : 'A bridge between two dates is the sum of the month-by-month comparisons between them; it balances the same way, but a customer who moves twice in the period is classified month by month.';
  return `${customer} ${grain} ${reactivation} ${bridge}`;
}

function bands(p: Policy): string {
  const cur = p.reportingCurrency;
  const edges = p.bands;
  const parts = [`under ${grouped(edges[0])}`];
  for (let i = 1; i < edges.length; i++) parts.push(`${grouped(edges[i - 1])} to under ${grouped(edges[i])}`);
  parts.push(`${grouped(edges[edges.length - 1])} and more`);
  return `Net dollar retention by band groups the customers who had ARR at the start of the period by that ARR, in ${cur}: ${parts.join('; ')}.`;
}

function checks(p: Policy): string {
  return (
    `Reconciliations against NetSuite flag a variance above ${grouped(p.reconTolerancePct)}%, read NetSuite dates as ${p.netsuiteDateFormat} and count NetSuite accounts ${p.glRevenueAccounts} as revenue. ` +
    `The data checks flag any single customer whose ARR moves by more than ${grouped(p.anomalyThreshold)} ${p.reportingCurrency}.`
  );
}

/** The policy in plain words, one paragraph per topic. */
export function policyDocument(policy: Policy): string[] {
  return [
    `ARR policy, version ${policy.version} (policy hash ${policyHash(policy)}). This page states how every ARR figure computed under it is defined.`,
    whatCounts(policy),
    annualRate(policy),
    dates(policy),
    renewals(policy),
    currency(policy),
    movements(policy),
    bands(policy),
    checks(policy),
  ];
}
