// Why a label selector matches nothing among some labelled objects: which label is the culprit, and what is there.
import type { Labels } from './types.js';

export interface SelectorMiss {
  /** The selector key to point at. */
  readonly key: string;
  /** 'value': objects carry the key with other values; 'key': no object carries the key; 'combination': each pair exists, not together. */
  readonly reason: 'value' | 'key' | 'combination';
  /** Distinct values of `key` among the objects, sorted. */
  readonly values: readonly string[];
}

export function explainMiss(selector: Labels, objects: readonly Labels[]): SelectorMiss | undefined {
  const keys = Object.keys(selector);
  if (!keys.length) return undefined;
  const valuesOf = (k: string): string[] => [...new Set(objects.flatMap((o) => (o[k] !== undefined ? [o[k]!] : [])))].sort();
  for (const k of keys) {
    if (objects.some((o) => o[k] === selector[k])) continue;
    const values = valuesOf(k);
    return { key: k, reason: values.length ? 'value' : 'key', values };
  }
  return { key: keys[0]!, reason: 'combination', values: valuesOf(keys[0]!) };
}
