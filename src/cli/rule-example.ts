// The output istio-lint really prints for a rule's documented example, for `explain` and the generated docs.
import { lint, parseInputs } from '../engine.js';
import { stylish } from '../formatters/stylish.js';
import { BUILTIN_RULES } from '../registry.js';
import type { Rule, RuleMeta } from '../rule.js';

export const EXAMPLE_FILE = 'example.yaml';

/** What `istio-lint example.yaml` prints for the rule's example when only this rule runs (no colour). */
export function exampleOutput(rule: Rule): string | undefined {
  if (!rule.meta.example || !rule.check) return undefined;
  const files = parseInputs([{ path: EXAMPLE_FILE, text: rule.meta.example }], 'default');
  const result = lint(files, { rules: [rule], ruleSettings: {}, defaultNamespace: 'default', assumeInjected: true, meshLayers: [] });
  return stylish({
    findings: result.findings,
    files: result.files,
    resources: result.resources,
    rules: [rule.meta],
    sources: new Map(files.map((f) => [f.source.path, f.source])),
    color: false,
    version: '',
    cwd: '/',
  });
}

/** The example output of a built-in rule given its metadata; undefined for custom rules and rules without example. */
export function builtinExampleOutput(meta: RuleMeta): string | undefined {
  const rule = BUILTIN_RULES.find((r) => r.meta === meta);
  return rule ? exampleOutput(rule) : undefined;
}
