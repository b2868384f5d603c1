// JUnit XML for CI systems without SARIF: a suite per file, a test per finding, a passing test per clean resource.
import type { Finding } from '../types.js';
import { docUrlOf } from './sarif-rules.js';
import type { FormatInput, Formatter } from './types.js';

// XML 1.0 cannot hold most control characters even escaped; they become U+FFFD.
const INVALID_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

export function escapeXml(s: string): string {
  return s.replace(INVALID_XML, '\uFFFD').replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

// Attribute values also keep their line breaks as references, or parsers would normalise them to spaces.
const attr = (s: string): string => escapeXml(s).replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');

interface Case {
  readonly name: string;
  readonly body: string;
  readonly failed: boolean;
  readonly skipped: boolean;
}

const resourceName = (r: { kind: string; namespace: string; name: string }): string =>
  `${r.kind} ${r.namespace ? `${r.namespace}/` : ''}${r.name}`;

function findingCase(f: Finding, docUrl: string | undefined): Case {
  const where = `${f.file}:${f.line}:${f.column}`;
  const name = `${f.ruleId}: ${f.resource ? resourceName(f.resource) : f.file} (${f.line}:${f.column})`;
  const detail = `${f.severity}: ${f.message}\nat ${where}\nrule: ${f.ruleId}${docUrl ? ` (${docUrl})` : ''}`;
  if (f.suppressed) {
    const why = f.suppressed.justification ? `: ${f.suppressed.justification}` : '';
    return { name, body: `<skipped message="${attr(`suppressed by ${f.suppressed.kind}${why}`)}"/>`, failed: false, skipped: true };
  }
  if (f.severity === 'info') return { name, body: `<system-out>${escapeXml(detail)}</system-out>`, failed: false, skipped: false };
  return { name, body: `<failure message="${attr(f.message)}" type="${attr(f.ruleId)}">${escapeXml(detail)}</failure>`, failed: true, skipped: false };
}

function suitesOf(input: FormatInput): Map<string, Case[]> {
  const suites = new Map<string, Case[]>();
  const suite = (file: string): Case[] => {
    let cases = suites.get(file);
    if (!cases) suites.set(file, (cases = []));
    return cases;
  };
  for (const file of input.sources.keys()) suite(file);
  const withFindings = new Set<string>();
  const metas = new Map(input.rules.map((m) => [m.id, m]));
  for (const f of input.findings) {
    const meta = metas.get(f.ruleId);
    suite(f.file).push(findingCase(f, meta ? docUrlOf(meta) : undefined));
    if (f.resource) withFindings.add(`${f.file}\u0000${resourceName(f.resource)}`);
  }
  for (const r of input.resourceList ?? []) {
    if (withFindings.has(`${r.file}\u0000${resourceName(r)}`)) continue;
    suite(r.file).push({ name: resourceName(r), body: '', failed: false, skipped: false });
  }
  return suites;
}

export const junit: Formatter = (input) => {
  const suites = [...suitesOf(input)].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const count = (cases: readonly Case[], key: 'failed' | 'skipped'): number => cases.filter((c) => c[key]).length;
  const all = suites.flatMap(([, cases]) => cases);
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="istio-lint" tests="${all.length}" failures="${count(all, 'failed')}" errors="0" skipped="${count(all, 'skipped')}">`,
  ];
  for (const [file, cases] of suites) {
    out.push(`  <testsuite name="${attr(file)}" tests="${cases.length}" failures="${count(cases, 'failed')}" errors="0" skipped="${count(cases, 'skipped')}">`);
    for (const c of cases) {
      const open = `    <testcase classname="${attr(file)}" name="${attr(c.name)}" file="${attr(file)}" time="0"`;
      out.push(c.body ? `${open}>\n      ${c.body}\n    </testcase>` : `${open}/>`);
    }
    out.push('  </testsuite>');
  }
  out.push('</testsuites>');
  return out.join('\n') + '\n';
};
