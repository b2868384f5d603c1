// Label selectors as Istio and Kubernetes apply them.
import type { Labels } from './types.js';

/** True when every selector label is on the object with the same value; an empty selector matches everything. */
export function selectorMatches(selector: Labels, labels: Labels): boolean {
  for (const k of Object.keys(selector)) {
    if (labels[k] !== selector[k]) return false;
  }
  return true;
}

export function formatLabels(labels: Labels): string {
  return Object.keys(labels)
    .sort()
    .map((k) => `${k}=${labels[k]}`)
    .join(',');
}
