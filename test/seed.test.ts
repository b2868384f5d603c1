// The founding case: fixtures/seed must give exactly the 8 verdicts observed on a real cluster (SEED.txt),
// through the CLI a user runs, in every output format.
import { describe, expect, it } from 'vitest';
import type { ReachReport } from '../src/reach/types.js';
import { runCli, tempTree } from './helpers/cli.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './helpers/cli.js';

const OBSERVED: Record<string, string> = {
  'default/helloworld-default helloworld.foo.svc.cluster.local:80': '200',
  'default/helloworld-default helloworld.foo.svc.cluster.local:8080': 'blackhole',
  'default/helloworld-default helloworld.default.svc.cluster.local:80': '502',
  'default/helloworld-default helloworld.default.svc.cluster.local:8080': 'blackhole',
  'foo/helloworld-foo helloworld.foo.svc.cluster.local:80': 'blackhole',
  'foo/helloworld-foo helloworld.foo.svc.cluster.local:8080': '200',
  'foo/helloworld-foo helloworld.default.svc.cluster.local:80': 'blackhole',
  'foo/helloworld-foo helloworld.default.svc.cluster.local:8080': '200',
};

async function seedReport(...extra: string[]): Promise<ReachReport> {
  const r = await runCli(['report', 'fixtures/seed', '--format', 'json', ...extra]);
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as ReachReport;
}

describe('seed: the 8 observed verdicts', () => {
  it('gives exactly the observed verdict for every pair, sorted by from then to', async () => {
    const report = await seedReport();
    const got = Object.fromEntries(report.pairs.map((p) => [`${p.from} ${p.to}`, p.verdict]));
    expect(got).toEqual(OBSERVED);
    const keys = report.pairs.map((p) => `${p.from} ${p.to}`);
    expect(keys).toEqual([...keys].sort());
  });

  it('summarises workloads: both meshed, their Sidecar, REGISTRY_ONLY; the undeclared default namespace is an assumption', async () => {
    const report = await seedReport();
    expect(report.workloads).toEqual([
      { id: 'default/helloworld-default', kind: 'Deployment', meshed: true, sidecar: 'default/helloworld-sidecar-default', outboundTrafficPolicy: 'REGISTRY_ONLY' },
      { id: 'foo/helloworld-foo', kind: 'Deployment', meshed: true, sidecar: 'foo/helloworld-sidecar-foo', outboundTrafficPolicy: 'REGISTRY_ONLY' },
    ]);
    expect(report.assumptions.some((a) => a.includes('"default" is used but not declared'))).toBe(true);
    expect(report.assumptions.some((a) => a.includes('default/kubernetes'))).toBe(true);
  });

  it('explains each verdict with the Sidecar, the listener, the route or fallthrough, and the fix', async () => {
    const report = await seedReport();
    const reason = (from: string, to: string) => report.pairs.find((p) => p.from === from && p.to === to)!.reason;
    const r502 = reason('default/helloworld-default', 'helloworld.default.svc.cluster.local:80');
    expect(r502).toContain('Sidecar default/helloworld-sidecar-default');
    expect(r502).toContain('listener 0.0.0.0_80');
    expect(r502).toContain('block_all');
    expect(r502).toContain('add "default/helloworld.default.svc.cluster.local" (or "./*") to the hosts of egress[0] (port 80 HTTP) of Sidecar default/helloworld-sidecar-default');
    const rHole = reason('default/helloworld-default', 'helloworld.foo.svc.cluster.local:8080');
    expect(rHole).toContain('no listener for');
    expect(rHole).toContain('BlackHoleCluster');
    expect(rHole).toContain('imports port 80 only');
    expect(reason('foo/helloworld-foo', 'helloworld.default.svc.cluster.local:8080')).toContain('cluster outbound|8080||helloworld.default.svc.cluster.local');
  });

  it('is byte-for-byte deterministic', async () => {
    const a = await runCli(['report', 'fixtures/seed', '--format', 'json']);
    const b = await runCli(['report', 'fixtures/seed', '--format', 'json']);
    expect(a.stdout).toBe(b.stdout);
  });

  it('--no-assume-injected leaves the default pod without a sidecar: direct', async () => {
    const report = await seedReport('--no-assume-injected');
    const fromDefault = report.pairs.filter((p) => p.from === 'default/helloworld-default');
    expect(fromDefault.map((p) => p.verdict)).toEqual(['direct', 'direct', 'direct', 'direct']);
    expect(fromDefault[0]!.reason).toContain('kube-proxy');
    expect(report.workloads[0]!.meshed).toBe(false);
  });
});

describe('report filters', () => {
  it('--from, --to (with and without port) and --verdict select pairs with globs', async () => {
    const a = await seedReport('--from', 'foo/*', '--to', '*.default.svc.cluster.local');
    expect(a.pairs.map((p) => `${p.to} ${p.verdict}`)).toEqual(['helloworld.default.svc.cluster.local:80 blackhole', 'helloworld.default.svc.cluster.local:8080 200']);
    expect(a.workloads.map((w) => w.id)).toEqual(['foo/helloworld-foo']);
    const b = await seedReport('--to', '*:8080', '--verdict', '200,502');
    expect(b.pairs.map((p) => `${p.from} ${p.to}`)).toEqual(['foo/helloworld-foo helloworld.default.svc.cluster.local:8080', 'foo/helloworld-foo helloworld.foo.svc.cluster.local:8080']);
  });

  it('rejects an unknown verdict or format with exit 2 and one line', async () => {
    const bad = await runCli(['report', 'fixtures/seed', '--verdict', '404']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('istio-lint: --verdict: unknown verdict "404" (one of 200, 502, blackhole, passthrough, 503, direct)\n');
    const fmt = await runCli(['report', 'fixtures/seed', '--format', 'sarif']);
    expect(fmt.code).toBe(2);
    expect(fmt.stderr).toContain('--format: unknown format "sarif"');
  });
});

describe('report formats', () => {
  it('table (default): one block per workload, no colour when piped or with NO_COLOR, colour on a TTY', async () => {
    const piped = await runCli(['report', 'fixtures/seed']);
    expect(piped.code).toBe(0);
    expect(piped.stdout).not.toMatch(/\u001b\[/);
    expect(piped.stdout).toMatch(/^default\/helloworld-default \(Deployment\): Sidecar default\/helloworld-sidecar-default, REGISTRY_ONLY\n {2}502 {9}helloworld\.default\.svc\.cluster\.local:80\n/);
    expect(piped.stdout).toContain('\nfoo/helloworld-foo (Deployment): Sidecar foo/helloworld-sidecar-foo, REGISTRY_ONLY\n');
    expect(piped.stdout).toContain('8 pairs from 2 workloads: 3 × 200, 1 × 502, 4 × blackhole');
    const tty = await runCli(['report', 'fixtures/seed'], { tty: true });
    expect(tty.stdout).toContain('\u001b[32m200');
    const noColor = await runCli(['report', 'fixtures/seed'], { tty: true, env: { NO_COLOR: '1' } });
    expect(noColor.stdout).not.toMatch(/\u001b\[/);
  });

  it('markdown: a table per workload with escaped pipes', async () => {
    const r = await runCli(['report', 'fixtures/seed', '--format', 'markdown']);
    expect(r.stdout).toContain('### `default/helloworld-default` (Deployment)');
    expect(r.stdout).toContain('| Verdict | Destination | Why |');
    expect(r.stdout).toContain('| ⛔ 502 | `helloworld.default.svc.cluster.local:80` |');
    expect(r.stdout).toContain('outbound\\|80\\|\\|helloworld.foo.svc.cluster.local');
  });

  it('csv: a header and one quoted row per pair', async () => {
    const r = await runCli(['report', 'fixtures/seed', '--format', 'csv']);
    const rows = r.stdout.trimEnd().split('\r\n');
    expect(rows[0]).toBe('from,to,verdict,sidecar,reason');
    expect(rows).toHaveLength(9);
    expect(rows[1]).toMatch(/^default\/helloworld-default,helloworld\.default\.svc\.cluster\.local:80,502,default\/helloworld-sidecar-default,"plaintext HTTP/);
  });

  it('--output writes the file instead of stdout', async () => {
    const r = await runCli(['report', 'fixtures/seed', '--format', 'json', '--output', 'out.json']);
    expect(r.stdout).toBe('');
    const file = Object.entries(r.files).find(([p]) => p.endsWith('out.json'))?.[1];
    expect(JSON.parse(file!).pairs).toHaveLength(8);
  });

  it('still prints the report when an input does not parse, with one line on stderr for it', async () => {
    const seed = (n: string) => readFileSync(join(ROOT, 'fixtures/seed', n), 'utf8');
    const dir = tempTree({ 'namespace.yaml': seed('namespace.yaml'), 'service.yaml': seed('service.yaml'), 'deployment.yaml': seed('deployment.yaml'), 'sidecar.yaml': seed('sidecar.yaml'), 'broken.yaml': 'kind: [\n' });
    const r = await runCli(['report', '.', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).pairs).toHaveLength(8);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^istio-lint: broken\.yaml:\d+:\d+: .*\(not used by the report\)\n$/);
  });
});
