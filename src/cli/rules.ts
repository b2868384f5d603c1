// `istio-lint rules` lists the rules; `istio-lint explain ID` prints one rule's documentation.
import { BUILTIN_RULES } from '../registry.js';
import type { RuleMeta } from '../rule.js';
import { parse } from './args.js';
import { UsageError, type Io } from './io.js';

export function ruleMarkdown(meta: RuleMeta): string {
  const lines = [
    `# ${meta.id}`,
    '',
    `${meta.description}.`,
    '',
    `- Default severity: **${meta.severity}**`,
    ...(meta.peers?.length ? [`- Peer checks: ${meta.peers.join(', ')}`] : []),
    '',
    '## Why',
    '',
    meta.rationale,
    '',
    '## How to fix',
    '',
    meta.remediation,
  ];
  if (meta.example) lines.push('', '## Example', '', '```yaml', meta.example.trimEnd(), '```');
  lines.push('', '## Turning it off', '', '```yaml', '# .istio-lint.yaml', 'rules:', `  ${meta.id}: off`, '```', '');
  return lines.join('\n');
}

export function rulesTable(metas: readonly RuleMeta[]): string {
  const rows = metas.map((m) => `| [\`${m.id}\`](docs/rules/${m.id}.md) | ${m.severity} | ${m.description} | ${m.peers?.join(', ') || '—'} |`);
  return ['| id | default | what it flags | peers |', '|---|---|---|---|', ...rows].join('\n') + '\n';
}

export function runRules(argv: readonly string[], io: Io, metas: readonly RuleMeta[] = BUILTIN_RULES.map((r) => r.meta)): number {
  const { values } = parse(argv, { format: { type: 'string', short: 'f' }, help: { type: 'boolean', short: 'h' } });
  if (values.help) {
    io.stdout('Usage: istio-lint rules [--format table|json|markdown]\n');
    return 0;
  }
  const format = values.format ?? 'table';
  if (format === 'json') {
    io.stdout(JSON.stringify(metas, null, 2) + '\n');
  } else if (format === 'markdown') {
    io.stdout(rulesTable(metas));
  } else if (format === 'table') {
    const w = Math.max(...metas.map((m) => m.id.length));
    for (const m of metas) io.stdout(`${m.id.padEnd(w)}  ${m.severity.padEnd(7)}  ${m.description}\n`);
  } else {
    throw new UsageError(`--format: expected table, json or markdown, got ${JSON.stringify(format)}`);
  }
  return 0;
}

export function runExplain(argv: readonly string[], io: Io, metas: readonly RuleMeta[] = BUILTIN_RULES.map((r) => r.meta)): number {
  const { positionals } = parse(argv, { help: { type: 'boolean', short: 'h' } });
  if (positionals.length !== 1) throw new UsageError('usage: istio-lint explain RULE-ID');
  const meta = metas.find((m) => m.id === positionals[0]);
  if (!meta) throw new UsageError(`unknown rule ${JSON.stringify(positionals[0])} (istio-lint rules lists them)`);
  io.stdout(ruleMarkdown(meta));
  return 0;
}
