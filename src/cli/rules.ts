// `istio-lint rules` lists the rules; `istio-lint explain ID` prints one rule's documentation.
import { rulesFor } from '../custom/cli.js';
import type { RuleMeta } from '../rule.js';
import { INPUT_OPTIONS, parse, RULES_OPTIONS } from './args.js';
import { resolveConfig } from './inputs.js';
import { builtinExampleOutput } from './rule-example.js';
import { UsageError, type Io } from './io.js';

/** A peer code as a Markdown link where the peer documents it (istioctl's IST codes). */
function peerLink(code: string): string {
  if (/^IST\d{4}$/.test(code)) return `[${code}](https://istio.io/latest/docs/reference/config/analysis/${code.toLowerCase()}/)`;
  return code;
}

/** What a precision other than the usual "high" tells the reader (RuleMeta.precision, SARIF's property). */
const PRECISION_NOTE: Readonly<Record<NonNullable<RuleMeta['precision']>, string>> = {
  'very-high': 'the finding is certain',
  high: 'findings are rarely wrong',
  medium: 'the finding assumes that the input holds every related resource',
  low: 'review each finding',
};

/**
 * One rule's documentation. `exampleOutput` is what running istio-lint on the example prints
 * (see rule-docs.ts); it is shown under the example so the docs cannot drift from the rule.
 */
export function ruleMarkdown(meta: RuleMeta, exampleOutput?: string): string {
  const peers = meta.peers?.length ? meta.peers.map(peerLink).join(', ') : undefined;
  const lines = [
    `# ${meta.id}`,
    '',
    `${meta.description.charAt(0).toUpperCase()}${meta.description.slice(1)}.`,
    '',
    `- Default severity: **${meta.severity}**`,
    ...(meta.precision && meta.precision !== 'high' ? [`- Precision: **${meta.precision}** (${PRECISION_NOTE[meta.precision]})`] : []),
    ...(meta.kinds?.length ? [`- Checks: ${meta.kinds.join(', ')}`] : []),
    ...(peers ? [`- Same check in other tools: ${peers}`] : []),
    '',
    '## Why',
    '',
    meta.rationale,
    '',
    '## How to fix',
    '',
    meta.remediation,
  ];
  if (meta.example) {
    lines.push('', '## Example', '', '```yaml', meta.example.trimEnd(), '```');
    if (exampleOutput !== undefined) lines.push('', '`istio-lint example.yaml` reports:', '', '```text', exampleOutput.trimEnd(), '```');
  }
  lines.push(
    '',
    '## Configuration',
    '',
    'Change the severity, or turn the rule off, in `.istio-lint.yaml` (or with `--rule ' + meta.id + '=off`):',
    '',
    '```yaml',
    'rules:',
    `  ${meta.id}: off`,
    '```',
    '',
    meta.kinds?.length
      ? `To silence one finding, annotate the resource with \`istio-lint.io/ignore: "${meta.id}"\` or add \`# istio-lint-disable-next-line ${meta.id} -- reason\` above the line.`
      : `To silence one finding, add \`# istio-lint-disable-next-line ${meta.id} -- reason\` above the line.`,
    '',
  );
  return lines.join('\n');
}

export function rulesTable(metas: readonly RuleMeta[]): string {
  // Custom rules have no page under docs/rules; `istio-lint explain ID` prints theirs.
  const rows = metas.map((m) => `| ${m.tags?.includes('custom') ? `\`${m.id}\`` : `[\`${m.id}\`](docs/rules/${m.id}.md)`} | ${m.severity} | ${m.description} | ${m.peers?.join(', ') || '—'} |`);
  return ['| id | default | what it flags | peers |', '|---|---|---|---|', ...rows].join('\n') + '\n';
}

const LIST_OPTIONS = {
  ...RULES_OPTIONS,
  config: INPUT_OPTIONS.config,
  'no-config': INPUT_OPTIONS['no-config'],
  help: { type: 'boolean', short: 'h' },
} as const;

/** Built-in rules plus the custom rules of the config file and --rules-file. */
function metasOf(io: Io, values: { config?: string; 'no-config'?: boolean; 'rules-file'?: string[] }): RuleMeta[] {
  const config = resolveConfig(io, { config: values.config, noConfig: values['no-config'] === true });
  return rulesFor(io.cwd, config, values['rules-file']).map((r) => r.meta);
}

export function runRules(argv: readonly string[], io: Io, given?: readonly RuleMeta[]): number {
  const { values } = parse(argv, { ...LIST_OPTIONS, format: { type: 'string', short: 'f' } });
  if (values.help) {
    io.stdout('Usage: istio-lint rules [--format table|json|markdown] [--config FILE | --no-config] [--rules-file FILE]\n');
    return 0;
  }
  const metas = given ?? metasOf(io, values);
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

export function runExplain(argv: readonly string[], io: Io, given?: readonly RuleMeta[]): number {
  const { values, positionals } = parse(argv, LIST_OPTIONS);
  if (values.help) {
    io.stdout('Usage: istio-lint explain RULE-ID [--config FILE | --no-config] [--rules-file FILE]\n');
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError('usage: istio-lint explain RULE-ID');
  const metas = given ?? metasOf(io, values);
  const meta = metas.find((m) => m.id === positionals[0]);
  if (!meta) throw new UsageError(`unknown rule ${JSON.stringify(positionals[0])} (istio-lint rules lists them)`);
  io.stdout(ruleMarkdown(meta, builtinExampleOutput(meta)));
  return 0;
}
