import { asObject, type JsonPath } from '../src/json.js';
import { callsIn, type Call } from '../src/intent/calls.js';
import { sidecarFix } from '../src/intent/fix.js';
import { pairOf } from '../src/intent/pairs.js';
import { usesOfConfigMap, writtenIn, type Origin } from '../src/intent/sources.js';
import type { ServicePort, Workload } from '../src/model/types.js';
import type { PairResult } from '../src/reach/engine.js';
import { defineRule, type RuleContext } from '../src/rule.js';
import type { Manifest } from '../src/types.js';

const REACHES = new Set(['200', 'direct']);

type At = { readonly manifest: Manifest; readonly path: JsonPath };

/** Reports each port of each call in `value` that does not get through, at the value, each destination once. */
function judge(ctx: RuleContext, w: Workload, value: string, origin: Origin, name: string | undefined, at: At): void {
  const seen = new Set<string>();
  for (const call of callsIn(ctx.mesh, w, value, origin, name)) {
    const results = call.ports.flatMap((p) => {
      const r = pairOf(ctx.mesh, w, `${call.service.hostname}:${p.port}`);
      return r ? [{ p, r }] : [];
    });
    // No port written: the client uses one of them, and one that works is the likelier one.
    if (call.anyPort && results.some((x) => REACHES.has(x.r.verdict))) continue;
    for (const { p, r } of results) {
      const to = `${call.service.hostname}:${p.port}`;
      if (REACHES.has(r.verdict) || seen.has(to)) continue;
      seen.add(to);
      report(ctx, w, call, to, p, r, at);
    }
  }
}

function report(ctx: RuleContext, w: Workload, call: Call, to: string, p: ServicePort, r: PairResult, at: At): void {
  const fix = sidecarFix(ctx.mesh, w, call.service, p);
  const named = `"${call.address.text}"${call.anyPort ? ` (no port written: each port of ${call.service.namespace}/${call.service.name} is tried)` : ''}`;
  ctx.report({
    message: `call from ${w.id} to ${to}, named by ${named}, gets ${r.verdict}: ${r.reason}${fix ? `; fix: ${fix.description}` : ''}`,
    ...at,
    // Passthrough gets through, but outside the mesh: no mTLS, no routing, and it breaks once the server is STRICT.
    ...(r.verdict === 'passthrough' ? { severity: 'warning' as const } : {}),
    ...(fix ? { fix } : {}),
  });
}

// Inference follows np-guard's cluster-topology-analyzer (nca-peer.md §4), stricter about bare names.
export default defineRule({
  meta: {
    id: 'intended-call-blocked',
    description: 'A workload evidently calls a service (its env, args, command or ConfigMaps name it) that its Sidecar does not let it reach',
    rationale:
      'A Sidecar is only wrong relative to what its workloads must call, and most workloads say so in their configuration: `CART_ADDR: cart:7070`, `--db=postgres.data.svc.cluster.local:5432`, a URL in a mounted ConfigMap. When the reachability model says such a call gets 502, blackhole or 503, the workload will fail at runtime however clean the Sidecar looks; passthrough is reported as a warning, since the call leaves the mesh (no mTLS, no routing) and fails once the server requires STRICT mTLS. A bare name counts only as a whole environment value, `name.namespace` only with a scheme or port or as a whole value, and an address without a port is a finding only when no port of the service gets through.',
    remediation: 'Import the service in the Sidecar: add "namespace/fqdn" to the egress listener of that port (or to the catch-all listener), or add a listener for the port; `istio-lint --fix` makes the change.',
    severity: 'error',
    fixable: true,
    kinds: ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'CronJob', 'Pod', 'ConfigMap'],
    example:
      'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: frontend\n  namespace: shop\nspec:\n  selector:\n    matchLabels: {app: frontend}\n  template:\n    metadata:\n      labels: {app: frontend}\n    spec:\n      containers:\n        - name: app\n          image: frontend\n          env:\n            - name: CART_ADDR\n              value: "cart:7070"\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: cart\n  namespace: shop\nspec:\n  ports:\n    - name: grpc\n      port: 7070\n---\napiVersion: networking.istio.io/v1\nkind: Sidecar\nmetadata:\n  name: default\n  namespace: shop\nspec:\n  egress:\n    - port:\n        number: 80\n        protocol: HTTP\n        name: http\n      hosts: ["./*"]\n  outboundTrafficPolicy:\n    mode: REGISTRY_ONLY\n',
  },
  check(manifest, ctx) {
    if (manifest.kind === 'ConfigMap') {
      const data = asObject(manifest.value.data);
      if (!data) return;
      for (const use of usesOfConfigMap(ctx.mesh, manifest.namespace, manifest.name)) {
        for (const [key, value] of Object.entries(data)) {
          if (typeof value !== 'string' || use.shared || (use.keys && !use.keys.has(key))) continue;
          judge(ctx, use.workload, value, use.origin, key, { manifest, path: ['data', key] });
        }
      }
      return;
    }
    const w = ctx.workloadOf(manifest);
    if (!w) return;
    for (const written of writtenIn(w)) judge(ctx, w, written.value, written.origin, written.name, { manifest, path: written.path });
  },
});
