// The reachability engine of one mesh: workloads → scopes (shared), targets, and one verdict per scope × target.
// Verdicts are computed lazily and cached per scope, so N workloads in one scope cost one column of work.
import { injectionOf, isGateway } from '../model/injection.js';
import { isAmbientWorkload } from '../model/ambient.js';
import type { Mesh, Sidecar, Workload } from '../model/types.js';
import { explain, requestText } from './explain.js';
import { registryOf, type Registry } from './registry.js';
import { buildScope, type Scope } from './scope-build.js';
import { chooseScope, rangeBypass, type ScopeChoice } from './scope.js';
import { buildTargets, type Target } from './targets.js';
import { viaService } from './resolve.js';
import { UNCONFIRMED, unconfirmed } from './unconfirmed.js';
import type { Verdict } from './types.js';
import { walk, type Trace } from './walk.js';

export interface PairResult {
  readonly verdict: Verdict;
  readonly reason: string;
}

export interface ClientInfo {
  readonly meshed: boolean;
  readonly why: string;
  readonly choice?: ScopeChoice;
}

export class ReachEngine {
  readonly reg: Registry;
  private targetList?: Target[];
  private readonly clients = new Map<Workload, ClientInfo>();
  private readonly scopes = new Map<string, Scope>();
  private readonly results = new Map<string, (PairResult | undefined)[]>();
  private readonly direct: (PairResult | undefined)[] = [];

  constructor(readonly mesh: Mesh) {
    this.reg = registryOf(mesh);
  }

  /** Distinct scopes built so far: workloads that share a Sidecar, namespace and capture share one. */
  get scopeCount(): number {
    return this.scopes.size;
  }

  get targets(): readonly Target[] {
    return (this.targetList ??= buildTargets(this.reg));
  }

  client(w: Workload): ClientInfo {
    let c = this.clients.get(w);
    if (c) return c;
    const inj = injectionOf(w, this.mesh);
    if (inj.meshed && isGateway(w)) c = { meshed: false, why: 'a gateway proxy: Sidecars never apply to it and its own outbound connections are not captured' };
    else if (!inj.meshed && isAmbientWorkload(w, this.mesh)) c = { meshed: false, why: `ambient mode (ztunnel), not a sidecar: ${inj.reason}` };
    else if (!inj.meshed) c = { meshed: false, why: `not meshed: ${inj.reason}` };
    else c = { meshed: true, why: inj.reason, choice: chooseScope(this.mesh, w) };
    this.clients.set(w, c);
    return c;
  }

  scope(choice: ScopeChoice): Scope {
    let s = this.scopes.get(choice.key);
    if (!s) this.scopes.set(choice.key, (s = buildScope(this.reg, choice)));
    return s;
  }

  /** The verdict for one workload and target (index into `targets`). */
  pair(w: Workload, i: number): PairResult {
    const c = this.client(w);
    const t = this.targets[i]!;
    // Unmeshed clients share a column per reason for having no sidecar, meshed ones per scope.
    const key = c.choice ? c.choice.key : `direct\u0000${c.why}`;
    let col = this.results.get(key);
    if (!col) this.results.set(key, (col = []));
    if (!c.meshed || !c.choice) return (col[i] ??= { verdict: 'direct', reason: `${c.why}; ${this.plain(i).reason}` });
    return (col[i] ??= this.compute(c.choice, t, i));
  }

  /** The verdict alone, for counting (report --format summary): no reason is built, nothing is cached. */
  verdict(w: Workload, i: number): Verdict {
    const c = this.client(w);
    if (!c.meshed || !c.choice) return 'direct';
    const done = this.results.get(c.choice.key)?.[i];
    if (done) return done.verdict;
    const d = this.decide(c.choice, this.targets[i]!);
    return 'bypass' in d ? 'direct' : d.trace ? d.trace.pairVerdict : UNCONFIRMED.dnsFailure.value;
  }

  /**
   * The verdict if `patched` replaced the Sidecar that applies to w: the same capture bypass (step 1.10) and walk as
   * `pair`, on an uncached scope. Undefined when no Sidecar decides the call (not meshed, another Sidecar applies,
   * the connection bypasses Envoy, the name does not resolve).
   */
  pairWithSidecar(w: Workload, i: number, patched: Sidecar): Verdict | undefined {
    const c = this.client(w);
    if (!c.choice || c.choice.sidecar?.id !== patched.id) return undefined;
    const choice = { ...c.choice, sidecar: patched, key: `${c.choice.key}\u0000patched` };
    const d = this.decide(choice, this.targets[i]!, () => buildScope(this.reg, choice));
    return 'bypass' in d ? undefined : d.trace?.pairVerdict;
  }

  /** What becomes of the request, before any words: it bypasses Envoy, or it resolves (or not) and is walked. */
  private decide(choice: ScopeChoice, t: Target, scopeOf = () => this.scope(choice)): { bypass: string } | { res: Target['resolution']; trace: Trace | undefined } {
    const cap = choice.capture;
    const bypass = t.kind === 'udp' ? 'UDP is never captured by the sidecar' : cap.none ?? (cap.excludedPorts.has(t.port.port) ? `port ${t.port.port} is excluded by traffic.sidecar.istio.io/excludeOutboundPorts` : undefined);
    if (bypass) return { bypass };
    const res = choice.dnsCapture ? viaService(this.reg, this.reg.shadowed.get(t.svc) ?? t.svc, choice.namespace, 0, t.name, true) : t.resolution;
    if ('failure' in res) return { res, trace: undefined };
    const byAddress = rangeBypass(cap, res.dest, t.port.port);
    if (byAddress) return { bypass: byAddress };
    const kind = t.kind === 'udp' ? 'tcp' : t.kind;
    return { res, trace: walk(scopeOf(), res.dest, t.port.port, { kind, authority: t.name, sni: t.name }) };
  }

  private compute(choice: ScopeChoice, t: Target, i: number): PairResult {
    const d = this.decide(choice, t);
    if ('bypass' in d) return { verdict: 'direct', reason: `${d.bypass}, so the connection bypasses Envoy; ${this.plain(i).reason}` };
    const { res, trace } = d;
    const head = res === t.resolution ? this.headOf(i, t, res) : headText(t, res);
    if ('failure' in res || !trace) {
      const c = UNCONFIRMED.dnsFailure;
      return { verdict: c.value, reason: `${head}: ${'failure' in res ? res.failure : ''} ${unconfirmed(c)}` };
    }
    return { verdict: trace.pairVerdict, reason: explain(this.scope(choice), head, t.svc, t.port, t.port.port, trace) };
  }

  private readonly heads: (string | undefined)[] = [];

  /** The request part of a reason, shared by every scope that resolves the target the same way. */
  private headOf(i: number, t: Target, res: Target['resolution']): string {
    return (this.heads[i] ??= headText(t, res));
  }

  /** What happens without Envoy: plain Kubernetes networking (step 1.9). */
  private plain(i: number): PairResult {
    const cached = this.direct[i];
    if (cached) return cached;
    const t = this.targets[i]!;
    let reason: string;
    if ('failure' in t.resolution) reason = `${t.resolution.failure}: the client fails DNS resolution`;
    else if (t.svc.kube && t.svc.kube.type !== 'ExternalName') {
      const eps = this.reg.endpoints(t.svc, t.port);
      reason = eps.has
        ? `plain Kubernetes: ${t.svc.kube.headless ? 'the pod IP' : 'kube-proxy'} takes it to ${eps.text} (a server with STRICT mTLS rejects plaintext)`
        : `plain Kubernetes: ${eps.text}, so the connection fails ${unconfirmed(UNCONFIRMED.directNoEndpoints)}`;
    } else reason = `plain networking: it connects straight to ${t.resolution.dest.how}`;
    const r: PairResult = { verdict: 'direct', reason };
    this.direct[i] = r;
    return r;
  }
}

function headText(t: Target, res: Target['resolution']): string {
  const notes = [t.note, 'dest' in res ? res.note : undefined].filter(Boolean).join('; ');
  return requestText(t.kind, t.name, t.port.port, 'dest' in res ? res.dest : undefined) + (notes ? ` [${notes}]` : '');
}

const engines = new WeakMap<Mesh, ReachEngine>();

/** The engine of a mesh, cached: rules and commands that ask about the same mesh share every computed scope. */
export function engineFor(mesh: Mesh): ReachEngine {
  let e = engines.get(mesh);
  if (!e) engines.set(mesh, (e = new ReachEngine(mesh)));
  return e;
}
