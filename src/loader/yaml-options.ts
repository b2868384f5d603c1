// How manifests are read as YAML: one definition for the `yaml` path (parse.ts) and the fast path (fast-parse.ts).
import type { ScalarTag, Tags } from 'yaml';

// YAML 1.1 as Kubernetes reads it (yes/no booleans, merge keys), minus the types that are not JSON: kubectl
// keeps timestamps and `1:20` as strings, and Date, Set, Map or bytes would surprise every reader downstream.
const NOT_JSON = new Set(['timestamp', 'binary', 'omap', 'pairs', 'set'].map((t) => `tag:yaml.org,2002:${t}`));
const NUMBERS = new Set(['int', 'float'].map((t) => `tag:yaml.org,2002:${t}`));
// go-yaml (kubectl) only reads a plain scalar as a number when it has a digit past the sign and radix prefix: `.`
// (as in `exportTo: [.]`), `e5`, `0x_` stay strings, `0_` is 0. The `yaml` 1.1 tags would read them as NaN.
const NO_DIGITS = '(?![-+]?(?:0[xb])?[._]*(?:[eE]|$))';
const OCT_NO_DIGITS = '(?![-+]?0_*$)';
const needDigits = (t: ScalarTag): ScalarTag =>
  t.test && NUMBERS.has(t.tag)
    ? { ...t, test: new RegExp(`^${NO_DIGITS}${t.format === 'OCT' ? OCT_NO_DIGITS : ''}(?:${t.test.source})`, t.test.flags) }
    : t;
const jsonTags = (tags: Tags): Tags =>
  tags
    .filter((t) => !(typeof t === 'object' && (NOT_JSON.has(t.tag) || t.format === 'TIME')))
    .map((t) => (typeof t === 'object' && !('collection' in t && t.collection) ? needDigits(t as ScalarTag) : t));
// logLevel 'error': the library must not print warnings on stderr; every problem is a finding instead.
export const YAML_OPTIONS = { version: '1.1', merge: true, uniqueKeys: false, customTags: jsonTags, logLevel: 'error' } as const;
