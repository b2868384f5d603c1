// "Did you mean …?": the nearest candidate by edit distance, for messages that suggest a fix.

/** Levenshtein distance, bounded: returns max + 1 as soon as the distance must exceed `max`. */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > max) return max + 1;
    prev = cur;
  }
  return prev[b.length]!;
}

/**
 * The candidate closest to `word` within `max` edits (default: a third of its length, at most 3), ties broken
 * alphabetically so that messages are deterministic; undefined when none is close or `word` itself is a candidate.
 */
export function closest(word: string, candidates: Iterable<string>, max = Math.min(3, Math.floor(word.length / 3))): string | undefined {
  let best: string | undefined;
  let bestD = max + 1;
  for (const c of candidates) {
    if (c === word) return undefined;
    const d = editDistance(word, c, max);
    if (d < bestD || (d === bestD && best !== undefined && c < best)) {
      best = c;
      bestD = d;
    }
  }
  return bestD <= max ? best : undefined;
}
