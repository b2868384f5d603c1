// From a JSON path to the YAML node that holds it, through aliases and `<<` merge keys.
import { isAlias, isMap, isPair, isScalar, isSeq, type Document, type Node, type Pair } from 'yaml';

export type AnyNode = Node | null | undefined;

export function resolveNode(node: unknown, doc: Document): AnyNode {
  let cur = node;
  for (let hops = 0; isAlias(cur) && hops < 100; hops++) cur = cur.resolve(doc);
  return isAlias(cur) ? undefined : (cur as AnyNode);
}

export function nodeRange(node: AnyNode): [number, number] | undefined {
  const r = node?.range;
  return r ? [r[0], r[1]] : undefined;
}

export function isMergeKey(key: unknown): boolean {
  return isScalar(key) && typeof key.value === 'symbol';
}

function keyText(key: unknown): string | undefined {
  if (isScalar(key)) return typeof key.value === 'symbol' ? undefined : String(key.value);
  return undefined;
}

/**
 * The key and value nodes of `seg` under `node`. A key written in the mapping wins; otherwise the merged
 * mappings are searched in order, as YAML 1.1 merge keys (and Kubernetes' YAML decoder) define.
 */
export function child(node: AnyNode, seg: string | number, doc: Document): { key?: AnyNode; value: AnyNode } | undefined {
  if (isSeq(node) && typeof seg === 'number') {
    const v = node.items[seg];
    return v === undefined ? undefined : { value: resolveNode(v, doc) };
  }
  if (!isMap(node)) return undefined;
  const wanted = String(seg);
  const seen = new Set<unknown>();
  const queue: unknown[] = [node];
  // Breadth-first over merge sources; `seen` stops merge cycles and bounds the work.
  while (queue.length) {
    const map = queue.shift();
    if (!isMap(map) || seen.has(map)) continue;
    seen.add(map);
    const merges: unknown[] = [];
    let found: Pair | undefined;
    for (const item of map.items as unknown[]) {
      if (!isPair(item)) continue;
      const pair = item as Pair;
      if (isMergeKey(pair.key)) {
        const src = resolveNode(pair.value, doc);
        if (isSeq(src)) merges.push(...src.items.map((i) => resolveNode(i, doc)));
        else merges.push(src);
        continue;
      }
      // The last of duplicate keys is the value that is read, so it is the one to point at.
      if (keyText(pair.key) === wanted) found = pair;
    }
    if (found) return { key: found.key as AnyNode, value: resolveNode(found.value, doc) };
    queue.push(...merges);
  }
  return undefined;
}

/** [start, end] of the node at `jsonPath` in `doc`, or of its nearest existing ancestor. */
export function locateIn(doc: Document, jsonPath: readonly (string | number)[], target: 'key' | 'value'): [number, number] {
  let node = resolveNode(doc.contents, doc);
  let best = nodeRange(node) ?? [doc.range?.[0] ?? 0, doc.range?.[0] ?? 0];
  for (let i = 0; i < jsonPath.length; i++) {
    const next = child(node, jsonPath[i]!, doc);
    if (!next) break;
    const last = i === jsonPath.length - 1;
    const r = last && target === 'key' && next.key ? nodeRange(next.key) : (nodeRange(next.value) ?? nodeRange(next.key));
    if (r) best = r;
    node = next.value;
  }
  return best;
}
