// Words for a label selector that picks nothing in its namespace (selector-no-match, service-no-endpoints).
import { listOf, quote } from '../model/describe.js';
import { formatLabels } from '../model/labels.js';
import type { SelectorMiss } from '../model/selector-miss.js';
import type { Labels } from '../model/types.js';

/** `no workload in namespace bar has app=x (values there: "a", "b")`, `… has a label "k"`, `… has all of a=1,b=2 at once`. */
export function noMatchClause(miss: SelectorMiss, selector: Labels, namespace: string): string {
  const none = `no workload in namespace ${namespace} has`;
  if (miss.reason === 'value') return `${none} ${miss.key}=${selector[miss.key]} (values there: ${listOf(miss.values.map((v) => quote(v)), 5)})`;
  if (miss.reason === 'key') return `${none} a label ${quote(miss.key)}`;
  return `${none} all of ${formatLabels(selector)} at once`;
}
