// `istio-lint report [paths]`: the reachability matrix (or one workload's predicted proxy config).
import { resolve } from 'node:path';
import { rulesFor } from '../custom/rules-for.js';
import { lint, modelOf, type LintResult } from '../engine.js';
import { display } from '../loader/discover.js';
import type { Mesh } from '../model/types.js';
import type { Rule } from '../rule.js';
import { formatDot } from '../reach/format-dot.js';
import { formatHtml } from '../reach/format-html.js';
import { formatMermaid } from '../reach/format-mermaid.js';
import { ALLOWED_VERDICTS, BLOCKED_VERDICTS, destinationsOf } from '../reach/graph.js';
import { htmlContext } from '../reach/html/context.js';
import { packageVersion } from '../version.js';
import { formatCsv } from '../reach/format-csv.js';
import { formatMarkdown } from '../reach/format-markdown.js';
import { formatProxyConfig } from '../reach/format-proxy-config.js';
import { formatTable } from '../reach/format-table.js';
import { proxyConfigOf } from '../reach/proxy-config.js';
import { buildReachReport } from '../reach/report.js';
import { formatSummary, summarizeReach } from '../reach/summary.js';
import { VERDICTS, type ReachReport, type Verdict } from '../reach/types.js';
import type { FileReport } from '../types.js';
import { INPUT_OPTIONS, inputOptions, parse, RULES_OPTIONS } from './args.js';
import { loadInputs, resolveConfig, type LoadedInputs } from './inputs.js';
import { UsageError, type Io } from './io.js';

export const REPORT_HELP = `Usage: istio-lint report [options] [paths...]

Predicts, for every workload and every service port, what its Envoy does with a request:
200, 502 (block_all), blackhole, passthrough, 503 (no endpoints) or direct (no sidecar), and why.

Options:
      --from NS/WORKLOAD     only these clients (glob, e.g. "default/*"; repeatable or comma-separated)
      --to HOST[:PORT]       only these destinations (glob, e.g. "*.foo.svc.cluster.local:80"; repeatable)
      --verdict V,...        only these verdicts: ${VERDICTS.join(', ')}
      --only blocked|allowed only failing requests (${BLOCKED_VERDICTS.join(', ')}) or only those that get through
                             (${ALLOWED_VERDICTS.join(', ')})
  -f, --format NAME          table (default), json, markdown, csv, html (one self-contained page),
                             dot (Graphviz), mermaid, or summary (requests per verdict, no pairs)
  -o, --output FILE          write the report to FILE instead of stdout
      --proxy-config NS/WL   print the predicted clusters and listeners of one workload instead
                             (format table or json)
      --rules-file FILE      custom rules whose findings the html report shows (repeatable)
  -c, --config FILE          config file (default: .istio-lint.yaml found upwards)
      --no-config            ignore config files
      --ignore-pattern GLOB  skip matching paths (repeatable)
  -n, --namespace NS         namespace of resources that have none (default: default)
      --stdin-filename NAME  name used for stdin in reports
      --mesh-config FILE     MeshConfig (or istio ConfigMap / IstioOperator) to use
      --no-assume-injected   undeclared namespaces are not assumed to have injection on
      --max-file-size SIZE   skip larger files (default: 20MB)
      --color / --no-color   force colour on or off (default: on for a terminal, off with NO_COLOR)
  -h, --help                 print this help

Exit codes: 0 report printed; 2 usage, config or input error.
`;

const REPORT_OPTIONS = {
  ...INPUT_OPTIONS,
  ...RULES_OPTIONS,
  from: { type: 'string', multiple: true },
  to: { type: 'string', multiple: true },
  verdict: { type: 'string', multiple: true },
  only: { type: 'string' },
  format: { type: 'string', short: 'f' },
  output: { type: 'string', short: 'o' },
  'proxy-config': { type: 'string' },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
} as const;

const FORMATS = ['table', 'json', 'markdown', 'csv', 'html', 'dot', 'mermaid', 'summary'] as const;
/** One workload's clusters and listeners are two tables: as text, or as JSON; the graph and matrix formats do not fit. */
const PROXY_CONFIG_FORMATS = ['table', 'json'];

const split = (xs: readonly string[] | undefined): string[] => (xs ?? []).flatMap((x) => x.split(',')).map((x) => x.trim()).filter(Boolean);

function verdictsOf(values: readonly string[] | undefined): Verdict[] {
  const out = split(values);
  for (const v of out) {
    if (!(VERDICTS as readonly string[]).includes(v)) throw new UsageError(`--verdict: unknown verdict ${JSON.stringify(v)} (one of ${VERDICTS.join(', ')})`);
  }
  return out as Verdict[];
}

/** --only narrows --verdict (or all verdicts) to the failing or the reaching ones. */
function onlyOf(only: string | undefined, verdicts: Verdict[]): Verdict[] {
  if (only === undefined) return verdicts;
  const set = only === 'blocked' ? BLOCKED_VERDICTS : only === 'allowed' ? ALLOWED_VERDICTS : undefined;
  if (!set) throw new UsageError(`--only: expected blocked or allowed, got ${JSON.stringify(only)}`);
  const narrowed = (verdicts.length ? verdicts : VERDICTS).filter((v) => set.includes(v));
  if (!narrowed.length) throw new UsageError(`--only ${only}: none of --verdict ${verdicts.join(',')} is ${only}`);
  return narrowed;
}

/** The HTML page shows, per workload, the lint findings that concern it: the same run (custom rules too) as `istio-lint`. */
function lintFor(io: Io, loaded: LoadedInputs, rules: readonly Rule[]): LintResult {
  const config = loaded.config.file ? { config: { file: display(io.cwd, loaded.config.file), raw: loaded.config.raw, locate: loaded.config.locate } } : {};
  const options = { rules, ruleSettings: loaded.config.rules, defaultNamespace: loaded.defaultNamespace, assumeInjected: loaded.assumeInjected, meshLayers: loaded.meshLayers, ...config };
  return lint(loaded.files, options, loaded.reports);
}

function htmlOf(mesh: Mesh, report: ReachReport, findings: LintResult['findings']): string {
  const context = htmlContext(mesh, new Set(report.workloads.map((w) => w.id)));
  return formatHtml({ report, destinations: destinationsOf(mesh), context, findings, version: packageVersion() });
}

/** One line per input the report could not use; the report itself still prints. */
function unreadable(reports: readonly FileReport[]): string[] {
  return reports
    .filter((r) => (r.ruleId === 'read-error' || r.ruleId === 'parse-error') && r.severity !== 'warning' && r.severity !== 'info')
    .map((r) => `istio-lint: ${r.file}:${r.range.start.line}:${r.range.start.column}: ${r.message} (not used by the report)\n`);
}

export async function runReport(argv: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parse(argv, REPORT_OPTIONS);
  if (values.help) {
    io.stdout(REPORT_HELP);
    return 0;
  }
  const format = values.format ?? 'table';
  if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format: unknown format ${JSON.stringify(format)} (one of ${FORMATS.join(', ')})`);
  const verdicts = onlyOf(values.only, verdictsOf(values.verdict));
  const wanted = values['proxy-config'];
  if (wanted !== undefined && !/^[^/\s]+\/[^/\s]+$/.test(wanted)) throw new UsageError(`--proxy-config: expected namespace/workload, got ${JSON.stringify(wanted)}`);
  if (wanted !== undefined && !PROXY_CONFIG_FORMATS.includes(format)) throw new UsageError(`--proxy-config prints ${PROXY_CONFIG_FORMATS.join(' or ')}, not --format ${format}`);
  // Only the html page runs the rules; a malformed custom rule is a usage error before any output all the same.
  const input = inputOptions(values, positionals);
  const rules = format === 'html' && wanted === undefined ? await rulesFor(io.cwd, resolveConfig(io, input), values['rules-file']) : [];

  const linted = format === 'html' && wanted === undefined;
  const loaded = await loadInputs(io, input, linted);
  for (const line of unreadable([...loaded.reports, ...loaded.files.flatMap((f) => f.reports)])) io.stderr(line);
  // The html page lints too: its run already builds the model, so the report reads that one.
  const lintResult = linted ? lintFor(io, loaded, rules) : undefined;
  const mesh = lintResult?.mesh ?? modelOf(loaded.files, { meshLayers: loaded.meshLayers, assumeInjected: loaded.assumeInjected }).mesh;
  const color = values['no-color'] ? false : values.color ? true : io.stdoutIsTTY && !io.env.NO_COLOR && !values.output;

  let text: string;
  if (wanted !== undefined) {
    const pc = proxyConfigOf(mesh, wanted);
    if (!pc) {
      const known = mesh.workloads.map((w) => w.id).sort();
      throw new UsageError(`--proxy-config: no workload ${JSON.stringify(wanted)} in the input${known.length ? ` (known: ${known.slice(0, 5).join(', ')}${known.length > 5 ? ', …' : ''})` : ''}`);
    }
    text = format === 'json' ? JSON.stringify(pc, null, 2) + '\n' : formatProxyConfig(pc);
  } else if (format === 'summary') {
    text = formatSummary(summarizeReach(mesh, { from: split(values.from), to: split(values.to), verdicts }));
  } else {
    const report = buildReachReport(mesh, { from: split(values.from), to: split(values.to), verdicts });
    text =
      format === 'json' ? JSON.stringify(report, null, 2) + '\n'
      : format === 'markdown' ? formatMarkdown(report, destinationsOf(mesh))
      : format === 'csv' ? formatCsv(report)
      : format === 'html' ? htmlOf(mesh, report, lintResult?.findings ?? [])
      : format === 'dot' ? formatDot(report, destinationsOf(mesh))
      : format === 'mermaid' ? formatMermaid(report, destinationsOf(mesh))
      : formatTable(report, color);
  }
  if (values.output) io.writeFile(resolve(io.cwd, values.output), text);
  else io.stdout(text);
  return 0;
}
