// `istio-lint [paths]`: lint manifests and print findings in one or more formats.
import { resolve } from 'node:path';
import { lint, type LintConfig, type LintOptions } from '../engine.js';
import { lintAndFix } from '../fix/passes.js';
import { writerFor } from '../fix/files.js';
import { display } from '../loader/discover.js';
import { parseSource, type ParsedFile } from '../loader/parse.js';
import { FORMATTERS } from '../formatters/index.js';
import { summarize } from '../formatters/types.js';
import { rulesFor } from '../custom/rules-for.js';
import { closest } from '../suggest.js';
import { SEVERITIES, SEVERITY_RANK, type Severity } from '../types.js';
import { packageVersion } from '../version.js';
import type { Config, RuleSetting } from '../config.js';
import { INPUT_OPTIONS, inputOptions, parse, RULES_OPTIONS } from './args.js';
import { loadInputs, resolveConfig, sourcesOf } from './inputs.js';
import { UsageError, type Io } from './io.js';

export const LINT_HELP = `Usage: istio-lint [options] [paths...]

Lints Kubernetes and Istio manifests: files, directories (recursive), globs, or - for stdin.

Options:
  -f, --format NAME[:FILE]   output format: ${Object.keys(FORMATTERS).join(', ')} (repeatable; default stylish)
  -o, --output FILE          write the (first) format to FILE instead of stdout
      --sarif-category NAME  code scanning category in SARIF output (default: istio-lint)
  -c, --config FILE          config file (default: .istio-lint.yaml found upwards)
      --no-config            ignore config files
      --rule ID=SEVERITY     set a rule to off, info, warning or error (repeatable)
      --rules-file FILE      custom rules: a YAML file with a customRules list (repeatable)
      --ignore-pattern GLOB  skip matching paths (repeatable)
  -n, --namespace NS         namespace of resources that have none (default: default)
      --stdin-filename NAME  name used for stdin in reports
      --mesh-config FILE     MeshConfig (or istio ConfigMap / IstioOperator) to use
      --no-assume-injected   undeclared namespaces are not assumed to have injection on
      --fail-on LEVEL        error, warning or info: lowest severity that fails (default: error)
      --max-warnings N       fail when there are more than N warnings
  -q, --quiet                report errors only
      --report-unused-suppressions  flag suppressions that suppress nothing
      --fix                  apply the fixes findings carry (e.g. a host added to a Sidecar), keeping
                             comments and formatting; then report what is left
      --fix-dry-run          compute the fixes and report what would be left, without writing files
      --max-file-size SIZE   skip larger files (default: 20MB)
      --print-config         print the effective configuration and exit
      --color / --no-color   force colour on or off (default: on for a terminal, off with NO_COLOR)
      --debug                show stack traces of internal errors
  -v, --version              print the version
  -h, --help                 print this help

Commands: report, diff, rules, explain. Run istio-lint COMMAND --help.

Exit codes: 0 nothing at or above the fail level; 1 findings at or above it; 2 usage, config or input error.
`;

const LINT_OPTIONS = {
  ...INPUT_OPTIONS,
  ...RULES_OPTIONS,
  format: { type: 'string', short: 'f', multiple: true },
  output: { type: 'string', short: 'o' },
  'sarif-category': { type: 'string' },
  rule: { type: 'string', multiple: true },
  'fail-on': { type: 'string' },
  'max-warnings': { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
  'report-unused-suppressions': { type: 'boolean' },
  'print-config': { type: 'boolean' },
  fix: { type: 'boolean' },
  'fix-dry-run': { type: 'boolean' },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  version: { type: 'boolean', short: 'v' },
} as const;

function parseSeverity(flag: string, v: string | undefined): Severity | undefined {
  if (v === undefined) return undefined;
  if (!(SEVERITIES as readonly string[]).includes(v)) throw new UsageError(`${flag}: expected error, warning or info, got ${JSON.stringify(v)}`);
  return v as Severity;
}

const didYouMean = (id: string, known: ReadonlySet<string>): string => {
  const near = closest(id, known);
  return near ? `; did you mean ${JSON.stringify(near)}?` : '';
};

/** The config's `rules:` map names only rules that exist: a typo would otherwise silently change nothing. */
function checkRuleIds(io: Io, config: Config, known: ReadonlySet<string>): void {
  for (const id of Object.keys(config.rules)) {
    if (known.has(id)) continue;
    const at = config.locate(['rules', id], 'key').start;
    const where = config.file ? `${display(io.cwd, config.file)}:${at.line}:${at.column}` : 'config';
    throw new UsageError(`${where}: unknown rule ${JSON.stringify(id)} in rules${didYouMean(id, known)} (istio-lint rules lists them)`);
  }
}

function parseRuleFlags(flags: readonly string[], known: ReadonlySet<string>): Record<string, RuleSetting> {
  const out: Record<string, RuleSetting> = {};
  for (const f of flags) {
    const m = /^([^=]+)=(off|info|warning|error)$/.exec(f.trim());
    if (!m) throw new UsageError(`--rule: expected ID=off|info|warning|error, got ${JSON.stringify(f)}`);
    if (!known.has(m[1]!)) throw new UsageError(`--rule: unknown rule ${JSON.stringify(m[1])}${didYouMean(m[1]!, known)} (istio-lint rules lists them)`);
    out[m[1]!] = m[2] as RuleSetting;
  }
  return out;
}

export async function runLint(argv: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parse(argv, LINT_OPTIONS);
  if (values.help) {
    io.stdout(LINT_HELP);
    return 0;
  }
  if (values.version) {
    io.stdout(`${packageVersion()}\n`);
    return 0;
  }
  // Built-in and custom rules: --rule, the config's rules map and every output know them all.
  const rules = await rulesFor(io.cwd, resolveConfig(io, inputOptions(values, positionals)), values['rules-file']);
  const known = new Set(rules.map((r) => r.meta.id));
  const formats = (values.format ?? ['stylish']).map((spec) => {
    const [name, ...file] = spec.split(':');
    const formatter = FORMATTERS[name!];
    if (!formatter) throw new UsageError(`--format: unknown format ${JSON.stringify(name)} (one of ${Object.keys(FORMATTERS).join(', ')})`);
    return { name: name!, formatter, file: file.length ? file.join(':') : undefined };
  });
  if (values.output) {
    const first = formats.find((f) => !f.file);
    if (first) first.file = values.output;
  }
  const cliRules = parseRuleFlags(values.rule ?? [], known);
  // Usage errors before any output: a report followed by exit 2 would be read as a result.
  const maxWarnings = values['max-warnings'] === undefined ? undefined : Number(values['max-warnings']);
  if (maxWarnings !== undefined && (!/^\d+$/.test(values['max-warnings']!.trim()) || !Number.isInteger(maxWarnings))) {
    throw new UsageError(`--max-warnings: expected a whole number, got ${JSON.stringify(values['max-warnings'])}`);
  }
  const input = inputOptions(values, positionals);

  if (values['print-config']) {
    const config = resolveConfig(io, input);
    checkRuleIds(io, config, known);
    const effective = {
      file: config.file ?? null,
      rules: Object.fromEntries(rules.map((r) => [r.meta.id, cliRules[r.meta.id] ?? config.rules[r.meta.id] ?? r.meta.severity])),
      ignorePatterns: [...config.ignorePatterns, ...input.ignorePatterns],
      namespace: input.namespace ?? config.namespace ?? 'default',
      assumeInjected: input.assumeInjected ?? config.assumeInjected ?? true,
      failOn: parseSeverity('--fail-on', values['fail-on']) ?? config.failOn ?? 'error',
      mesh: config.mesh ?? {},
    };
    io.stdout(JSON.stringify(effective, null, 2) + '\n');
    return 0;
  }

  const loaded = await loadInputs(io, input);
  checkRuleIds(io, loaded.config, known);
  const failOn = parseSeverity('--fail-on', values['fail-on']) ?? loaded.config.failOn ?? 'error';
  const ruleSettings = { ...loaded.config.rules, ...cliRules };
  const config: LintConfig | undefined = loaded.config.file ? { file: display(io.cwd, loaded.config.file), raw: loaded.config.raw, locate: loaded.config.locate } : undefined;
  const options: LintOptions = {
    rules,
    ruleSettings,
    defaultNamespace: loaded.defaultNamespace,
    assumeInjected: loaded.assumeInjected,
    meshLayers: loaded.meshLayers,
    reportUnusedSuppressions: values['report-unused-suppressions'] === true,
    ...(config ? { config } : {}),
  };
  const fixing = values.fix === true || values['fix-dry-run'] === true;
  const { result, files } = fixing ? fixFiles(io, loaded.files, options, (fs) => lint(fs, options, loaded.reports), values.fix === true) : { result: lint(loaded.files, options, loaded.reports), files: loaded.files };
  const findings = values.quiet ? result.findings.filter((f) => f.severity === 'error') : result.findings;
  const color = values['no-color'] ? false : values.color ? true : io.stdoutIsTTY && !io.env.NO_COLOR;
  const base = {
    findings,
    files: result.files + loaded.reports.filter((r) => r.ruleId === 'read-error' || r.ruleId === 'parse-error').length,
    resources: result.resources,
    rules: rules.map((r) => r.meta),
    sources: sourcesOf(files),
    version: packageVersion(),
    cwd: io.cwd,
    category: values['sarif-category'],
    resourceList: result.manifests.map((m) => ({ file: m.source.path, kind: m.kind, namespace: m.namespace, name: m.name })),
  };
  for (const f of formats) {
    const text = f.formatter({ ...base, color: f.file ? false : color });
    if (f.file) io.writeFile(resolve(io.cwd, f.file), text);
    else io.stdout(text);
  }

  const s = summarize({ findings, files: 0, resources: 0 });
  const atOrAbove = findings.some((f) => !f.suppressed && SEVERITY_RANK[f.severity] >= SEVERITY_RANK[failOn]);
  const tooManyWarnings = maxWarnings !== undefined && s.warnings > maxWarnings;
  if (tooManyWarnings) io.stderr(`istio-lint: ${s.warnings} warnings, more than --max-warnings ${maxWarnings}\n`);
  return atOrAbove || tooManyWarnings ? 1 : 0;
}

/** Runs the fix passes; with `write`, saves each changed file (as it was encoded) and says what changed on stderr. */
function fixFiles(io: Io, parsed: readonly ParsedFile[], options: LintOptions, lintFiles: Parameters<typeof lintAndFix>[1], write: boolean) {
  const writers = new Map<string, ((text: string) => string) | undefined>();
  const original = new Map(parsed.map((f) => [f.source.path, f.source.text]));
  const writerOf = (path: string) => {
    if (!writers.has(path)) writers.set(path, original.has(path) ? writerFor(resolve(io.cwd, path), original.get(path)!) : undefined);
    return writers.get(path);
  };
  const run = lintAndFix(parsed, lintFiles, (path, text) => parseSource(path, text, { defaultNamespace: options.defaultNamespace }), (p) => writerOf(p) !== undefined);
  const paths = [...run.changed.keys()].sort();
  if (write) for (const p of paths) io.writeFile(resolve(io.cwd, p), writerOf(p)!(run.changed.get(p)!));
  if (run.fixed) {
    const n = run.fixed;
    io.stderr(`istio-lint: ${write ? 'fixed' : 'would fix'} ${n} finding${n === 1 ? '' : 's'} in ${paths.join(', ')}\n`);
  }
  return run;
}
