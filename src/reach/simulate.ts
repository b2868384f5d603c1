// simulateCall: one connection from a workload (a name or an IP, a Host header, TLS), through the same engine as the
// pair matrix, reporting the Envoy names it passed (listener, route, cluster).
import type { Mesh } from '../model/types.js';
import { engineFor } from './engine.js';
import { explain, requestText } from './explain.js';
import { sortWorkloads } from './report.js';
import { resolveName } from './resolve.js';
import { rangeBypass } from './scope.js';
import type { Call, CallResult } from './types.js';
import { walk } from './walk.js';

export function simulateCall(mesh: Mesh, from: string, call: Call): CallResult {
  const engine = engineFor(mesh);
  const w = sortWorkloads(mesh.workloads).find((x) => x.id === from);
  if (!w) return { verdict: 'other', reason: `no workload "${from}" in the input (expected namespace/name of a Deployment, StatefulSet, DaemonSet, Job, CronJob, ReplicaSet or Pod)` };
  const kind = call.protocol ?? 'http';
  const authority = call.hostHeader ?? call.host;
  const sni = call.sni ?? call.host;
  const head = requestText(kind, kind === 'tls' ? sni : authority, call.port);
  const client = engine.client(w);
  const res = resolveName(engine.reg, call.host, w.namespace, 0, client.choice?.dnsCapture ?? false);
  if ('failure' in res) return { verdict: 'dns-failure', reason: `${head}: ${res.failure}` };
  const dest = res.dest;
  const target = `${head} (${dest.how}${res.note ? ` ${res.note}` : ''})`;
  if (!client.meshed || !client.choice) {
    return { verdict: 'direct', reason: `${target}: ${client.why}; the connection goes straight to ${dest.how}` };
  }
  const cap = client.choice.capture;
  const scope = engine.scope(client.choice);
  // A listener bound to a real socket (captureMode NONE, G10) takes connections to its own address without iptables.
  const bound = scope.listeners.byKey.get(`${dest.addr}:${call.port}`)?.bindToPort === true;
  const loopback = dest.addr.startsWith('127.') ? 'loopback traffic is never redirected to Envoy' : undefined;
  const bypass = bound ? undefined : loopback ?? cap.none ?? (cap.excludedPorts.has(call.port) ? `port ${call.port} is excluded by traffic.sidecar.istio.io/excludeOutboundPorts` : rangeBypass(cap, dest, call.port));
  if (bypass) return { verdict: 'direct', reason: `${target}: ${bypass}, so the connection bypasses Envoy` };
  const trace = walk(scope, dest, call.port, { kind, authority, sni, ...(call.path !== undefined ? { path: call.path } : {}) });
  const svc = res.svc;
  const port = svc?.ports.find((p) => p.port === call.port);
  const routeName = trace.table?.name;
  const listener = trace.listener?.name ?? (trace.stage === 'virtualOutbound' ? 'virtualOutbound' : undefined);
  return {
    verdict: trace.verdict,
    reason: explain(scope, target, svc, port, call.port, trace),
    ...(listener ? { listener } : {}),
    ...(routeName ? { route: routeName } : {}),
    ...(trace.cluster ? { cluster: trace.cluster } : {}),
  };
}
