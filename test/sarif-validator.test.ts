// Runs Microsoft's SARIF validator with GitHub's ingestion rules over what istio-lint writes.
// Skipped only when the validator is not installed and we are not in CI; in CI it must run.
import { spawnSync } from 'node:child_process';
import { accessSync, chmodSync, constants, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Log } from 'sarif';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sarif } from '../src/formatters/sarif.js';
import { BUILTIN_RULES } from '../src/registry.js';
import { formatInput, MANY, META } from './helpers/format-input.js';
import { ROOT, runCli, tempTree } from './helpers/cli.js';

const VALIDATOR = join(ROOT, 'node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool');
const CORPUS = resolve(ROOT, '../shared/corpus');
const available = process.platform === 'linux' && existsSync(VALIDATOR);
if (process.env.CI && !available) throw new Error(`CI must run the SARIF validator, but ${VALIDATOR} is missing (npm ci installs it)`);

/**
 * Notes the validator prints that do not apply to us, and why. Errors and warnings are never accepted.
 * SARIF2002 message ids: GitHub wants fully formatted text (its GH1007). SARIF2003 versionControlProvenance:
 * the linter does not know the commit; upload-sarif adds it. SARIF2009 rule ids like "CS2001": our ids are a public contract. SARIF2010/2011 snippets: GitHub reads the
 * file from the repository, and snippets would copy manifests into the report. SARIF2012 Pascal-case names:
 * "NotAResource" is Pascal case for a word of one letter.
 */
const ACCEPTED_NOTES = new Set(['SARIF2002', 'SARIF2003', 'SARIF2009', 'SARIF2010', 'SARIF2011', 'SARIF2012']);

interface Problem {
  readonly file: string;
  readonly rule: string;
  readonly level: string;
  readonly text: string;
}

// SARIF2006 fetches every URI in the log (seconds each without a network) and depends on the network, not on us.
const POLICY = `<?xml version="1.0" encoding="utf-8"?>
<Properties>
  <Properties Key="SARIF2006.UrisShouldBeReachable.Options">
    <Property Key="RuleEnabled" Value="Disabled" />
  </Properties>
</Properties>
`;

function validate(files: readonly string[], dir: string): { problems: Problem[]; report: Log } {
  const out = join(dir, 'validation.sarif');
  const policy = join(dir, 'policy.xml');
  writeFileSync(policy, POLICY);
  const args = ['validate', ...files, '--rule-kind', 'Sarif;Gh', '--level', 'Error;Warning;Note', '-c', policy, '-o', out, '--log', 'ForceOverwrite'];
  const r = spawnSync(VALIDATOR, args, {
    encoding: 'utf8',
    env: { ...process.env, DOTNET_SYSTEM_GLOBALIZATION_INVARIANT: '1' },
    timeout: 120_000,
  });
  if (r.error) throw r.error;
  // Its exit status reports tool failures only; what it found is in the output log.
  expect(existsSync(out), `validator wrote no report: ${r.stdout}\n${r.stderr}`).toBe(true);
  const report = JSON.parse(readFileSync(out, 'utf8')) as Log;
  const rules = report.runs[0]!.tool.driver.rules ?? [];
  const problems = (report.runs[0]!.results ?? []).map((res) => {
    const args = res.message.arguments ?? [];
    const template = rules[res.ruleIndex ?? -1]?.messageStrings?.[res.message.id ?? '']?.text ?? res.message.id ?? '';
    return {
      file: res.locations?.[0]?.physicalLocation?.artifactLocation?.uri ?? '',
      rule: res.ruleId ?? '',
      level: res.level ?? 'warning',
      text: res.message.text ?? template.replace(/\{(\d+)\}/g, (_, i: string) => args[Number(i)] ?? ''),
    };
  });
  return { problems, report };
}

describe.skipIf(!available)('SARIF validator (Sarif;Gh rules)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'istio-lint-sarif-'));
  const cases: Record<string, string> = {};

  beforeAll(async () => {
    // npm may unpack the self-contained binary without its execute bit.
    if (!(statSync(VALIDATOR).mode & 0o111)) chmodSync(VALIDATOR, 0o755);
    accessSync(VALIDATOR, constants.X_OK);

    const clean = tempTree({
      'ns.yaml': 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: foo\n  labels:\n    istio-injection: enabled\n',
    });
    const broken = tempTree({
      'sidecar.yaml':
        'apiVersion: networking.istio.io/v1\nkind: Sidecar\nmetadata:\n  name: s\n  namespace: foo\nspec:\n  egress:\n    - hosts: ["helloworld"]\n      hosts: ["./*"]\n',
      'quiet.yaml': 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: a\n  # istio-lint-disable-next-line duplicate-key -- generated\n  name: b\n',
      'bad.yaml': 'a: [\n',
      'odd name (1).yaml': 'replicas: 3\n',
    });
    const HOUSE_RULES = join(dir, 'house-rules.yaml');
    writeFileSync(
      HOUSE_RULES,
      'customRules:\n  - id: org/sidecar-team-label\n    severity: warning\n    description: Every Sidecar names its owning team\n    match: {kinds: [Sidecar]}\n    given: $.metadata.labels.team\n    then: {function: truthy}\n',
    );
    const runs: Record<string, Promise<string>> = {
      clean: runCli(['--format', 'sarif', '.'], { cwd: clean }).then((r) => r.stdout),
      seed: runCli(['--format', 'sarif', 'fixtures/seed']).then((r) => r.stdout),
      broken: runCli(['--format', 'sarif', '.'], { cwd: broken }).then((r) => r.stdout),
      stdin: runCli(['--format', 'sarif', '--stdin-filename', 'deploy/x.yaml', '-'], { stdin: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: [x\n' }).then((r) => r.stdout),
      stdinUnnamed: runCli(['--format', 'sarif', '-'], { stdin: 'a: 1\na: 2\n' }).then((r) => r.stdout),
      // A custom rule: no page under docs/rules, an id with a "/".
      custom: runCli(['--format', 'sarif', '--rules-file', HOUSE_RULES, 'fixtures/seed']).then((r) => r.stdout),
      ...(existsSync(CORPUS) ? { corpus: runCli(['--format', 'sarif', '.'], { cwd: CORPUS }).then((r) => r.stdout) } : {}),
    };
    for (const [name, text] of Object.entries(runs)) cases[name] = await text;
    const rules = [...BUILTIN_RULES.map((r) => r.meta), ...Object.values(META).filter((m) => !BUILTIN_RULES.some((r) => r.meta.id === m.id))];
    cases.synthetic = sarif(formatInput(MANY, { rules, cwd: dir }));
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('finds no errors or warnings in a clean run, the seed, many findings with suppressions, and stdin', () => {
    const files = Object.entries(cases).map(([name, text]) => {
      const file = join(dir, `${name}.sarif`);
      writeFileSync(file, text);
      return file;
    });
    expect(JSON.parse(cases.clean!).runs[0].results).toEqual([]);
    expect(JSON.parse(cases.broken!).runs[0].results.some((r: { suppressions?: unknown }) => r.suppressions)).toBe(true);
    expect(JSON.parse(cases.custom!).runs[0].results.some((r: { ruleId: string }) => r.ruleId === 'org/sidecar-team-label')).toBe(true);
    if (cases.corpus) expect(JSON.parse(cases.corpus).runs[0].results.length).toBeGreaterThan(50);

    const { problems, report } = validate(files, dir);
    expect(report.runs[0]!.invocations?.[0]?.executionSuccessful).toBe(true);
    const serious = problems.filter((p) => p.level !== 'note').map((p) => `${p.file}: ${p.level} ${p.rule}: ${p.text}`);
    expect(serious).toEqual([]);
    const notes = problems.filter((p) => !ACCEPTED_NOTES.has(p.rule)).map((p) => `${p.file}: ${p.rule}: ${p.text}`);
    expect(notes).toEqual([]);
  });

  it('reports a broken log, so the gate above can fail', () => {
    const file = join(dir, 'bad.sarif');
    writeFileSync(file, JSON.stringify({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x', rules: [{ id: 'a' }] } }, results: [{ ruleId: 'a', message: { text: 'm' }, locations: [{}] }] }] }));
    const { problems } = validate([file], dir);
    expect(problems.filter((p) => p.level === 'error').map((p) => p.rule)).toContain('GH2012');
  });
});
