// `report --format summary`: the counts per verdict equal those of the full pair report, with and without filters,
// though the summary judges each scope once and never builds the pairs.
import { describe, expect, it } from 'vitest';
import { namespaceText } from '../scripts/bench/generate.js';
import { VERDICTS } from '../src/reach/types.js';
import { runCli, tempTree } from './helpers/cli.js';

function mesh(): string {
  let seed = 11;
  const rand = (): number => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
  const shape = { namespaces: 4, servicesPerNamespace: 6 };
  const files: Record<string, string> = {};
  for (let i = 0; i < shape.namespaces; i++) files[`ns-${i}.yaml`] = namespaceText(i, shape, rand);
  // An unmeshed namespace and a ServiceEntry, so that direct and external verdicts are counted too.
  files['plain.yaml'] = [
    'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: plain\n',
    'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app\n  namespace: plain\nspec:\n  selector:\n    matchLabels: {app: app}\n  template:\n    metadata:\n      labels: {app: app}\n    spec:\n      containers: [{name: app, image: app}]\n',
    'apiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata:\n  name: ext\n  namespace: plain\nspec:\n  hosts: [api.example.com]\n  ports: [{number: 443, name: tls, protocol: TLS}]\n  resolution: DNS\n  location: MESH_EXTERNAL\n',
  ].join('---\n');
  return tempTree(files);
}

type Counts = Record<string, number>;

async function pairCounts(dir: string, extra: string[]): Promise<{ counts: Counts; workloads: number }> {
  const run = await runCli(['report', '.', '--no-config', '--format', 'json', ...extra], { cwd: dir });
  expect(run.code).toBe(0);
  const report = JSON.parse(run.stdout) as { workloads: unknown[]; pairs: { verdict: string }[] };
  const counts: Counts = Object.fromEntries(VERDICTS.map((v) => [v, 0]));
  for (const p of report.pairs) counts[p.verdict]!++;
  return { counts, workloads: report.workloads.length };
}

async function summaryCounts(dir: string, extra: string[]): Promise<{ counts: Counts; head: string }> {
  const run = await runCli(['report', '.', '--no-config', '--format', 'summary', ...extra], { cwd: dir });
  expect(run.code).toBe(0);
  const [head, ...lines] = run.stdout.trimEnd().split('\n');
  const counts: Counts = {};
  for (const l of lines) {
    const m = /^\s+(\S+)\s+([\d,]+)/.exec(l)!;
    counts[m[1]!] = Number(m[2]!.replace(/,/g, ''));
  }
  return { counts, head: head! };
}

describe('report --format summary', () => {
  const dir = mesh();

  for (const extra of [[], ['--from', 'ns-001/*'], ['--to', '*.ns-002.svc.cluster.local'], ['--only', 'blocked'], ['--verdict', '200,direct']]) {
    it(`counts what the pair report lists${extra.length ? ` (${extra.join(' ')})` : ''}`, async () => {
      const full = await pairCounts(dir, extra);
      const summary = await summaryCounts(dir, extra);
      expect(summary.counts).toEqual(full.counts);
      const total = Object.values(full.counts).reduce((a, b) => a + b, 0);
      expect(summary.head).toContain(`${full.workloads} workloads`);
      expect(summary.head).toContain(`${total.toLocaleString('en-US')} requests`);
    });
  }

  it('says how many scopes it judged, and counts blocked and direct requests', async () => {
    const { counts, head } = await summaryCounts(dir, []);
    expect(head).toMatch(/\(\d+ distinct scopes\)$/);
    expect(counts.direct).toBeGreaterThan(0);
    expect((counts.blackhole ?? 0) + (counts['502'] ?? 0)).toBeGreaterThan(0);
  });
});
