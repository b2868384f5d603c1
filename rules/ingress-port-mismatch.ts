import { listOf } from '../src/model/describe.js';
import { servicesSelecting, targetPortOn } from '../src/model/endpoints.js';
import { defaultEndpointPort, ingressListenersOf } from '../src/model/sidecar-ingress.js';
import { workloadsGovernedBy } from '../src/model/sidecar-scope.js';
import { defineRule } from '../src/rule.js';

const sorted = (xs: Iterable<number>): number[] => [...new Set(xs)].sort((a, b) => a - b);

export default defineRule({
  meta: {
    id: 'ingress-port-mismatch',
    description: 'A Sidecar ingress port or defaultEndpoint port matches no container port or Service target port of the workloads it governs',
    rationale:
      'A Sidecar ingress listener catches inbound connections on its `port`, which callers reach through a Service\'s target port (istio/istio#42532), and forwards them to `defaultEndpoint`. A port that is no target or container port never receives traffic, while the real target port falls back to plain passthrough without Istio features (istio/istio#40919); a defaultEndpoint port the app does not listen on makes every inbound call fail.',
    remediation: 'Set the ingress `port` to the Service target port (the container port) and `defaultEndpoint` to `127.0.0.1:<the port the app listens on>`.',
    severity: 'warning',
    precision: 'medium',
    kinds: ['Sidecar'],
    example:
      'apiVersion: v1\nkind: Service\nmetadata:\n  name: reviews\n  namespace: bar\nspec:\n  selector:\n    app: reviews\n  ports:\n    - name: http\n      port: 9080\n      targetPort: 8080\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: reviews\n  namespace: bar\nspec:\n  selector:\n    matchLabels:\n      app: reviews\n  template:\n    metadata:\n      labels:\n        app: reviews\n    spec:\n      containers:\n        - name: app\n          image: reviews\n          ports:\n            - containerPort: 8080\n---\napiVersion: networking.istio.io/v1\nkind: Sidecar\nmetadata:\n  name: reviews\n  namespace: bar\nspec:\n  workloadSelector:\n    labels:\n      app: reviews\n  ingress:\n    - port:\n        number: 9080\n        protocol: HTTP\n        name: http\n      defaultEndpoint: 127.0.0.1:8081\n',
  },
  check(manifest, ctx) {
    const sidecar = ctx.sidecarOf(manifest);
    if (!sidecar) return;
    const listeners = ingressListenersOf(sidecar);
    if (!listeners.length) return;
    const workloads = workloadsGovernedBy(sidecar, ctx.mesh);
    const w = workloads[0];
    if (!w) return;
    const containerPorts = sorted(workloads.flatMap((x) => x.containerPorts.map((c) => c.containerPort)));
    const targets: { text: string; port: number }[] = [];
    for (const x of workloads) {
      for (const svc of servicesSelecting(x, ctx.mesh)) {
        for (const p of svc.ports) {
          const t = targetPortOn(p, x);
          if (t !== undefined) targets.push({ text: `${svc.name} ${p.port}→${t}`, port: t });
        }
      }
    }
    const targetPorts = sorted(targets.map((t) => t.port));
    const who = `${w.kind} ${w.id}${workloads.length > 1 ? ` (and ${workloads.length - 1} more)` : ''}`;
    for (const l of listeners) {
      const n = l.port?.number;
      if (n === undefined) continue;
      if ((targetPorts.length || containerPorts.length) && !targetPorts.includes(n) && !containerPorts.includes(n)) {
        const have = [
          ...(targets.length ? [`Service target ports ${listOf([...new Set(targets.map((t) => t.text))], 4)}`] : []),
          ...(containerPorts.length ? [`container ports ${containerPorts.join(', ')}`] : []),
        ].join('; ');
        const best = targetPorts[0] ?? containerPorts[0];
        ctx.report({
          message: `ingress port ${n} is neither a Service target port nor a container port of ${who} (${have}), so it receives no traffic, while calls to ${best} pass through without Istio's inbound processing: use ${best}`,
          path: [...l.path, 'port', 'number'],
        });
      }
      const ep = l.defaultEndpoint ? defaultEndpointPort(l.defaultEndpoint) : undefined;
      if (ep !== undefined && containerPorts.length && !containerPorts.includes(ep)) {
        ctx.report({
          message: `defaultEndpoint port ${ep} is not a container port of ${who} (declared: ${containerPorts.join(', ')}), so inbound calls are forwarded to a port nothing listens on: use 127.0.0.1:${containerPorts.includes(n) ? n : containerPorts[0]}`,
          path: [...l.path, 'defaultEndpoint'],
        });
      }
    }
  },
});
