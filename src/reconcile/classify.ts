/**
 * What a NetSuite line is to the reconciliation (docs/reconcile.md, "The two sides"):
 * - whether its account is a revenue account: its number matches the revenue-account patterns
 *   (default `4*`, the 4xxxx range), or, with the default patterns, its account type is Income;
 * - its revenue category: one-time / services or usage when its item (else its account) names one,
 *   recurring otherwise.
 */
import { CAT_ONE_TIME, CAT_RECURRING, CAT_USAGE } from './contract.js';

export const DEFAULT_REVENUE_ACCOUNTS = '4*';

const ONE_TIME =
  /\b(services?|implementation|implement|setup|set-up|set up|onboarding|training|consulting|consultancy|professional|installation|one[- ]time|non[- ]recurring)\b/i;
const USAGE = /\b(usage|overages?|consumption|metered|pay[- ]as[- ]you[- ]go)\b/i;

/** The revenue category of a line from its item, else its account name. */
export function categoryOf(item: string, account: string): number {
  for (const text of [item, account]) {
    if (!text) continue;
    if (USAGE.test(text)) return CAT_USAGE;
    if (ONE_TIME.test(text)) return CAT_ONE_TIME;
    if (item) break; // an item names the category alone; the account only when there is no item
  }
  return CAT_RECURRING;
}

/** The leading account number of `4000 Subscription Revenue` or `Revenue : 4000 Subscriptions`, or ''. */
export function accountNumber(account: string): string {
  const leaf = account.split(' : ').pop() ?? account;
  const m = /^\s*(\d[\d.-]*)/.exec(leaf) ?? /^\s*(\d[\d.-]*)/.exec(account);
  return m ? m[1].replace(/[.-]/g, '') : '';
}

export interface RevenueAccounts {
  /** Patterns: `4*` (a prefix), `40000-49999` (a range of numbers), `4000` (one account). */
  patterns: { prefix?: string; lo?: number; hi?: number; exact?: string }[];
  /** Whether an account of type Income counts whatever its number (the default setting). */
  incomeType: boolean;
  text: string;
}

/** Reads the revenue-account setting: comma-separated patterns. Returns an error message for a bad one. */
export function parseRevenueAccounts(text: string): RevenueAccounts | string {
  const patterns: RevenueAccounts['patterns'] = [];
  for (const raw of text.split(',')) {
    const p = raw.trim();
    if (p === '') continue;
    let m = /^(\d+)\*$/.exec(p);
    if (m) {
      patterns.push({ prefix: m[1] });
      continue;
    }
    m = /^(\d+)\s*-\s*(\d+)$/.exec(p);
    if (m) {
      patterns.push({ lo: Number(m[1]), hi: Number(m[2]) });
      continue;
    }
    if (/^\d+$/.test(p)) {
      patterns.push({ exact: p });
      continue;
    }
    return `${JSON.stringify(p)} is not an account pattern; use a prefix (4*), a range (40000-49999) or a number (4000), comma separated`;
  }
  if (patterns.length === 0) return 'no account pattern given; the default is 4* (the 4xxxx range)';
  return { patterns, incomeType: text.replace(/\s/g, '') === DEFAULT_REVENUE_ACCOUNTS, text };
}

export function isRevenueAccount(account: string, accountType: string, setting: RevenueAccounts): boolean {
  if (setting.incomeType && /^\s*income\s*$/i.test(accountType)) return true;
  const n = accountNumber(account);
  if (n === '') return false;
  for (const p of setting.patterns) {
    if (p.prefix !== undefined && n.startsWith(p.prefix)) return true;
    if (p.exact !== undefined && n === p.exact) return true;
    if (p.lo !== undefined && p.hi !== undefined && Number(n) >= p.lo && Number(n) <= p.hi) return true;
  }
  return false;
}
