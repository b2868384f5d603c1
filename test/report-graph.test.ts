// `report --format dot` and `--format mermaid`: workloads → services with edges by verdict, --only blocked|allowed,
// names that cannot break out of labels, and the markdown job summary's graph (small) or counts (large).
import { describe, expect, it } from 'vitest';
import { formatDot } from '../src/reach/format-dot.js';
import { formatMarkdown } from '../src/reach/format-markdown.js';
import { formatMermaid } from '../src/reach/format-mermaid.js';
import type { Pair, ReachReport, Verdict } from '../src/reach/types.js';
import { runCli } from './helpers/cli.js';

async function seed(format: string, ...extra: string[]): Promise<string> {
  const r = await runCli(['report', 'fixtures/seed', '--format', format, ...extra]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return r.stdout;
}

const edgesOf = (dot: string): string[] => dot.split('\n').filter((l) => l.includes(' -> '));
const mermaidEdges = (m: string): string[] => m.split('\n').filter((l) => /^ {2}[ws]\d+ (-->|--x|-\.->)\|/.test(l));

describe('report --format dot', () => {
  it('matches the seed snapshot', async () => {
    await expect(await seed('dot')).toMatchFileSnapshot('__snapshots__/report-seed.dot');
  });

  it('draws one edge per workload, service and verdict, coloured, labelled and barred (⊣) when the request fails', async () => {
    const edges = edgesOf(await seed('dot'));
    expect(edges).toHaveLength(8);
    const e502 = edges.find((l) => l.includes('"w:default/helloworld-default" -> "s:helloworld.default.svc.cluster.local"') && l.includes('502'))!;
    expect(e502).toContain('label="✕ 502 :80"');
    expect(e502).toContain('arrowhead=tee');
    const ok = edges.filter((l) => l.includes('✓ 200'));
    expect(ok).toHaveLength(3);
    expect(ok.every((l) => !l.includes('arrowhead=tee') && l.includes('color="#116329"'))).toBe(true);
  });

  it('--only blocked keeps the 5 failing edges, --only allowed the 3 others', async () => {
    const blocked = edgesOf(await seed('dot', '--only', 'blocked'));
    expect(blocked).toHaveLength(5);
    expect(blocked.every((l) => l.includes('arrowhead=tee'))).toBe(true);
    const allowed = edgesOf(await seed('dot', '--only', 'allowed'));
    expect(allowed.map((l) => /label="([^"]+)"/.exec(l)![1])).toEqual(['✓ 200 :80', '✓ 200 :8080', '✓ 200 :8080']);
  });

  it('rejects an unknown --only, and an --only that leaves none of --verdict', async () => {
    const bad = await runCli(['report', 'fixtures/seed', '--only', 'broken']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('istio-lint: --only: expected blocked or allowed, got "broken"\n');
    const none = await runCli(['report', 'fixtures/seed', '--only', 'allowed', '--verdict', '502']);
    expect(none.code).toBe(2);
    expect(none.stderr).toBe('istio-lint: --only allowed: none of --verdict 502 is allowed\n');
  });

  it('escapes quotes, backslashes and line breaks in names', () => {
    const id = 'ns/a"b\\c\nd';
    const report: ReachReport = {
      assumptions: [],
      workloads: [{ id, kind: 'Pod', meshed: true, sidecar: null, outboundTrafficPolicy: 'ALLOW_ANY' }],
      pairs: [{ from: id, to: 'x"y.example.com:443', verdict: 'passthrough', reason: '', sidecar: null }],
    };
    const dot = formatDot(report);
    for (const line of dot.split('\n')) expect(line.replace(/"(?:[^"\\\n]|\\.)*"/g, '')).not.toContain('"');
    expect(dot).toContain('"w:ns/a\\"b\\\\c\\nd" -> "s:x\\"y.example.com"');
  });
});

describe('report --format mermaid', () => {
  it('matches the seed snapshot', async () => {
    await expect(await seed('mermaid')).toMatchFileSnapshot('__snapshots__/report-seed.mmd');
  });

  it('uses arrows for requests that get through and crosses for those that fail, with --only', async () => {
    const all = mermaidEdges(await seed('mermaid'));
    expect(all).toHaveLength(8);
    expect(all.filter((l) => l.includes(' --x|'))).toHaveLength(5);
    const allowed = mermaidEdges(await seed('mermaid', '--only', 'allowed'));
    expect(allowed).toHaveLength(3);
    expect(allowed.every((l) => l.includes(' -->|"✓ 200 :'))).toBe(true);
  });

  it('turns every character that means something to Mermaid, Markdown or HTML into an entity code', () => {
    const id = 'ns/<img src=x>|"#`end';
    const report: ReachReport = {
      assumptions: [],
      workloads: [{ id, kind: 'Pod', meshed: true, sidecar: null, outboundTrafficPolicy: 'ALLOW_ANY' }],
      pairs: [{ from: id, to: 'svc.ns.svc.cluster.local:80', verdict: '503', reason: '', sidecar: null }],
    };
    const m = formatMermaid(report);
    expect(m).toContain('w0["#60;img src=x#62;#124;#34;#35;#96;end<br/>Pod"]:::workload');
    const label = /w0\["(.*)"\]:::workload/.exec(m)![1]!.replace('<br/>', '');
    expect(label.replace(/#\d+;/g, '')).toMatch(/^[^"|<>#`]*$/);
  });
});

function grid(workloads: number, ports: number, verdictOf: (w: number, c: number) => Verdict): ReachReport {
  const pairs: Pair[] = [];
  const ws = [];
  for (let w = 0; w < workloads; w++) {
    const id = `ns-${w % 3}/app-${String(w).padStart(3, '0')}`;
    ws.push({ id, kind: 'Deployment', meshed: true, sidecar: null, outboundTrafficPolicy: 'ALLOW_ANY' as const });
    for (let c = 0; c < ports; c++) pairs.push({ from: id, to: `svc-${String(c).padStart(3, '0')}.ns-${c % 2}.svc.cluster.local:80`, verdict: verdictOf(w, c), reason: `reason ${w} ${c}`, sidecar: null });
  }
  return { assumptions: [], workloads: ws, pairs };
}

describe('the markdown report (GitHub job summary)', () => {
  it('includes the mermaid graph when the mesh is small, then a table per workload', async () => {
    const md = await seed('markdown');
    const block = /```mermaid\n([^]*?)\n```\n/.exec(md)![1]!;
    expect(block + '\n').toBe((await seed('mermaid')).replace(/^ {2}%%.*\n/m, ''));
    expect(md.indexOf('```mermaid')).toBeLessThan(md.indexOf('### `default/helloworld-default`'));
  });

  it('collapses a large mesh to namespace → namespace counts, without per-pair tables, well under 1 MiB', () => {
    const report = grid(60, 40, (w, c) => ((w + c) % 4 === 0 ? 'blackhole' : '200'));
    const md = formatMarkdown(report);
    expect(md).not.toContain('```mermaid');
    expect(md).not.toContain('### `');
    expect(md).toContain('| From namespace | To namespace | ✓ 200 | ⊘ blackhole |');
    const count = (fromNs: string, toNs: string, v: Verdict) => report.pairs.filter((p) => p.from.startsWith(`${fromNs}/`) && p.to.includes(`.${toNs}.svc`) && p.verdict === v).length;
    expect(md).toContain(`| \`ns-0\` | \`ns-1\` | ${count('ns-0', 'ns-1', '200')} | ${count('ns-0', 'ns-1', 'blackhole')} |`);
    expect(md).toContain('2400 pairs are too many to list here');
    expect(Buffer.byteLength(md)).toBeLessThan(10_000);
  });

  it('shows counts but keeps the per-workload tables when only the graph is too big', () => {
    const report = grid(12, 20, () => '200');
    const md = formatMarkdown(report);
    expect(md).not.toContain('```mermaid');
    expect(md).toContain('| From namespace | To namespace | ✓ 200 |');
    expect(md).toContain('### `ns-0/app-000` (Deployment)');
  });
});
