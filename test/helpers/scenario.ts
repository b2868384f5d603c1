// The reachability oracle: fixture folders of manifests + expected.yaml, checked against the engine's public contract.
// expected.yaml is written from istio-semantics.md / istio-simulation-cases.md, never from the engine's output.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { modelOf, parseInputs } from '../../src/engine.js';
import { asArray, asInt, asObject, asString, type JsonObject } from '../../src/json.js';
import { parseYaml } from '../../src/loader/parse.js';
import type { Mesh } from '../../src/model/types.js';
import { VERDICTS, type Call, type CallResult, type Pair, type ReachReport, type Verdict, type WorkloadSummary } from '../../src/reach/types.js';

export type Confidence = 'observed' | 'derived' | 'unconfirmed';
type CallVerdict = CallResult['verdict'];

export interface PairExpectation {
  readonly from: string;
  readonly to: string;
  readonly verdict: Verdict;
  readonly why: string;
  readonly confidence?: Confidence;
  readonly note?: string;
}

export interface CallExpectation {
  readonly from: string;
  readonly call: Call;
  readonly verdict: CallVerdict;
  readonly why?: string;
  readonly cluster?: string;
  readonly listener?: string;
  readonly confidence?: Confidence;
  readonly note?: string;
  /** Istio's subtest name, when the case has several. */
  readonly case?: string;
  /** Listed but not asserted, with the reason (e.g. a verdict outside the six). */
  readonly skip?: string;
}

export interface WorkloadExpectation {
  readonly id: string;
  readonly meshed?: boolean;
  readonly sidecar?: string | null;
  readonly outboundTrafficPolicy?: 'ALLOW_ANY' | 'REGISTRY_ONLY';
}

/** One test: a scenario, or one simulation case of a fixture folder. */
export interface Check {
  readonly label: string;
  readonly why?: string;
  readonly workloads: readonly WorkloadExpectation[];
  readonly pairs: readonly PairExpectation[];
  readonly calls: readonly CallExpectation[];
}

export interface Fixture {
  /** Folder name, e.g. "s04-namespace-wide-sidecar". */
  readonly name: string;
  /** Relative to the repository root, e.g. "fixtures/scenarios/s04-namespace-wide-sidecar". */
  readonly dir: string;
  readonly title: string;
  readonly checks: readonly Check[];
}

// The repository root; fixture paths are relative to it (as runCli's default cwd).
const ROOT = resolve(__dirname, '../..');
const EXPECTED = 'expected.yaml';
const CALL_VERDICTS: readonly string[] = [...VERDICTS, 'dns-failure', 'other'];
const CONFIDENCES: readonly string[] = ['observed', 'derived', 'unconfirmed'];

/** Every fixture folder under `root` (relative to the repository), sorted by name. */
export function loadFixtures(root: string): Fixture[] {
  const abs = join(ROOT, root);
  return readdirSync(abs)
    .filter((n) => statSync(join(abs, n)).isDirectory())
    .sort()
    .map((n) => loadFixture(join(root, n)));
}

export function loadFixture(dir: string): Fixture {
  const file = join(dir, EXPECTED);
  const doc = readYaml(file);
  const name = dir.split('/').pop() ?? dir;
  const title = str(doc, 'title', file);
  const cases = doc.cases === undefined ? undefined : asArray(doc.cases);
  const checks = cases
    ? cases.map((c, i) => {
        const o = obj(c, `${file} cases[${i}]`);
        return readCheck(o, `case ${String(asInt(o.case) ?? asString(o.case) ?? i)}: ${str(o, 'title', file)}`, `${file} cases[${i}]`);
      })
    : [readCheck(doc, title, file)];
  return { name, dir, title, checks };
}

/** The skipped simulation cases: [{case, reason}]. */
export function loadSkipped(file: string): { case: number; reason: string }[] {
  return asArray(readYaml(file).skipped).map((s, i) => {
    const o = obj(s, `${file} skipped[${i}]`);
    const n = asInt(o.case);
    if (n === undefined) throw new Error(`${file} skipped[${i}]: case must be a number`);
    return { case: n, reason: str(o, 'reason', file) };
  });
}

/** Manifests of a fixture folder (every YAML file but expected.yaml) → mesh model, as the CLI would build it. */
export function meshOf(dir: string): Mesh {
  const abs = join(ROOT, dir);
  const inputs = readdirSync(abs)
    .filter((n) => /\.ya?ml$/.test(n) && n !== EXPECTED)
    .sort()
    .map((n) => ({ path: join(dir, n), text: readFileSync(join(abs, n), 'utf8') }));
  const files = parseInputs(inputs, 'default');
  const broken = files.flatMap((f) => f.reports).filter((r) => r.ruleId === 'parse-error' && r.severity !== 'warning');
  if (broken.length) throw new Error(`${dir}: fixture does not parse: ${broken.map((r) => `${r.file}: ${r.message}`).join('; ')}`);
  return modelOf(files, { meshLayers: [], assumeInjected: true }).mesh;
}

const fmtWhy = (e: { why?: string; confidence?: Confidence; note?: string }): string =>
  [e.why ? `why: ${e.why}` : '', e.confidence ? e.confidence : '', e.note ? `note: ${e.note}` : ''].filter(Boolean).join('; ');

/** Compares the report's workloads and pairs with the expectations; one line per mismatch. */
export function checkReport(fixture: string, check: Check, report: Pick<ReachReport, 'workloads' | 'pairs'>): string[] {
  const problems: string[] = [];
  const pairs = new Map<string, Pair>(report.pairs.map((p) => [`${p.from} ${p.to}`, p]));
  for (const e of check.pairs) {
    const got = pairs.get(`${e.from} ${e.to}`);
    const head = `[${fixture}] ${e.from} → ${e.to}`;
    if (!got) {
      problems.push(`${head}: expected ${e.verdict}, but the report has no such pair (${fmtWhy(e)})`);
      continue;
    }
    if (got.verdict !== e.verdict) {
      problems.push(`${head}: expected ${e.verdict}, got ${got.verdict} (${fmtWhy(e)}) — engine reason: ${JSON.stringify(got.reason)}`);
    } else if (!got.reason || !got.reason.trim()) {
      problems.push(`${head}: verdict ${got.verdict} as expected, but the reason is empty`);
    }
  }
  const workloads = new Map<string, WorkloadSummary>(report.workloads.map((w) => [w.id, w]));
  for (const e of check.workloads) {
    const got = workloads.get(e.id);
    if (!got) {
      problems.push(`[${fixture}] workload ${e.id}: not in the report`);
      continue;
    }
    for (const key of ['meshed', 'sidecar', 'outboundTrafficPolicy'] as const) {
      if (e[key] !== undefined && got[key] !== e[key]) {
        problems.push(`[${fixture}] workload ${e.id}: expected ${key} ${JSON.stringify(e[key])}, got ${JSON.stringify(got[key])}`);
      }
    }
  }
  return problems;
}

/** Runs the calls through `simulate`; asserts verdict, non-empty reason, and cluster/listener when the engine names them. */
export function checkCalls(fixture: string, check: Check, simulate: (from: string, call: Call) => CallResult): string[] {
  const problems: string[] = [];
  for (const e of check.calls) {
    if (e.skip) continue;
    const head = `[${fixture}] ${e.from} → ${describeCall(e.call)}${e.case ? ` (${e.case})` : ''}`;
    let got: CallResult;
    try {
      got = simulate(e.from, e.call);
    } catch (err) {
      problems.push(`${head}: simulateCall threw ${err instanceof Error ? err.message : String(err)}`);
      continue;
    }
    if (got.verdict !== e.verdict) {
      const at = [got.listener && `listener ${got.listener}`, got.route && `route ${got.route}`, got.cluster && `cluster ${got.cluster}`].filter(Boolean).join(', ');
      problems.push(`${head}: expected ${e.verdict}, got ${got.verdict}${at ? ` [${at}]` : ''} (${fmtWhy(e)}) — engine reason: ${JSON.stringify(got.reason)}`);
      continue;
    }
    if (!got.reason || !got.reason.trim()) problems.push(`${head}: verdict ${got.verdict} as expected, but the reason is empty`);
    if (e.cluster && got.cluster !== undefined && got.cluster !== e.cluster) {
      problems.push(`${head}: verdict ${got.verdict} as expected, but cluster ${got.cluster} instead of ${e.cluster} (${fmtWhy(e)}) — engine reason: ${JSON.stringify(got.reason)}`);
    }
    if (e.listener && got.listener !== undefined && got.listener !== e.listener) {
      problems.push(`${head}: verdict ${got.verdict} as expected, but listener ${got.listener} instead of ${e.listener} (${fmtWhy(e)})`);
    }
  }
  return problems;
}

export function describeCall(c: Call): string {
  const proto = c.protocol ?? 'http';
  const extra = [c.hostHeader && `Host: ${c.hostHeader}`, c.sni && `SNI ${c.sni}`].filter(Boolean).join(', ');
  return `${proto}://${c.host}:${c.port}${extra ? ` (${extra})` : ''}`;
}

// ---- reading expected.yaml strictly: a typo must fail loudly, never silently skip an expectation ----

function readYaml(file: string): JsonObject {
  const parsed = parseYaml(file, readFileSync(join(ROOT, file), 'utf8'));
  if (parsed.reports.length) throw new Error(`${file}: ${parsed.reports.map((r) => r.message).join('; ')}`);
  return obj(parsed.documents[0], file);
}

function obj(v: unknown, where: string): JsonObject {
  const o = asObject(v);
  if (!o) throw new Error(`${where}: expected a mapping`);
  return o;
}

function str(o: JsonObject, key: string, where: string): string {
  const v = asString(o[key]);
  if (v === undefined) throw new Error(`${where}: "${key}" must be a string`);
  return v;
}

function optStr(o: JsonObject, key: string, where: string): string | undefined {
  if (o[key] === undefined) return undefined;
  return str(o, key, where);
}

function onlyKeys(o: JsonObject, keys: readonly string[], where: string): void {
  const extra = Object.keys(o).filter((k) => !keys.includes(k));
  if (extra.length) throw new Error(`${where}: unknown key(s) ${extra.join(', ')}`);
}

function confidence(o: JsonObject, where: string): Confidence | undefined {
  const c = optStr(o, 'confidence', where);
  if (c !== undefined && !CONFIDENCES.includes(c)) throw new Error(`${where}: confidence must be one of ${CONFIDENCES.join(', ')}`);
  return c as Confidence | undefined;
}

function readCheck(o: JsonObject, label: string, where: string): Check {
  onlyKeys(o, ['scenario', 'case', 'title', 'note', 'baseline', 'creationOrder', 'why', 'workloads', 'pairs', 'calls', 'cases'], where);
  const workloads = asArray(o.workloads).map((w, i): WorkloadExpectation => {
    const at = `${where} workloads[${i}]`;
    const x = obj(w, at);
    onlyKeys(x, ['id', 'meshed', 'sidecar', 'outboundTrafficPolicy'], at);
    const policy = optStr(x, 'outboundTrafficPolicy', at);
    if (policy !== undefined && policy !== 'ALLOW_ANY' && policy !== 'REGISTRY_ONLY') throw new Error(`${at}: bad outboundTrafficPolicy`);
    if (x.meshed !== undefined && typeof x.meshed !== 'boolean') throw new Error(`${at}: meshed must be a boolean`);
    if (x.sidecar !== undefined && x.sidecar !== null && typeof x.sidecar !== 'string') throw new Error(`${at}: sidecar must be a string or null`);
    return {
      id: str(x, 'id', at),
      meshed: x.meshed as boolean | undefined,
      sidecar: x.sidecar as string | null | undefined,
      outboundTrafficPolicy: policy as WorkloadExpectation['outboundTrafficPolicy'],
    };
  });
  const pairs = asArray(o.pairs).map((p, i): PairExpectation => {
    const at = `${where} pairs[${i}]`;
    const x = obj(p, at);
    onlyKeys(x, ['from', 'to', 'verdict', 'why', 'confidence', 'note'], at);
    const verdict = str(x, 'verdict', at);
    if (!(VERDICTS as readonly string[]).includes(verdict)) throw new Error(`${at}: verdict "${verdict}" is not one of ${VERDICTS.join(', ')}`);
    if (!/^[^/\s]+\/[^/\s]+$/.test(str(x, 'from', at))) throw new Error(`${at}: from must be ns/workload`);
    if (!/^[^\s:]+:\d+$/.test(str(x, 'to', at))) throw new Error(`${at}: to must be fqdn:port`);
    return { from: str(x, 'from', at), to: str(x, 'to', at), verdict: verdict as Verdict, why: str(x, 'why', at), confidence: confidence(x, at), note: optStr(x, 'note', at) };
  });
  const calls = asArray(o.calls).map((c, i): CallExpectation => {
    const at = `${where} calls[${i}]`;
    const x = obj(c, at);
    onlyKeys(x, ['from', 'call', 'verdict', 'why', 'cluster', 'listener', 'confidence', 'note', 'case', 'skip'], at);
    const verdict = str(x, 'verdict', at);
    if (!CALL_VERDICTS.includes(verdict)) throw new Error(`${at}: verdict "${verdict}" is not one of ${CALL_VERDICTS.join(', ')}`);
    if (verdict === 'other' && !x.skip) throw new Error(`${at}: an "other" verdict must be skipped with a reason`);
    return {
      from: str(x, 'from', at),
      call: readCall(obj(x.call, `${at}.call`), `${at}.call`),
      verdict: verdict as CallVerdict,
      why: optStr(x, 'why', at),
      cluster: optStr(x, 'cluster', at),
      listener: optStr(x, 'listener', at),
      confidence: confidence(x, at),
      note: optStr(x, 'note', at),
      case: optStr(x, 'case', at),
      skip: optStr(x, 'skip', at),
    };
  });
  if (!pairs.length && !calls.length && !workloads.length) throw new Error(`${where}: no expectations`);
  return { label, why: optStr(o, 'why', where), workloads, pairs, calls };
}

function readCall(x: JsonObject, at: string): Call {
  onlyKeys(x, ['host', 'port', 'protocol', 'hostHeader', 'sni'], at);
  const port = asInt(x.port);
  if (port === undefined) throw new Error(`${at}: port must be a number`);
  const protocol = optStr(x, 'protocol', at);
  if (protocol !== undefined && protocol !== 'http' && protocol !== 'tcp' && protocol !== 'tls') throw new Error(`${at}: bad protocol`);
  const hostHeader = optStr(x, 'hostHeader', at);
  const sni = optStr(x, 'sni', at);
  return {
    host: str(x, 'host', at),
    port,
    ...(protocol ? { protocol: protocol as Call['protocol'] } : {}),
    ...(hostHeader ? { hostHeader } : {}),
    ...(sni ? { sni } : {}),
  };
}
