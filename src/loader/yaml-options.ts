// How manifests are read as YAML: one definition for the `yaml` path (parse.ts) and the fast path (fast-parse.ts).
import type { Tags } from 'yaml';

// YAML 1.1 as Kubernetes reads it (yes/no booleans, merge keys), minus the types that are not JSON: kubectl
// keeps timestamps and `1:20` as strings, and Date, Set, Map or bytes would surprise every reader downstream.
const NOT_JSON = new Set(['timestamp', 'binary', 'omap', 'pairs', 'set'].map((t) => `tag:yaml.org,2002:${t}`));
const jsonTags = (tags: Tags): Tags => tags.filter((t) => !(typeof t === 'object' && (NOT_JSON.has(t.tag) || t.format === 'TIME')));
// logLevel 'error': the library must not print warnings on stderr; every problem is a finding instead.
export const YAML_OPTIONS = { version: '1.1', merge: true, uniqueKeys: false, customTags: jsonTags, logLevel: 'error' } as const;
