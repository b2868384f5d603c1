// Message templates: "{{kind}} {{namespace}}/{{name}} …" filled from a fixed set of names; nothing else is evaluated.
import type { JsonPath } from '../json.js';
import { RuleDataError } from './types.js';

export const STRUCTURAL_VARIABLES = ['id', 'severity', 'description', 'kind', 'apiVersion', 'namespace', 'name', 'path', 'property', 'value', 'error'] as const;
export const REACH_VARIABLES = [
  'id', 'severity', 'description', 'kind', 'namespace', 'name',
  'from', 'workload', 'to', 'host', 'port', 'verdict', 'expected', 'reason', 'sidecar', 'error',
] as const;

export type Template<V extends string> = (vars: Readonly<Record<V, string>>) => string;

const PLACEHOLDER = /\{\{\s*([A-Za-z]+)\s*\}\}/g;

export function compileTemplate<V extends string>(text: string, variables: readonly V[], where: JsonPath): Template<V> {
  for (const m of text.matchAll(PLACEHOLDER)) {
    if (!(variables as readonly string[]).includes(m[1]!)) {
      throw new RuleDataError(where, `unknown placeholder {{${m[1]}}} (known: ${variables.map((v) => `{{${v}}}`).join(' ')})`);
    }
  }
  return (vars) => text.replace(PLACEHOLDER, (_, name: string) => vars[name as V]);
}
