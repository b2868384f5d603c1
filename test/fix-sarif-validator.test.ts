// Microsoft's SARIF validator (GitHub ingestion rules) over the SARIF of fixes, config-file findings and diff results.
// Skipped only when the validator is not installed and we are not in CI, as test/sarif-validator.test.ts is.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Log } from 'sarif';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from './helpers/cli.js';

const VALIDATOR = join(ROOT, 'node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool');
const available = process.platform === 'linux' && existsSync(VALIDATOR);
if (process.env.CI && !available) throw new Error(`CI must run the SARIF validator, but ${VALIDATOR} is missing (npm ci installs it)`);
// The notes test/sarif-validator.test.ts accepts, for the reasons given there.
const ACCEPTED_NOTES = new Set(['SARIF2002', 'SARIF2003', 'SARIF2009', 'SARIF2010', 'SARIF2011', 'SARIF2012']);
const POLICY = '<?xml version="1.0" encoding="utf-8"?>\n<Properties>\n  <Properties Key="SARIF2006.UrisShouldBeReachable.Options">\n    <Property Key="RuleEnabled" Value="Disabled" />\n  </Properties>\n</Properties>\n';

describe.skipIf(!available)('SARIF with fixes and diff results passes the validator', () => {
  it('has no errors, warnings or unexpected notes', async () => {
    if (!(statSync(VALIDATOR).mode & 0o111)) chmodSync(VALIDATOR, 0o755);
    const dir = mkdtempSync(join(tmpdir(), 'istio-lint-fix-sarif-'));
    const cases: Record<string, string> = {
      fixes: (await runCli(['--no-config', '--format', 'sarif', 'fixtures/intent/fix', 'fixtures/rules/intended-call-blocked/invalid'])).stdout,
      expectations: (await runCli(['--format', 'sarif'], { cwd: join(ROOT, 'fixtures/intent/expect') })).stdout,
      diff: (await runCli(['diff', '--base', 'fixtures/seed', '--head', 'fixtures/seed/service.yaml', '--head', 'fixtures/seed/deployment.yaml', '--head', 'fixtures/diff/port-changed/sidecar.yaml', '--format', 'sarif'])).stdout,
    };
    expect((JSON.parse(cases.fixes!) as Log).runs[0]!.results!.filter((r) => r.fixes).length).toBeGreaterThan(5);
    expect((JSON.parse(cases.diff!) as Log).runs[0]!.results!.length).toBeGreaterThan(0);
    const files = Object.entries(cases).map(([name, text]) => {
      const file = join(dir, `${name}.sarif`);
      writeFileSync(file, text);
      return file;
    });
    const out = join(dir, 'validation.sarif');
    writeFileSync(join(dir, 'policy.xml'), POLICY);
    const r = spawnSync(VALIDATOR, ['validate', ...files, '--rule-kind', 'Sarif;Gh', '--level', 'Error;Warning;Note', '-c', join(dir, 'policy.xml'), '-o', out, '--log', 'ForceOverwrite'], {
      encoding: 'utf8',
      env: { ...process.env, DOTNET_SYSTEM_GLOBALIZATION_INVARIANT: '1' },
      timeout: 120_000,
    });
    if (r.error) throw r.error;
    const report = JSON.parse(readFileSync(out, 'utf8')) as Log;
    const problems = (report.runs[0]!.results ?? [])
      .filter((p) => p.level !== 'note' || !ACCEPTED_NOTES.has(p.ruleId ?? ''))
      .map((p) => `${p.locations?.[0]?.physicalLocation?.artifactLocation?.uri}: ${p.level} ${p.ruleId}: ${p.message.text ?? p.message.id} ${(p.message.arguments ?? []).join(' | ')}`);
    expect(problems).toEqual([]);
  }, 180_000);
});
