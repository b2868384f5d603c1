// The GitHub Action: lint with annotations, always write the SARIF, set outputs, summarise, then pass or fail.
import { appendFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { main } from '../cli/main.js';
import type { Io } from '../cli/io.js';
import { escapeData } from '../formatters/github.js';
import { InputError, readInputs, type ActionInputs } from './inputs.js';
import { lintSummary, parseJsonOutput } from './summary.js';

/** What the runner gives the action; `bin.ts` wires `process` into it. */
export interface ActionIo {
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Used when GITHUB_WORKSPACE is not set (a local run). */
  readonly cwd: string;
  stdout(text: string): void;
  stderr(text: string): void;
}

// Lint's JSON output is captured in memory under this name, never written.
const JSON_SINK = '.istio-lint-action-summary.json';

interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly captured?: string;
}

/** Runs the CLI in-process in the workspace; its stdout goes to the log unless captured. */
async function runCli(argv: readonly string[], workspace: string, io: ActionIo, captureStdout: boolean): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  let captured: string | undefined;
  const sink = resolve(workspace, JSON_SINK);
  const cliIo: Io = {
    cwd: workspace,
    env: io.env,
    stdoutIsTTY: false,
    readStdin: () => Promise.reject(new Error('the action reads no standard input')),
    stdout: (t) => (captureStdout ? void (stdout += t) : io.stdout(t)),
    stderr: (t) => void (stderr += t),
    writeFile: (path, text) => {
      if (path === sink) {
        captured = text;
        return;
      }
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, text);
    },
  };
  const code = await main(argv, cliIo);
  return { code, stdout, stderr, ...(captured !== undefined ? { captured } : {}) };
}

function commonArgs(inputs: ActionInputs): string[] {
  return [
    ...(inputs.config ? ['--config', inputs.config] : []),
    ...(inputs.namespace ? ['--namespace', inputs.namespace] : []),
  ];
}

// GITHUB_OUTPUT takes name=value, or a heredoc with a delimiter that the value does not contain.
function outputEntry(name: string, value: string): string {
  if (!/[\r\n]/.test(value)) return `${name}=${value}\n`;
  let delimiter = 'ISTIO_LINT_EOF';
  while (value.includes(delimiter)) delimiter += '_';
  return `${name}<<${delimiter}\n${value}\n${delimiter}\n`;
}

function setOutputs(env: ActionIo['env'], outputs: Readonly<Record<string, string>>): void {
  const file = env.GITHUB_OUTPUT;
  if (!file) return;
  appendFileSync(file, Object.entries(outputs).map(([k, v]) => outputEntry(k, v)).join(''));
}

function appendSummary(env: ActionIo['env'], markdown: string): void {
  const file = env.GITHUB_STEP_SUMMARY;
  if (file) appendFileSync(file, markdown.endsWith('\n') ? `${markdown}\n` : `${markdown}\n\n`);
}

const firstLine = (s: string): string => s.trim().split('\n')[0] ?? '';

/** The reachability report in markdown, or why there is none; a failure here never fails the step. */
async function reachabilitySection(inputs: ActionInputs, workspace: string, io: ActionIo): Promise<string> {
  try {
    const r = await runCli(['report', ...inputs.paths, ...commonArgs(inputs), '--format', 'markdown'], workspace, io, true);
    if (r.code < 2 && r.stdout.trim()) return r.stdout;
    const why = firstLine(r.stderr) || `istio-lint report exited with ${r.code}`;
    io.stderr(`istio-lint action: no reachability report: ${why}\n`);
    return `_The reachability report could not be made: ${why.replace(/[<>]/g, '')}_\n`;
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    io.stderr(`istio-lint action: no reachability report: ${why}\n`);
    return `_The reachability report could not be made: ${why.replace(/[<>]/g, '')}_\n`;
  }
}

/** The reachability diff against the base revision in markdown, or why there is none; never fails the step. */
async function diffSection(ref: string, inputs: ActionInputs, workspace: string, io: ActionIo): Promise<string> {
  const failed = (why: string): string => {
    io.stderr(`istio-lint action: no reachability diff against ${ref}: ${why}\n`);
    return `_The reachability diff against ${ref.replace(/[<>`]/g, '')} could not be made: ${why.replace(/[<>]/g, '')}_\n`;
  };
  try {
    const r = await runCli(['diff', '--base-ref', ref, ...inputs.paths, ...commonArgs(inputs), '--format', 'markdown', '--fail-on', 'never'], workspace, io, true);
    if (r.code === 0 && r.stdout.trim()) return r.stdout.replace(/^## Reachability changes/, `## Reachability changes since ${ref.replace(/[<>`]/g, '')}`);
    return failed(firstLine(r.stderr).replace(/^istio-lint: /, '') || `istio-lint diff exited with ${r.code}`);
  } catch (err) {
    return failed(err instanceof Error ? err.message : String(err));
  }
}

/** Returns the exit code of the step: 0 passes, 1 fails. */
export async function runAction(io: ActionIo): Promise<number> {
  const workspace = io.env.GITHUB_WORKSPACE || io.cwd;
  let inputs: ActionInputs;
  try {
    inputs = readInputs(io.env);
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    io.stdout(`::error title=istio-lint::${escapeData(err.message)}\n`);
    return 1;
  }

  const sarifPath = inputs.sarifFile ? resolve(workspace, inputs.sarifFile) : undefined;
  const argv = [
    ...inputs.paths,
    ...commonArgs(inputs),
    ...(inputs.failOn && inputs.failOn !== 'never' ? ['--fail-on', inputs.failOn] : []),
    '--format',
    'github',
    '--format',
    `json:${JSON_SINK}`,
    ...(sarifPath ? ['--format', `sarif:${sarifPath}`, '--sarif-category', inputs.category] : []),
    ...inputs.args,
  ];
  const lint = await runCli(argv, workspace, io, false);
  if (lint.stderr) io.stderr(lint.stderr);

  const json = parseJsonOutput(lint.captured);
  const sarifWritten = sarifPath !== undefined && existsSync(sarifPath);
  setOutputs(io.env, {
    'sarif-file': sarifWritten ? inputs.sarifFile : '',
    errors: String(json?.summary.errors ?? 0),
    warnings: String(json?.summary.warnings ?? 0),
  });

  if (lint.code >= 2 || !json) {
    // A usage or input error: no SARIF, on purpose; an empty one would close every open alert on upload.
    const why = firstLine(lint.stderr).replace(/^istio-lint: /, '') || `istio-lint exited with ${lint.code}`;
    io.stdout(`::error title=istio-lint::${escapeData(why)}\n`);
    appendSummary(io.env, `## istio-lint\n\n✖ istio-lint could not lint: ${why.replace(/[<>]/g, '')}\n`);
    return 1;
  }

  appendSummary(io.env, lintSummary(json, sarifWritten ? inputs.sarifFile : ''));
  if (inputs.report) appendSummary(io.env, await reachabilitySection(inputs, workspace, io));
  if (inputs.baseRef) appendSummary(io.env, await diffSection(inputs.baseRef, inputs, workspace, io));
  return lint.code === 1 && inputs.failOn !== 'never' ? 1 : 0;
}
