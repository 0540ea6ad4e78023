/** Display helpers for the pane: money from integer cents, ISO dates. No host or network access. */

/** `USD 1,234,567.89` from cents: thousands separators, two decimals, the currency code first. */
export function formatMoney(cents: number, currency: string): string {
  const negative = cents < 0;
  const abs = Math.abs(Math.round(cents));
  const whole = Math.floor(abs / 100);
  const fraction = String(abs % 100).padStart(2, '0');
  const grouped = String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const text = `${grouped}.${fraction}`;
  return `${currency ? `${currency} ` : ''}${negative ? `(${text})` : text}`;
}

/** Today's date as ISO `yyyy-mm-dd` in the user's local calendar. */
export function todayIso(now: Date = new Date()): string {
  const y = now.getFullYear();
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

/** The last day of the month before `iso` (a sensible default as-of date for month-end reporting). */
export function previousMonthEnd(iso: string): string {
  const [y, m] = iso.split('-').map(Number);
  const end = new Date(Date.UTC(y, m - 1, 0));
  return end.toISOString().slice(0, 10);
}

/** True for a real calendar date written `yyyy-mm-dd`. */
export function isIsoDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const [y, m, d] = text.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** The message of anything thrown (host errors name row and column in their message). */
export function errorMessage(e: unknown): string {
  if (e instanceof Error) return e.message;
  if (typeof e === 'string') return e;
  if (e && typeof e === 'object' && 'message' in e) return String((e as { message: unknown }).message);
  return String(e);
}
