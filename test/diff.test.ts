// istio-lint diff: the seed against variants of it, with the exact pairs that changed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Log } from 'sarif';
import { describe, expect, it } from 'vitest';
import type { ReachDiff } from '../src/diff/types.js';
import { ROOT, runCli, tempTree } from './helpers/cli.js';

const SEED = ['namespace', 'service', 'deployment'].flatMap((n) => ['--head', `fixtures/seed/${n}.yaml`]);
/** The seed with its sidecar.yaml replaced by the variant's. */
const variant = (name: string): string[] => ['--base', 'fixtures/seed', ...SEED, '--head', `fixtures/diff/${name}/sidecar.yaml`];
/** From the flipped variant back to the seed. */
const FLIPPED_TO_SEED = [...SEED.map((a) => (a === '--head' ? '--base' : a)), '--base', 'fixtures/diff/policy-flipped/sidecar.yaml', '--head', 'fixtures/seed'];
const rows = (d: ReachDiff): string[] =>
  d.workloads.flatMap((w) => w.changes.map((c) => `${w.id} → ${c.to}: ${c.change} ${c.base?.verdict ?? '-'} → ${c.head?.verdict ?? '-'}`));
const json = async (args: string[]): Promise<{ code: number; diff: ReachDiff }> => {
  const r = await runCli(['diff', ...args, '--format', 'json']);
  expect(r.stderr).toBe('');
  return { code: r.code, diff: JSON.parse(r.stdout) as ReachDiff };
};

describe('istio-lint diff: the seed and its variants', () => {
  it('no change: exit 0 and nothing listed', async () => {
    const r = await runCli(['diff', 'fixtures/seed', 'fixtures/seed']);
    expect(r).toMatchObject({ code: 0, stdout: 'no reachability changes (8 pairs compared; 0 added, 0 removed)\n' });
  });

  it('a listener port changed from 80 to 8080', async () => {
    const { code, diff } = await json(variant('port-changed'));
    expect(code).toBe(1);
    expect(rows(diff)).toEqual([
      'default/helloworld-default → helloworld.default.svc.cluster.local:80: verdict-changed 502 → blackhole',
      'default/helloworld-default → helloworld.default.svc.cluster.local:8080: verdict-changed blackhole → 502',
      'default/helloworld-default → helloworld.foo.svc.cluster.local:80: newly-blocked 200 → blackhole',
      'default/helloworld-default → helloworld.foo.svc.cluster.local:8080: newly-allowed blackhole → 200',
    ]);
    expect(diff.summary).toEqual({ compared: 8, newlyBlocked: 1, newlyAllowed: 1, verdictChanged: 2, reasonChanged: 0, added: 0, removed: 0 });
  });

  it('a host removed from an egress listener', async () => {
    const { code, diff } = await json(variant('host-removed'));
    expect(code).toBe(1);
    expect(rows(diff)).toEqual([
      'foo/helloworld-foo → helloworld.default.svc.cluster.local:80: reason-changed blackhole → blackhole',
      'foo/helloworld-foo → helloworld.default.svc.cluster.local:8080: newly-blocked 200 → 502',
    ]);
    const blocked = diff.workloads[0]!.changes[1]!;
    expect(blocked.head!.reason).toContain('has no virtual host for helloworld.default.svc.cluster.local, so the catch-all virtual host block_all answers → 502');
    expect(blocked.head!.sidecar).toBe('foo/helloworld-sidecar-foo');
  });

  it('the outbound policy flipped to ALLOW_ANY: only newly allowed pairs, exit 0', async () => {
    const { code, diff } = await json(variant('policy-flipped'));
    expect(code).toBe(0);
    expect(rows(diff)).toEqual([
      'default/helloworld-default → helloworld.default.svc.cluster.local:80: newly-allowed 502 → passthrough',
      'default/helloworld-default → helloworld.default.svc.cluster.local:8080: newly-allowed blackhole → passthrough',
      'default/helloworld-default → helloworld.foo.svc.cluster.local:8080: newly-allowed blackhole → passthrough',
    ]);
    // The reverse change blocks the same three pairs again.
    const back = await json(FLIPPED_TO_SEED);
    expect(back.code).toBe(1);
    expect(back.diff.summary.newlyBlocked).toBe(3);
  });

  it('a removed workload and an added service: removed and added pairs are counted, other reasons listed', async () => {
    const dir = tempTree({
      'base/all.yaml': readFileSync(join(ROOT, 'fixtures/seed/deployment.yaml'), 'utf8') + '---\n' + readFileSync(join(ROOT, 'fixtures/seed/service.yaml'), 'utf8'),
      'head/all.yaml':
        readFileSync(join(ROOT, 'fixtures/seed/deployment.yaml'), 'utf8').split('---')[0] +
        '---\n' +
        readFileSync(join(ROOT, 'fixtures/seed/service.yaml'), 'utf8') +
        '---\napiVersion: v1\nkind: Service\nmetadata: {name: extra, namespace: default}\nspec: {ports: [{name: http, port: 80}]}\n',
    });
    const r = await runCli(['diff', 'base', 'head', '--format', 'json'], { cwd: dir });
    const diff = JSON.parse(r.stdout) as ReachDiff;
    expect(diff.summary).toEqual({ compared: 4, newlyBlocked: 0, newlyAllowed: 0, verdictChanged: 0, reasonChanged: 2, added: 1, removed: 4 });
    // helloworld-foo is gone, so the foo Service's endpoints are assumed rather than its pods: the reasons say so.
    expect(rows(diff)).toEqual([
      'default/helloworld-default → extra.default.svc.cluster.local:80: added - → 200',
      'default/helloworld-default → helloworld.foo.svc.cluster.local:80: reason-changed 200 → 200',
      'default/helloworld-default → helloworld.foo.svc.cluster.local:8080: reason-changed 200 → 200',
      'foo/helloworld-foo → helloworld.default.svc.cluster.local:80: removed 200 → -',
      'foo/helloworld-foo → helloworld.default.svc.cluster.local:8080: removed 200 → -',
      'foo/helloworld-foo → helloworld.foo.svc.cluster.local:80: removed 200 → -',
      'foo/helloworld-foo → helloworld.foo.svc.cluster.local:8080: removed 200 → -',
    ]);
    expect(r.code).toBe(0);
    expect((await runCli(['diff', 'base', 'head', '--fail-on', 'changed'], { cwd: dir })).code).toBe(1);
    const table = await runCli(['diff', 'base', 'head'], { cwd: dir });
    expect(table.stdout.split('\n').filter((l) => !l.startsWith('   '))).toEqual([
      'default/helloworld-default',
      '  reason changed  helloworld.foo.svc.cluster.local:80    200',
      '  reason changed  helloworld.foo.svc.cluster.local:8080  200',
      '',
      '2 with another reason (4 pairs compared; 1 added, 4 removed)',
      '',
    ]);
  });
});

describe('istio-lint diff: output formats and usage', () => {
  it('prints a table grouped by workload, with the reason after the change', async () => {
    const r = await runCli(['diff', ...variant('host-removed')]);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('foo/helloworld-foo');
    expect(lines[1]).toBe('  reason changed  helloworld.default.svc.cluster.local:80    blackhole');
    expect(lines[2]).toMatch(/^ {18}was: plaintext HTTP .* \(egress\[0\] \(port 8080 HTTP\) matches it by host but imports port 8080 only\)$/);
    expect(lines[3]).toMatch(/^ {18}now: plaintext HTTP .*to Sidecar foo\/helloworld-sidecar-foo$/);
    expect(lines[4]).toBe('  newly blocked   helloworld.default.svc.cluster.local:8080  200 → 502');
    expect(lines.at(-2)).toBe('1 newly blocked, 1 with another reason (8 pairs compared; 0 added, 0 removed)');
  });

  it('prints markdown for a job summary', async () => {
    const r = await runCli(['diff', ...variant('port-changed'), '--format', 'markdown']);
    const lines = r.stdout.split('\n');
    expect(lines.slice(0, 8)).toEqual([
      '## Reachability changes',
      '',
      '**1 newly blocked**, 1 newly allowed, 2 with another verdict (8 pairs compared; 0 added, 0 removed)',
      '',
      '### default/helloworld-default',
      '',
      '| change | destination | before | after | why (after) |',
      '| --- | --- | --- | --- | --- |',
    ]);
    expect(lines[10]).toMatch(/^\| 🔴 newly blocked \| `helloworld\.foo\.svc\.cluster\.local:80` \| 200 \| blackhole \| plaintext HTTP .*REGISTRY\\_ONLY.* \|$/);
  });

  it('puts newly blocked pairs into SARIF at the Sidecar that blocks them', async () => {
    const port = JSON.parse((await runCli(['diff', ...variant('port-changed'), '--format', 'sarif'])).stdout) as Log;
    const results = port.runs[0]!.results!;
    expect(results.map((r) => `${r.ruleId} ${r.locations![0]!.physicalLocation!.artifactLocation!.uri}:${r.locations![0]!.physicalLocation!.region!.startLine}:${r.locations![0]!.physicalLocation!.region!.startColumn}`)).toEqual([
      // No listener on port 80 any more: the egress list of the Sidecar.
      'newly-blocked fixtures/diff/port-changed/sidecar.yaml:10:3',
    ]);
    expect(results[0]!.message.text).toMatch(/^call from default\/helloworld-default to helloworld\.foo\.svc\.cluster\.local:80 is newly blocked: 200 before, blackhole now: /);
    expect(port.runs[0]!.tool.driver.rules!.map((d) => [d.id, d.helpUri])).toEqual([['newly-blocked', 'https://github.com/istio-lint/istio-lint#diff']]);
    // The listener of the port, when there is one.
    const host = JSON.parse((await runCli(['diff', ...variant('host-removed'), '--format', 'sarif'])).stdout) as Log;
    expect(host.runs[0]!.results!.map((r) => r.locations![0]!.physicalLocation!.region!.startLine)).toEqual([34]);
    // The policy, when it is what changed.
    const flipped = JSON.parse((await runCli(['diff', ...FLIPPED_TO_SEED, '--format', 'sarif'])).stdout) as Log;
    expect(new Set(flipped.runs[0]!.results!.map((r) => `${r.locations![0]!.physicalLocation!.region!.startLine}:${r.locations![0]!.physicalLocation!.region!.startColumn}`))).toEqual(new Set(['18:11']));
  });

  it('writes to --output, and rejects bad usage with exit 2', async () => {
    const r = await runCli(['diff', 'fixtures/seed', 'fixtures/seed', '-o', 'out.txt']);
    expect(r.files[join(ROOT, 'out.txt')]).toContain('no reachability changes');
    for (const [args, message] of [
      [['fixtures/seed'], 'expected BASE and HEAD paths, got 1 argument'],
      [['--base', 'a'], '--head is missing: give both --base and --head'],
      [['--base', 'a', '--head', 'b', 'c'], 'unexpected argument "c"'],
      [['--base-ref', 'main', '--base', 'a'], '--base-ref compares the working tree with a revision'],
      [['a', 'b', '--format', 'html'], '--format: unknown format "html"'],
      [['a', 'b', '--fail-on', 'sometimes'], '--fail-on: expected blocked, changed or never'],
      [['-', 'b'], 'diff does not read standard input'],
    ] as const) {
      const u = await runCli(['diff', ...args]);
      expect(u.code, args.join(' ')).toBe(2);
      expect(u.stderr).toContain(message);
    }
    expect((await runCli(['diff', '--help'])).stdout).toContain('istio-lint diff [options] --base-ref GIT_REF [paths...]');
  });
});
