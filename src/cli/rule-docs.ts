// Rule documentation generated from rule metadata: a docs/rules/<id>.md page per rule, with the output istio-lint
// really prints for the rule's example, and the rules table of the README. `npm run docs` writes both;
// test/docs.test.ts regenerates them in memory and fails when the committed files differ.
import type { Rule } from '../rule.js';
import { exampleOutput } from './rule-example.js';
import { ruleMarkdown, rulesTable } from './rules.js';

export const README_START = '<!-- rules:start -->';
export const README_END = '<!-- rules:end -->';

/** Repository-relative path → content of every rule page. */
export function ruleDocs(rules: readonly Rule[]): Map<string, string> {
  return new Map(rules.map((r) => [`docs/rules/${r.meta.id}.md`, ruleMarkdown(r.meta, exampleOutput(r))]));
}

/** The README with its rules table (between the markers) regenerated; throws when the markers are missing. */
export function readmeWithRules(readme: string, rules: readonly Rule[]): string {
  const start = readme.indexOf(README_START);
  const end = readme.indexOf(README_END);
  if (start < 0 || end < start) throw new Error(`README.md: expected ${README_START} … ${README_END} around the rules table`);
  const table = rulesTable(rules.map((r) => r.meta));
  return `${readme.slice(0, start + README_START.length)}\n${table}${readme.slice(end)}`;
}
