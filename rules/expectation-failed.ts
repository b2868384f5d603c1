import { asObject, stringEntry, type JsonPath } from '../src/json.js';
import { evaluate } from '../src/intent/check-expect.js';
import { annotationExpectations, configExpectations, describeExpected, EXPECT_ANNOTATION, type Expectation } from '../src/intent/expect.js';
import { defineRule, type RuleContext } from '../src/rule.js';
import { VERDICTS } from '../src/reach/types.js';

/** Failing pairs shown one by one per expectation; the rest are counted in one more finding. */
const MAX_PAIRS = 10;

type Where = { readonly inConfig: true } | { readonly inConfig: false };

function check(ctx: RuleContext, e: Expectation, where: Where): void {
  const at = (field?: 'from' | 'to'): JsonPath => (where.inConfig && field ? [...e.path, field] : e.path);
  const report = (message: string, path: JsonPath): void => ctx.report({ message, path, ...(where.inConfig ? { inConfig: true } : {}) });
  const outcome = evaluate(ctx.mesh, e);
  const u = outcome.unmatched;
  if (u?.field === 'from') {
    const hint = u.suggestion ? ` → did you mean "${u.suggestion}"?` : ' (from is namespace/workload, e.g. "shop/frontend"; globs allowed)';
    return report(`expectation from "${e.from}" matches no workload in the input${hint}`, at('from'));
  }
  if (u?.field === 'to') {
    const hint = u.suggestion ? ` → did you mean "${u.suggestion}"?` : ' (to is host:port as istio-lint report writes it, e.g. "cart.shop.svc.cluster.local:7070"; globs allowed)';
    return report(`expectation to "${e.to}" matches no service port in the input${hint}`, at('to'));
  }
  const expected = describeExpected(e.verdict);
  for (const p of outcome.failing.slice(0, MAX_PAIRS)) {
    report(`call from ${p.from} to ${p.to} gets ${p.verdict}, expected ${expected}: ${p.reason}`, at());
  }
  const more = outcome.failing.length - MAX_PAIRS;
  if (more > 0) {
    report(`and ${more} more of the ${outcome.selected} calls this expectation selects do not get ${expected} (istio-lint report --from '${e.from}' --to '${e.to}' lists them)`, at());
  }
}

// The report's verdicts are the contract: an expectation is a pinned row of `istio-lint report`.
export default defineRule({
  meta: {
    id: 'expectation-failed',
    description: 'A call gets another verdict than an expectation (`expect:` in .istio-lint.yaml, or the istio-lint.io/expect annotation) says it must',
    rationale:
      'A Sidecar is only wrong relative to what its workloads must reach. Expectations pin that intent: each one selects calls of the reachability report (namespace/workload × host:port, globs allowed) and the verdict they must get, where allow means 200, passthrough or direct and deny means 502 or blackhole. A change that breaks one (a listener port edited, a host removed, REGISTRY_ONLY switched on) is caught before it reaches the cluster. An expectation that selects no call at all is reported too, since a typo in a glob would otherwise pass forever.',
    remediation: 'Change the Sidecar as the reason says (which host to add to which egress listener), or update the expectation if the intent changed.',
    severity: 'error',
    kinds: ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'CronJob', 'Pod'],
    example:
      'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: frontend\n  namespace: shop\n  annotations:\n    istio-lint.io/expect: "cart.shop.svc.cluster.local:7070=200"\nspec:\n  selector:\n    matchLabels: {app: frontend}\n  template:\n    metadata:\n      labels: {app: frontend}\n    spec:\n      containers:\n        - name: app\n          image: frontend\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: cart\n  namespace: shop\nspec:\n  selector: {app: cart}\n  ports:\n    - name: grpc\n      port: 7070\n---\napiVersion: networking.istio.io/v1\nkind: Sidecar\nmetadata:\n  name: default\n  namespace: shop\nspec:\n  egress:\n    - port:\n        number: 80\n        protocol: HTTP\n        name: http\n      hosts: ["./*"]\n  outboundTrafficPolicy:\n    mode: REGISTRY_ONLY\n',
  },
  check(manifest, ctx) {
    const w = ctx.workloadOf(manifest);
    const value = stringEntry(asObject(manifest.value.metadata)?.annotations, EXPECT_ANNOTATION);
    if (!w || value === undefined) return;
    const path = ['metadata', 'annotations', EXPECT_ANNOTATION];
    const { entries, bad } = annotationExpectations(value, w.id, path);
    for (const text of bad) {
      ctx.report({ message: `cannot read "${text}" in ${EXPECT_ANNOTATION}: expected host[:port]=verdict, with a verdict of ${VERDICTS.join(', ')}, allow or deny`, path });
    }
    for (const e of entries) check(ctx, e, { inConfig: false });
  },
  checkMesh(ctx) {
    if (!ctx.config) return;
    for (const e of configExpectations(ctx.config.raw)) check(ctx, e, { inConfig: true });
  },
});
