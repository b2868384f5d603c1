// Selectors in custom rules: globs where "!glob" excludes, exact-valued label maps, ports and verdict lists.
import picomatch from 'picomatch';
import type { Labels } from '../model/types.js';
import { listOf, type LabelsSpec, type SelectorSpec } from './types.js';

export type Predicate<T> = (value: T) => boolean;

/** Matches when some plain glob matches (or there is none) and no "!" glob does; absent selects everything. */
export function globSelector(spec: SelectorSpec | undefined): Predicate<string> {
  const { include, exclude } = split(listOf(spec));
  const inc = include.map((g) => picomatch(g, { dot: true }));
  const exc = exclude.map((g) => picomatch(g, { dot: true }));
  return (value) => (inc.length === 0 || inc.some((m) => m(value))) && !exc.some((m) => m(value));
}

/** The same rule for exact values (ports, verdicts): "80" or "!80". */
export function valueSelector(spec: readonly (string | number)[]): Predicate<string> {
  const { include, exclude } = split(spec.map(String));
  return (value) => (include.length === 0 || include.includes(value)) && !exclude.includes(value);
}

function split(items: readonly string[]): { include: string[]; exclude: string[] } {
  const include: string[] = [];
  const exclude: string[] = [];
  for (const s of items) (s.startsWith('!') ? exclude : include).push(s.replace(/^!/, ''));
  return { include, exclude };
}

/** Every listed label present with that exact value, as a Kubernetes equality selector. */
export function labelSelector(spec: LabelsSpec | undefined): Predicate<Labels> {
  const wanted = Object.entries(spec ?? {}).map(([k, v]) => [k, String(v)] as const);
  return (labels) => wanted.every(([k, v]) => labels[k] === v);
}

/** Human text of a selector, for docs: "payments, istio-system" / "anything but foo". */
export function describeSelector(spec: readonly (string | number)[]): string {
  const { include, exclude } = split(spec.map(String));
  const inc = include.join(' or ');
  const exc = exclude.join(' or ');
  if (!exc) return inc;
  return inc ? `${inc} but not ${exc}` : `anything but ${exc}`;
}
