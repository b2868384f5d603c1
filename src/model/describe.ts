// How rule messages name other resources and lists: "Sidecar foo/b (sidecar.yaml:12)", "a, b and 3 more".
import type { JsonPath } from '../json.js';
import type { Manifest } from '../types.js';

/**
 * "file:line" of a node of a resource (its metadata.name by default), for messages that point elsewhere;
 * "line N" when the message is about a resource in the same file (`from`).
 */
export function whereOf(m: Manifest, path: JsonPath = ['metadata', 'name'], from?: Manifest): string {
  const line = m.source.locate(m.docIndex, [...m.basePath, ...path]).start.line;
  return from && from.source === m.source ? `line ${line}` : `${m.source.path}:${line}`;
}

/** "Sidecar foo/b (sidecar.yaml:12)", or "Sidecar foo/b (line 12)" from a resource in the same file. */
export function refOf(m: Manifest, from?: Manifest): string {
  const id = m.namespace ? `${m.namespace}/${m.name}` : m.name;
  return `${m.kind} ${id} (${whereOf(m, ['metadata', 'name'], from)})`;
}

/** "a", "a and b", "a, b and c", "a, b, c and 2 more". */
export function listOf(items: readonly string[], max = 3): string {
  if (items.length <= 1) return items[0] ?? '';
  const shown = items.slice(0, max);
  const rest = items.length - shown.length;
  if (rest > 0) return `${shown.join(', ')} and ${rest} more`;
  return `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
}

/** `"value"` as JSON quotes it, so that spaces and empty strings stay visible. */
export function quote(v: unknown): string {
  return JSON.stringify(v) ?? String(v);
}
