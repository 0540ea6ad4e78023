/** Close matches of a name among known names, for "unknown customer" messages. */

/** Levenshtein distance, giving up (returning limit + 1) once it exceeds `limit`. */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      if (v < best) best = v;
    }
    if (best > limit) return limit + 1;
    prev = cur;
  }
  return prev[b.length];
}

/**
 * Up to `max` names close to `text`, closest first (ties in sorted order): the same name in another
 * case or spacing first, then by edit distance: names containing it or contained in it (at any
 * distance, their length difference) and names within a few edits (at most 2, or a third of the
 * name's length when longer).
 */
export function closeMatches(text: string, names: Iterable<string>, max = 5): string[] {
  const t = text.trim().toLowerCase();
  const squash = (s: string) => s.toLowerCase().replace(/[\s_.,-]+/g, '');
  const ts = squash(text);
  const limit = Math.max(2, Math.floor(t.length / 3));
  const scored: { name: string; score: number }[] = [];
  for (const name of new Set(names)) {
    const n = name.toLowerCase();
    let score: number;
    if (n === t || (ts !== '' && squash(name) === ts)) score = 0;
    else if (t !== '' && n !== '' && (n.includes(t) || t.includes(n)))
      score = 1 + Math.abs(n.length - t.length);
    else {
      const d = editDistance(t, n, limit);
      if (d > limit) continue;
      score = 1 + d;
    }
    scored.push({ name, score });
  }
  scored.sort((a, b) => a.score - b.score || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return scored.slice(0, max).map((s) => s.name);
}
