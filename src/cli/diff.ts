// `istio-lint diff`: what a change does to reachability — the pairs whose verdict or reason differ between two
// versions of the manifests (two paths, two path sets, or the working tree against a git revision).
import { dirname, resolve } from 'node:path';
import { modelOf, parseInputs } from '../engine.js';
import { diffReports } from '../diff/compare.js';
import { formatMarkdown, formatTable } from '../diff/format-text.js';
import { filesAtRef, GitError, ignoreMatcher, systemGit } from '../diff/git.js';
import { formatSarif, newlyBlockedFindings } from '../diff/sarif.js';
import type { ReachDiff } from '../diff/types.js';
import type { ParsedFile } from '../loader/parse.js';
import type { Mesh } from '../model/types.js';
import { buildReachReport } from '../reach/report.js';
import type { FileReport } from '../types.js';
import { packageVersion } from '../version.js';
import { INPUT_OPTIONS, inputOptions, parse } from './args.js';
import { loadInputs, sourcesOf, type LoadedInputs } from './inputs.js';
import { UsageError, type Io } from './io.js';

export const DIFF_HELP = `Usage: istio-lint diff [options] BASE HEAD
       istio-lint diff [options] --base PATH... --head PATH...
       istio-lint diff [options] --base-ref GIT_REF [paths...]

Compares the reachability report of two versions of the manifests and prints the pairs (workload, service port)
whose verdict changed — newly blocked, newly allowed, another verdict, another reason — grouped by workload.
BASE and HEAD are files, directories or globs; --base and --head repeat for several. --base-ref compares the
working tree's paths (default .) with the same paths at a git revision, read through git without a checkout.

Options:
      --base PATH            a path of the old version (repeatable)
      --head PATH            a path of the new version (repeatable)
      --base-ref REF         the old version is REF (a branch, tag or commit) of the enclosing git repository
  -f, --format NAME          table (default), json, markdown or sarif (newly blocked pairs, at the Sidecar)
  -o, --output FILE          write to FILE instead of stdout
      --fail-on WHEN         blocked (default): exit 1 when a pair is newly blocked; changed: when anything
                             changed; never
      --sarif-category NAME  code scanning category in SARIF output (default: istio-lint)
  -c, --config FILE          config file (default: .istio-lint.yaml found upwards); used for both versions
      --no-config            ignore config files
      --ignore-pattern GLOB  skip matching paths (repeatable)
  -n, --namespace NS         namespace of resources that have none (default: default)
      --mesh-config FILE     MeshConfig (or istio ConfigMap / IstioOperator) to use for both versions
      --no-assume-injected   undeclared namespaces are not assumed to have injection on
      --max-file-size SIZE   skip larger files (default: 20MB)
  -h, --help                 print this help

Exit codes: 0 no newly blocked pair (with --fail-on changed: no change at all); 1 newly blocked pairs (or, with
--fail-on changed, any change); 2 usage, config, input or git error.
`;

const DIFF_OPTIONS = {
  ...INPUT_OPTIONS,
  base: { type: 'string', multiple: true },
  head: { type: 'string', multiple: true },
  'base-ref': { type: 'string' },
  format: { type: 'string', short: 'f' },
  output: { type: 'string', short: 'o' },
  'fail-on': { type: 'string' },
  'sarif-category': { type: 'string' },
} as const;

const FORMATS = ['table', 'json', 'markdown', 'sarif'] as const;

interface Side {
  readonly mesh: Mesh;
  readonly files: readonly ParsedFile[];
}

function sideOf(files: readonly ParsedFile[], loaded: LoadedInputs): Side {
  return { files, mesh: modelOf(files, { meshLayers: loaded.meshLayers, assumeInjected: loaded.assumeInjected }).mesh };
}

/** One line per input a side could not use; the diff still runs on the rest. */
function warnUnreadable(io: Io, label: string, reports: readonly FileReport[]): void {
  for (const r of reports) {
    if ((r.ruleId !== 'read-error' && r.ruleId !== 'parse-error') || r.severity === 'warning' || r.severity === 'info') continue;
    io.stderr(`istio-lint: ${label}: ${r.file}:${r.range.start.line}:${r.range.start.column}: ${r.message} (not compared)\n`);
  }
}

/** The base version at a git revision: the paths of the head, read through git, parsed like the head's. */
function sideAtRef(io: Io, ref: string, paths: readonly string[], head: LoadedInputs, values: { 'ignore-pattern'?: string[] }, maxBytes: number): Side {
  const config = head.config;
  const ignored = ignoreMatcher([
    ...config.ignorePatterns.map((pattern) => ({ pattern, base: config.file ? dirname(config.file) : io.cwd })),
    ...(values['ignore-pattern'] ?? []).map((pattern) => ({ pattern, base: io.cwd })),
  ]);
  try {
    const read = filesAtRef(systemGit(io.cwd), io.cwd, ref, paths, ignored, maxBytes);
    const files = parseInputs(read.files, head.defaultNamespace);
    warnUnreadable(io, `at ${ref}`, [...read.reports, ...files.flatMap((f) => f.reports)]);
    return sideOf(files, head);
  } catch (err) {
    if (err instanceof GitError) throw new UsageError(err.message);
    throw err;
  }
}

export async function runDiff(argv: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parse(argv, DIFF_OPTIONS);
  if (values.help) {
    io.stdout(DIFF_HELP);
    return 0;
  }
  const format = values.format ?? 'table';
  if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format: unknown format ${JSON.stringify(format)} (one of ${FORMATS.join(', ')})`);
  const failOn = values['fail-on'] ?? 'blocked';
  if (!['blocked', 'changed', 'never'].includes(failOn)) throw new UsageError(`--fail-on: expected blocked, changed or never, got ${JSON.stringify(failOn)}`);
  const ref = values['base-ref'];
  const bases = values.base ?? [];
  const heads = values.head ?? [];
  let basePaths: string[];
  let headPaths: string[];
  if (ref !== undefined) {
    if (bases.length || heads.length) throw new UsageError('--base-ref compares the working tree with a revision: give paths, not --base or --head');
    if (!ref.trim() || ref.startsWith('-')) throw new UsageError(`--base-ref: expected a git revision, got ${JSON.stringify(ref)}`);
    basePaths = headPaths = positionals.length ? positionals : ['.'];
  } else if (bases.length || heads.length) {
    if (!bases.length || !heads.length) throw new UsageError(`--${bases.length ? 'head' : 'base'} is missing: give both --base and --head`);
    if (positionals.length) throw new UsageError(`unexpected argument ${JSON.stringify(positionals[0])}: with --base and --head, paths go after them`);
    basePaths = bases;
    headPaths = heads;
  } else {
    if (positionals.length !== 2) throw new UsageError(`expected BASE and HEAD paths, got ${positionals.length} argument${positionals.length === 1 ? '' : 's'} (istio-lint diff --help)`);
    basePaths = [positionals[0]!];
    headPaths = [positionals[1]!];
  }
  if (basePaths.includes('-') || headPaths.includes('-')) throw new UsageError('diff does not read standard input: give paths');

  const options = inputOptions(values, headPaths);
  const headInputs = await loadInputs(io, options);
  warnUnreadable(io, 'head', [...headInputs.reports, ...headInputs.files.flatMap((f) => f.reports)]);
  const head = sideOf(headInputs.files, headInputs);
  let base: Side;
  if (ref !== undefined) base = sideAtRef(io, ref, headPaths, headInputs, values, options.maxFileSize);
  else {
    const baseInputs = await loadInputs(io, { ...options, paths: basePaths });
    warnUnreadable(io, 'base', [...baseInputs.reports, ...baseInputs.files.flatMap((f) => f.reports)]);
    base = sideOf(baseInputs.files, baseInputs);
  }

  const diff: ReachDiff = diffReports(buildReachReport(base.mesh), buildReachReport(head.mesh));
  const text =
    format === 'json' ? JSON.stringify(diff, null, 2) + '\n'
    : format === 'markdown' ? formatMarkdown(diff)
    : format === 'sarif' ? formatSarif(newlyBlockedFindings(diff, head.mesh, base.mesh), { sources: sourcesOf(head.files), cwd: io.cwd, version: packageVersion(), category: values['sarif-category'] })
    : formatTable(diff);
  if (values.output) io.writeFile(resolve(io.cwd, values.output), text);
  else io.stdout(text);

  const s = diff.summary;
  const changed = s.newlyBlocked + s.newlyAllowed + s.verdictChanged + s.reasonChanged + s.added + s.removed > 0;
  return failOn === 'never' ? 0 : failOn === 'changed' ? (changed ? 1 : 0) : s.newlyBlocked > 0 ? 1 : 0;
}
