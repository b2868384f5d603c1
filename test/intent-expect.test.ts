// Expectations in .istio-lint.yaml: findings of expectation-failed at the expectation's line in the config file.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Log } from 'sarif';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli, tempTree } from './helpers/cli.js';
import type { JsonFinding } from '../src/formatters/json.js';

const FIXTURE = join(ROOT, 'fixtures/intent/expect');
const seed = Object.fromEntries(['namespace', 'service', 'deployment', 'sidecar'].map((n) => [`${n}.yaml`, readFileSync(join(ROOT, 'fixtures/seed', `${n}.yaml`), 'utf8')]));
const QUIET = ['--rule', 'egress-port-trims-service=off'];

const findingsOf = (stdout: string): JsonFinding[] => (JSON.parse(stdout) as { findings: JsonFinding[] }).findings;

describe('expect: in .istio-lint.yaml', () => {
  it('reports each unmet pair and each expectation that selects nothing, at its line in the config file', async () => {
    const r = await runCli([...QUIET, '--format', 'json'], { cwd: FIXTURE });
    expect(r.code).toBe(1);
    const found = findingsOf(r.stdout).map((f) => `${f.file}:${f.line}:${f.column} ${f.ruleId} ${f.message.split(': plaintext')[0]}`);
    expect(found).toEqual([
      '.istio-lint.yaml:7:5 expectation-failed call from default/helloworld-default to helloworld.foo.svc.cluster.local:8080 gets blackhole, expected 200',
      '.istio-lint.yaml:10:5 expectation-failed call from foo/helloworld-foo to helloworld.default.svc.cluster.local:80 gets blackhole, expected allow (200, passthrough or direct)',
      '.istio-lint.yaml:16:11 expectation-failed expectation from "foo/helloworld-fooo" matches no workload in the input → did you mean "foo/helloworld-foo"?',
      '.istio-lint.yaml:20:9 expectation-failed expectation to "helloworld.bar.svc.cluster.local" matches no service port in the input → did you mean "helloworld.foo.svc.cluster.local"?',
    ]);
    const first = findingsOf(r.stdout)[0]!;
    expect(first.resource).toBeNull();
    expect(first.severity).toBe('error');
    // The reason is the report's, including what to change.
    expect(first.message).toContain('→ BlackHoleCluster (REGISTRY_ONLY, set by the Sidecar) → add an egress listener for port 8080 with host "foo/helloworld.foo.svc.cluster.local"');
  });

  it('met expectations (numbers, names, allow, deny, globs) report nothing', async () => {
    const config = [
      'expect:',
      '  - {from: default/helloworld-default, to: helloworld.foo.svc.cluster.local:80, verdict: 200}',
      '  - {from: default/helloworld-default, to: helloworld.default.svc.cluster.local:80, verdict: 502}',
      '  - {from: "*/*", to: "*:8080", verdict: allow}',
      '  - {from: foo/helloworld-foo, to: "helloworld.*.svc.cluster.local:80", verdict: deny}',
      '  - {from: foo/helloworld-foo, to: helloworld.foo.svc.cluster.local:80, verdict: blackhole}',
    ].join('\n');
    const dir = tempTree({ ...seed, '.istio-lint.yaml': config });
    const r = await runCli([...QUIET, '--format', 'json'], { cwd: dir });
    // "*:8080" from default gets blackhole: the only unmet rows are those.
    expect(findingsOf(r.stdout).map((f) => `${f.line} ${f.message.split(': ')[0]}`)).toEqual([
      '4 call from default/helloworld-default to helloworld.default.svc.cluster.local:8080 gets blackhole, expected allow (200, passthrough or direct)',
      '4 call from default/helloworld-default to helloworld.foo.svc.cluster.local:8080 gets blackhole, expected allow (200, passthrough or direct)',
    ]);
    const met = config.split('\n').filter((l) => !l.includes('"*:8080"')).join('\n');
    const clean = await runCli([...QUIET], { cwd: tempTree({ ...seed, '.istio-lint.yaml': met }) });
    expect(clean.stdout).toContain('no problems');
    expect(clean.code).toBe(0);
  });

  it('shows ten failing pairs of one expectation, then counts the rest', async () => {
    const services = Array.from({ length: 12 }, (_, i) => `apiVersion: v1\nkind: Service\nmetadata: {name: s${String(i).padStart(2, '0')}, namespace: x}\nspec: {ports: [{name: http, port: 80}]}`);
    const dir = tempTree({
      'all.yaml': [...services, 'apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: x}\nspec: {containers: [{name: c, image: c}]}', 'apiVersion: networking.istio.io/v1\nkind: Sidecar\nmetadata: {name: default, namespace: x}\nspec:\n  egress: [{hosts: ["istio-system/*"]}]\n  outboundTrafficPolicy: {mode: REGISTRY_ONLY}'].join('\n---\n'),
      '.istio-lint.yaml': 'expect:\n  - from: x/p\n    to: "*.x.svc.cluster.local"\n    verdict: 200\n',
    });
    const found = findingsOf((await runCli(['--format', 'json'], { cwd: dir })).stdout).filter((f) => f.ruleId === 'expectation-failed');
    expect(found).toHaveLength(11);
    expect(new Set(found.map((f) => `${f.line}:${f.column}`))).toEqual(new Set(['2:5']));
    expect(found.map((f) => f.message)).toContain("and 2 more of the 12 calls this expectation selects do not get 200 (istio-lint report --from 'x/p' --to '*.x.svc.cluster.local' lists them)");
  });

  it('points SARIF results at the config file, and obeys rule settings', async () => {
    const sarif = JSON.parse((await runCli([...QUIET, '--format', 'sarif'], { cwd: FIXTURE })).stdout) as Log;
    const locations = sarif.runs[0]!.results!.filter((r) => r.ruleId === 'expectation-failed').map((r) => r.locations![0]!.physicalLocation!);
    expect(locations.map((l) => `${l.artifactLocation!.uri}:${l.region!.startLine}`)).toEqual(['.istio-lint.yaml:7', '.istio-lint.yaml:10', '.istio-lint.yaml:16', '.istio-lint.yaml:20']);
    const off = await runCli([...QUIET, '--rule', 'expectation-failed=warning', '--format', 'json'], { cwd: FIXTURE });
    expect(off.code).toBe(0);
    expect(findingsOf(off.stdout).every((f) => f.severity === 'warning')).toBe(true);
  });

  it('rejects a malformed expectation with its position (exit 2)', async () => {
    const dir = tempTree({ ...seed, '.istio-lint.yaml': 'expect:\n  - from: default/a\n    to: b:80\n    verdict: 404\n' });
    const r = await runCli([], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^istio-lint: \.istio-lint\.yaml:4:14: expect\.0\.verdict must be one of 200, 502, 503, "200", "502", "503", "blackhole", "passthrough", "direct", "allow", "deny"\n$/);
    const missing = await runCli([], { cwd: tempTree({ ...seed, '.istio-lint.yaml': 'expect:\n  - from: default/a\n    verdict: deny\n' }) });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain(".istio-lint.yaml:2:5: expect.0 must have required property 'to'");
  });
});
