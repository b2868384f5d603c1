// SARIF reportingDescriptors for rules: what GitHub code scanning shows beside an alert (help, tags, severity).
import type { ReportingDescriptor } from 'sarif';
import type { RuleMeta } from '../rule.js';
import type { Severity } from '../types.js';

/** The project's home; rule docs live under docs/rules/ there. The one place this address is written. */
export const REPOSITORY_URL = 'https://github.com/istio-lint/istio-lint';

export const ruleDocUrl = (id: string): string => `${REPOSITORY_URL}/blob/main/docs/rules/${id}.md`;

/** Built-in rules have a page in the repository; custom rules (tagged "custom") have none. */
export const docUrlOf = (meta: RuleMeta): string | undefined => (meta.tags?.includes('custom') ? undefined : ruleDocUrl(meta.id));

/** A score for rules tagged "security" without their own securitySeverity (custom rules, mostly). */
const SCORE_BY_SEVERITY: Readonly<Record<Severity, number>> = { error: 7, warning: 5, info: 3 };

export const SARIF_LEVEL: Readonly<Record<Severity, 'error' | 'warning' | 'note'>> = { error: 'error', warning: 'warning', info: 'note' };
const PROBLEM_SEVERITY: Readonly<Record<Severity, string>> = { error: 'error', warning: 'warning', info: 'recommendation' };

// GitHub's limits: name ≤ 255, descriptions ≤ 1024 characters, ≤ 20 tags per rule.
const MAX_NAME = 255;
const MAX_DESCRIPTION = 1024;
const MAX_TAGS = 20;

const clip = (s: string, max: number): string => (s.length <= max ? s : `${s.slice(0, max - 1)}…`);
const sentence = (s: string): string => (/[.!?]$/.test(s.trim()) ? s.trim() : `${s.trim()}.`);
const pascalOf = (id: string): string => id.replace(/(^|[-_/.])([a-zA-Z0-9])/g, (_, _sep: string, c: string) => c.toUpperCase()).replace(/[^A-Za-z0-9]/g, '');
// SARIF wants a friendly name that differs from the id even in case (validator SARIF1001): "schema" → "SchemaRule".
const pascal = (id: string): string => {
  const name = pascalOf(id);
  return name.toLowerCase() === id.toLowerCase() ? `${name}Rule` : name;
};

export function isSecurityRule(meta: RuleMeta): boolean {
  return meta.securitySeverity !== undefined || (meta.tags ?? []).includes('security');
}

function helpText(meta: RuleMeta): string {
  const parts = [sentence(meta.description), `Why: ${sentence(meta.rationale)}`, `Fix: ${sentence(meta.remediation)}`];
  if (meta.example) parts.push(`Example:\n${meta.example.trimEnd()}`);
  if (meta.peers?.length) parts.push(`Same check elsewhere: ${meta.peers.join(', ')}.`);
  const url = docUrlOf(meta);
  if (url) parts.push(`Documentation: ${url}`);
  return parts.join('\n\n');
}

function helpMarkdown(meta: RuleMeta): string {
  const parts = [`**${sentence(meta.description)}**`, sentence(meta.rationale), `#### How to fix\n\n${sentence(meta.remediation)}`];
  if (meta.example) parts.push(`#### Example\n\n\`\`\`yaml\n${meta.example.trimEnd()}\n\`\`\``);
  if (meta.peers?.length) parts.push(`Same check elsewhere: ${meta.peers.map((p) => `\`${p}\``).join(', ')}.`);
  const url = docUrlOf(meta);
  if (url) parts.push(`[Rule documentation](${url})`);
  return parts.join('\n\n');
}

export function ruleDescriptor(meta: RuleMeta): ReportingDescriptor {
  const security = isSecurityRule(meta);
  const tags = [...new Set(['istio', ...(meta.tags ?? []), ...(security ? ['security'] : [])])].slice(0, MAX_TAGS);
  const properties: Record<string, unknown> = {
    tags,
    precision: meta.precision ?? 'high',
    'problem.severity': PROBLEM_SEVERITY[meta.severity],
  };
  // GitHub reads the score as a string ("7.0").
  if (security) properties['security-severity'] = (meta.securitySeverity ?? SCORE_BY_SEVERITY[meta.severity]).toFixed(1);
  const url = docUrlOf(meta);
  return {
    id: meta.id,
    name: clip(pascal(meta.id), MAX_NAME),
    shortDescription: { text: clip(sentence(meta.description), MAX_DESCRIPTION) },
    fullDescription: { text: clip([meta.description, meta.rationale].filter(Boolean).map(sentence).join(' '), MAX_DESCRIPTION) },
    help: { text: helpText(meta), markdown: helpMarkdown(meta) },
    ...(url ? { helpUri: url } : {}),
    defaultConfiguration: { level: SARIF_LEVEL[meta.severity] },
    properties,
  };
}

/** For a finding whose rule is not in the list (should not happen; never drop the result for it). */
export function unknownRuleDescriptor(id: string): ReportingDescriptor {
  return {
    id,
    name: clip(pascal(id), MAX_NAME),
    shortDescription: { text: `Findings of rule ${id}.` },
    fullDescription: { text: `Findings of rule ${id}, which has no metadata in this version of istio-lint.` },
    help: { text: `Rule ${id}.`, markdown: `Rule \`${id}\`.` },
    defaultConfiguration: { level: 'warning' },
    properties: { tags: ['istio'], precision: 'high', 'problem.severity': 'warning' },
  };
}
