// --fix: the fixes of intended-call-blocked applied to the files, byte for byte, and a clean lint afterwards.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Log } from 'sarif';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli, tempTree } from './helpers/cli.js';
import type { JsonFinding } from '../src/formatters/json.js';

const read = (p: string): string => readFileSync(join(ROOT, p), 'utf8');
const FIXTURE = { 'app.yaml': read('fixtures/intent/fix/app.yaml'), 'sidecar.yaml': read('fixtures/intent/fix/sidecar.yaml') };
const EXPECTED = read('fixtures/intent/fix-expected/sidecar.yaml');
// The port-80 listener keeps importing nothing of its own namespace; that warning is not about calls.
const ARGS = ['--no-config', '--rule', 'egress-host-port-filtered=off', '--rule', 'egress-port-unmatched=off'];


describe('--fix', () => {
  it('adds hosts and listeners to the Sidecar, keeping every comment and byte around them, over several passes', async () => {
    const dir = tempTree(FIXTURE);
    const r = await runCli([...ARGS, '--fix', '.'], { cwd: dir });
    expect(r.stderr).toBe('istio-lint: fixed 3 findings in sidecar.yaml\n');
    expect(r.stdout).toBe('✔ no problems (2 files, 7 resources)\n');
    expect(r.code).toBe(0);
    // Only the Sidecar is written, and it is exactly the expected text: the host joins the flow list before its
    // comment, the new listener follows the file's indentation, the second 7070 host lands in it on a later pass.
    expect(Object.keys(r.files)).toEqual([join(dir, 'sidecar.yaml')]);
    expect(r.files[join(dir, 'sidecar.yaml')]).toBe(EXPECTED);
    expect(EXPECTED.startsWith(FIXTURE['sidecar.yaml'].split('      hosts:')[0]!)).toBe(true);

    // Written back to disk, the tree lints clean: the fixes did what they said.
    writeFileSync(join(dir, 'sidecar.yaml'), r.files[join(dir, 'sidecar.yaml')]!);
    const again = await runCli([...ARGS, '--format', 'json', '.'], { cwd: dir });
    expect(again.code).toBe(0);
    expect((JSON.parse(again.stdout) as { findings: JsonFinding[] }).findings).toEqual([]);
  });

  it('--fix-dry-run reports what would be left and writes nothing', async () => {
    const dir = tempTree(FIXTURE);
    const r = await runCli([...ARGS, '--fix-dry-run', '.'], { cwd: dir });
    expect(r.files).toEqual({});
    expect(r.stderr).toBe('istio-lint: would fix 3 findings in sidecar.yaml\n');
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, 'sidecar.yaml'), 'utf8')).toBe(FIXTURE['sidecar.yaml']);
  });

  it('puts the fix into JSON and SARIF output as text edits', async () => {
    const dir = tempTree(FIXTURE);
    const json = JSON.parse((await runCli([...ARGS, '--format', 'json', '.'], { cwd: dir })).stdout) as { findings: JsonFinding[] };
    const web = json.findings.find((f) => f.line === 18)!;
    expect(web.fix).toEqual({
      description: 'add "edge/web.edge.svc.cluster.local" to the hosts of egress[0] (port 80) of Sidecar shop/default',
      edits: [{ file: 'sidecar.yaml', line: 14, column: 20, endLine: 14, endColumn: 20, text: ', "edge/web.edge.svc.cluster.local"' }],
    });
    const cart = json.findings.find((f) => f.line === 14)!;
    expect(cart.fix!.edits[0]!.text).toBe('\n    - port:\n        number: 7070\n        protocol: GRPC\n        name: grpc-7070\n      hosts:\n        - "shop/cart.shop.svc.cluster.local"');

    const sarif = JSON.parse((await runCli([...ARGS, '--format', 'sarif', '.'], { cwd: dir })).stdout) as Log;
    const result = sarif.runs[0]!.results!.find((x) => x.locations![0]!.physicalLocation!.region!.startLine === 18)!;
    expect(result.fixes).toEqual([
      {
        description: { text: 'add "edge/web.edge.svc.cluster.local" to the hosts of egress[0] (port 80) of Sidecar shop/default.' },
        artifactChanges: [
          {
            artifactLocation: { uri: 'sidecar.yaml', uriBaseId: '%SRCROOT%' },
            replacements: [{ deletedRegion: { startLine: 14, startColumn: 20, endLine: 14, endColumn: 20 }, insertedContent: { text: ', "edge/web.edge.svc.cluster.local"' } }],
          },
        ],
      },
    ]);
    // A finding without a fix has no fixes property, and findings of other rules are unchanged.
    expect(sarif.runs[0]!.results!.filter((x) => x.fixes).length).toBe(3);
  });

  it('leaves suppressed findings alone and keeps a UTF-8 byte order mark and CRLF line ends', async () => {
    const crlf = FIXTURE['sidecar.yaml'].replace(/\n/g, '\r\n');
    const app = FIXTURE['app.yaml'].replace('              value: "cart:7070"', '              # istio-lint-disable-next-line intended-call-blocked -- cart moves to port 80\n              value: "cart:7070"');
    const dir = tempTree({ 'app.yaml': app, 'sidecar.yaml': '\uFEFF' + crlf });
    const r = await runCli([...ARGS, '--fix', '.'], { cwd: dir });
    expect(r.stderr).toBe('istio-lint: fixed 2 findings in sidecar.yaml\n');
    const written = r.files[join(dir, 'sidecar.yaml')]!;
    expect(written.startsWith('\uFEFF# Egress')).toBe(true);
    expect(written.replace(/\r\n/g, '')).not.toContain('\n');
    expect(written).toContain('"./*", "edge/web.edge.svc.cluster.local"]   # only shop, for now\r\n    - port:\r\n        number: 7070\r\n');
    expect(written).toContain('"shop/orders.shop.svc.cluster.local"\r\n  outboundTrafficPolicy:');
    expect(written).not.toContain('cart.shop');
  });

  it('does not write standard input', async () => {
    const r = await runCli([...ARGS, '--fix', '--stdin-filename', 'all.yaml', '-'], { stdin: `${FIXTURE['app.yaml']}\n---\n${FIXTURE['sidecar.yaml']}` });
    expect(r.files).toEqual({});
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
  });
});
