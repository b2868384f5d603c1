// How rule messages name lists and values: "a, b and 3 more", `"value"`. Positions ("sidecar.yaml:12") are the
// engine's: rules get them from ctx.where / ctx.ref.

/** "a", "a and b", "a, b and c", "a, b, c and 2 more". */
export function listOf(items: readonly string[], max = 3): string {
  return listOfFirst(items.slice(0, max), items.length, max);
}

/** listOf for a list of which only the first `max` items were written out (the others are only counted). */
export function listOfFirst(shown: readonly string[], total: number, max = 3): string {
  if (total <= 1) return shown[0] ?? '';
  shown = shown.slice(0, max);
  const rest = total - shown.length;
  if (rest > 0) return `${shown.join(', ')} and ${rest} more`;
  return `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
}

/** `"value"` as JSON quotes it, so that spaces and empty strings stay visible. */
export function quote(v: unknown): string {
  return JSON.stringify(v) ?? String(v);
}
