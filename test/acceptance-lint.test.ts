// Acceptance audit of the lint side (issues 2, 4, 5, 10): gaps found by using the CLI as a stranger would, each
// pinned by what a user sees (exit code, rule id, line:column, message).
import { describe, expect, it } from 'vitest';
import { fastDocuments } from '../src/loader/fast-parse.js';
import { parseYaml } from '../src/loader/parse.js';
import { runCli, tempTree } from './helpers/cli.js';
import { out, where } from './helpers/manifests.js';

const lint = async (files: Record<string, string>, args: string[] = []) => {
  const r = await runCli(['--format', 'json', ...args, '.'], { cwd: tempTree(files) });
  return { ...r, where: r.code === 2 ? [] : where(r.stdout), findings: r.code === 2 ? [] : out(r.stdout).findings };
};

describe('plain scalars are numbers only when they have a digit, as kubectl (go-yaml) reads them', () => {
  const SCALARS = ['.', '-.', '._', 'e5', '.e5', '0x_', '0b_', '0_', '.5', '1.', '1e3', '-.inf', '.nan', '0x1F', '017', '1_000'];
  // go-yaml: no digit past the sign and radix prefix → a string; `0_` is octal 0.
  const EXPECTED: unknown[] = ['.', '-.', '._', 'e5', '.e5', '0x_', '0b_', 0, 0.5, 1, 1000, -Infinity, NaN, 31, 15, 1000];
  const text = (anchor: boolean) => SCALARS.map((s, i) => `k${i}: ${anchor && i === 0 ? '&a ' : ''}${s}`).join('\n') + '\n';

  it('the `yaml` path (taken for files with anchors) and the fast path read the same values', () => {
    const slow = parseYaml('a.yaml', text(true)).documents[0] as Record<string, unknown>;
    const fast = fastDocuments(text(false))!.documents[0] as Record<string, unknown>;
    SCALARS.forEach((s, i) => {
      expect(slow[`k${i}`], `yaml path: ${s}`).toEqual(EXPECTED[i]);
      expect(fast[`k${i}`], `fast path: ${s}`).toEqual(EXPECTED[i]);
    });
  });

  it('exportTo: [.] written unquoted is "this namespace", not a schema error', async () => {
    const r = await lint({
      'se.yaml': 'apiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata:\n  name: ext\n  namespace: a\nspec:\n  hosts: [api.example.com]\n  exportTo:\n  - .\n  ports: [{number: 443, name: tls, protocol: TLS}]\n  resolution: DNS\n',
      'svc.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  namespace: a\n  annotations:\n    networking.istio.io/exportTo: .\nspec:\n  ports: [{name: http, port: 80}]\n',
    });
    expect(r.findings.filter((f) => f.ruleId === 'schema')).toEqual([]);
  });
});

describe('the config names only rules that exist', () => {
  it('an unknown rule id stops the run with exit 2 at its line:column in the config, with the near spelling', async () => {
    const files = { '.istio-lint.yaml': 'rules:\n  schema: warning\n  egress-host-fromat: off\n', 'a.yaml': 'kind: x\n' };
    for (const extra of [[], ['--print-config']]) {
      const r = await runCli(['.', ...extra], { cwd: tempTree(files) });
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe('istio-lint: .istio-lint.yaml:3:3: unknown rule "egress-host-fromat" in rules; did you mean "egress-host-format"? (istio-lint rules lists them)\n');
    }
  });

  it('--rule with a misspelt id suggests the near one', async () => {
    const r = await runCli(['--rule', 'selector-no-mach=off', '.'], { cwd: tempTree({ 'a.yaml': 'kind: x\n' }) });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('istio-lint: --rule: unknown rule "selector-no-mach"; did you mean "selector-no-match"? (istio-lint rules lists them)\n');
  });
});

const SIDECAR = (name: string, spec: string, ns = 'shop'): string =>
  `apiVersion: networking.istio.io/v1\nkind: Sidecar\nmetadata:\n  name: ${name}\n  namespace: ${ns}\n${spec}`;
const CART = [
  'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  labels: {istio-injection: enabled}\n',
  'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: cart\n  namespace: shop\nspec:\n  selector: {matchLabels: {app: cart}}\n  template:\n    metadata: {labels: {app: cart}}\n    spec:\n      containers: [{name: c, image: x}]\n',
].join('---\n');

describe('one finding per problem: rules leave wrong shapes and rejected hosts to schema and egress-host-format', () => {
  it('workloadSelector.labels written as a string is a schema error, not also an empty selector', async () => {
    const r = await lint({ 's.yaml': SIDECAR('s', 'spec:\n  workloadSelector:\n    labels: "app=cart"\n  egress: [{hosts: ["./*"]}]\n') });
    expect(r.where).toEqual(['s.yaml:8:13 error schema']);
  });

  it('hosts Istio rejects get egress-host-format only, not also egress-host-redundant', async () => {
    const spec = 'spec:\n  egress:\n  - hosts:\n    - "shop/*"\n    - "shop/cart"\n    - "shop/ca*rt.example.com"\n    - "Shop_X/a.example.com"\n    - "*/*"\n    - "shop/*"\n';
    const r = await lint({ 's.yaml': SIDECAR('s', spec) });
    expect(r.where.filter((w) => / egress-host-(format|redundant)$/.test(w))).toEqual([
      's.yaml:9:7 warning egress-host-redundant', // "shop/*" beside "*/*"
      's.yaml:10:7 error egress-host-format',
      's.yaml:11:7 error egress-host-format',
      's.yaml:12:7 error egress-host-format',
      's.yaml:14:7 warning egress-host-redundant', // "shop/*" twice
    ]);
  });
});

describe('positions and messages point at the right node', () => {
  it('sidecar-empty on `spec: null` points at spec, not at the name', async () => {
    const r = await lint({ 's.yaml': SIDECAR('s', 'spec: null\n') });
    expect(r.where).toEqual(['s.yaml:6:1 error sidecar-empty']);
  });

  it('a negative connection pool counter is a schema error at the value (validateConnectionPool)', async () => {
    const spec = 'spec:\n  inboundConnectionPool:\n    tcp: {maxConnections: -1}\n    http:\n      http1MaxPendingRequests: 0\n      maxRetries: -3\n';
    const r = await lint({ 's.yaml': SIDECAR('s', spec) });
    expect(r.where).toEqual(['s.yaml:8:27 error schema', 's.yaml:11:19 error schema']);
    expect(r.findings[1]!.message).toBe('spec.inboundConnectionPool.http.maxRetries must be an integer between 0 and 2147483647, got -3');
  });
});

describe('connection pool durations (SV-10): at least 1ms; connectTimeout and http.idleTimeout in whole milliseconds', () => {
  it('flags what Istio rejects, at the value, and accepts Go durations it takes', async () => {
    const pool = (tcp: string, http: string) => `spec:\n  inboundConnectionPool:\n    tcp: {${tcp}}\n    http: {${http}}\n`;
    const bad = await lint({ 's.yaml': SIDECAR('s', pool('connectTimeout: 0s, idleTimeout: 500us, maxConnectionDuration: "0"', 'idleTimeout: 1.5ms')) });
    expect(bad.findings.filter((f) => f.ruleId === 'connection-pool-invalid').map((f) => `${f.line}:${f.column} ${f.message}`)).toEqual([
      '8:27 connectTimeout "0s" is shorter than 1ms, which Istio rejects: use a duration such as "10ms" or "5s"',
      '8:44 idleTimeout "500us" is shorter than 1ms, which Istio rejects: use a duration such as "10ms" or "5s"',
      '8:74 maxConnectionDuration "0" is shorter than 1ms, which Istio rejects: use a duration such as "10ms" or "5s"',
      '9:25 idleTimeout "1.5ms" is not a whole number of milliseconds, which Istio rejects: use a duration such as "10ms" or "5s"',
    ]);
    const good = await lint({ 's.yaml': SIDECAR('s', pool('connectTimeout: 1ms, idleTimeout: 1.5ms, maxConnectionDuration: 1h30m', 'idleTimeout: 0.5s')) });
    expect(good.where.filter((w) => w.endsWith('connection-pool-invalid'))).toEqual([]);
  });
});

describe('selector-conflict counts a workloadSelector without labels (istiod ranks it with the selector Sidecars)', () => {
  it('a labelled Sidecar shadowed by an older label-less selector is reported, naming the one that wins', async () => {
    const r = await lint({
      'mesh.yaml': CART,
      'a.yaml': SIDECAR('a-all', 'spec:\n  workloadSelector: {}\n  egress: [{hosts: ["./*"]}]\n'),
      'b.yaml': SIDECAR('b-cart', 'spec:\n  workloadSelector: {labels: {app: cart}}\n  egress: [{hosts: ["./*", "istio-system/*"]}]\n'),
    });
    expect(r.where).toContain('b.yaml:7:3 error selector-conflict');
    expect(r.where).toContain('a.yaml:7:3 warning selector-empty-labels');
    expect(r.where.filter((w) => w.startsWith('a.yaml') && w.endsWith('selector-conflict'))).toEqual([]);
    const f = r.findings.find((x) => x.ruleId === 'selector-conflict')!;
    expect(f.message).toContain('which Sidecar shop/a-all (a.yaml:4) also selects');
    expect(f.message).toContain('shop/a-all (its workloadSelector has no labels, so it selects every pod), so this one is ignored');
  });
});

describe('--report-unused-suppressions says when a suppression names no rule', () => {
  it('a misspelt id in the annotation or a comment is called out with the near rule id', async () => {
    const spec = 'spec:\n  egress:\n  - hosts:\n    - "bad" # istio-lint-disable-line egress-host-fromat\n';
    const text = SIDECAR('s', spec).replace('  namespace: shop\n', '  namespace: shop\n  annotations:\n    istio-lint.io/ignore: "sidecar-emtpy, selector-no-match"\n');
    const r = await lint({ 's.yaml': text }, ['--report-unused-suppressions']);
    const unused = r.findings.filter((f) => f.ruleId === 'unused-suppression').map((f) => `${f.line}:${f.column} ${f.message}`);
    expect(unused).toEqual([
      '7:27 annotation istio-lint.io/ignore names "selector-no-match", but no such finding is on this resource; remove it',
      '7:27 annotation istio-lint.io/ignore: "sidecar-emtpy" is not a rule (did you mean "sidecar-empty"?); fix the id or remove it',
      '11:13 "istio-lint-disable-line": "egress-host-fromat" is not a rule (did you mean "egress-host-format"?); fix the id or remove the comment',
    ]);
    expect(r.where).toContain('s.yaml:11:7 error egress-host-format');
  });
});

describe('--namespace takes a namespace name, as kubectl -n does', () => {
  it('refuses anything else with exit 2 and one line, before any output', async () => {
    const r = await runCli(['-n', 'Team_A', '.'], { cwd: tempTree({ 'a.yaml': 'kind: x\n' }) });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`istio-lint: --namespace: "Team_A" is not a namespace name (at most 63 lowercase letters, digits or '-', starting and ending with a letter or digit)\n`);
  });
});

describe('custom rules files inside a linted folder', () => {
  it('are rules, not manifests: no not-a-resource note for a --rules-file or rulesFiles entry met in a walk', async () => {
    const rules = 'customRules:\n  - id: org/registry-only\n    severity: error\n    description: Every Sidecar restricts outbound traffic to the registry\n    match: {kinds: [Sidecar]}\n    given: $.spec.outboundTrafficPolicy.mode\n    then: {function: enumeration, functionOptions: {values: [REGISTRY_ONLY]}}\n';
    const ns = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: foo\n';
    const flag = tempTree({ 'house-rules.yaml': rules, 'ns.yaml': ns });
    const r1 = await runCli(['.', '--rules-file', 'house-rules.yaml', '--format', 'json'], { cwd: flag });
    expect(JSON.parse(r1.stdout).findings).toEqual([]);
    const viaConfig = tempTree({ 'policy/house-rules.yaml': rules, 'ns.yaml': ns, '.istio-lint.yaml': 'rulesFiles: [policy/house-rules.yaml]\n' });
    const r2 = await runCli(['.', '--format', 'json'], { cwd: viaConfig });
    expect(JSON.parse(r2.stdout).findings).toEqual([]);
    // Named explicitly as an input, it is read (and reported) like any file the user asked for.
    const r3 = await runCli(['house-rules.yaml', '--format', 'json'], { cwd: flag });
    expect(JSON.parse(r3.stdout).findings.map((f: { ruleId: string }) => f.ruleId)).toEqual(['not-a-resource']);
  });
});
