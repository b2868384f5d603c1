import type { JsonPath } from '../src/json.js';
import { injectionOf } from '../src/model/injection.js';
import { defineRule } from '../src/rule.js';

const INJECT = 'sidecar.istio.io/inject';

export default defineRule({
  meta: {
    id: 'workload-injection-ignored',
    description: 'A workload asks for sidecar injection but will not get an Istio proxy',
    rationale:
      'The injection webhooks select pods by namespace and pod labels only. A pod annotation `sidecar.istio.io/inject: "true"` (deprecated) does not trigger injection in a namespace without injection labels; `istio-injection=disabled` on the namespace overrides the pod label; `hostNetwork` pods and system namespaces are never injected. The workload then runs outside the mesh while its manifest suggests otherwise, like a pod istioctl would report as missing its proxy (IST0103).',
    remediation: 'Use the pod template label `sidecar.istio.io/inject: "true"` in a namespace without `istio-injection=disabled`, or label the namespace `istio-injection=enabled`.',
    severity: 'warning',
    // The workload asked for a proxy and gets none: no Sidecar (nor any mesh policy) applies to it.
    securitySeverity: 4.0,
    kinds: ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'CronJob', 'Pod'],
    example:
      'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: bar\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: reviews\n  namespace: bar\nspec:\n  selector:\n    matchLabels:\n      app: reviews\n  template:\n    metadata:\n      labels:\n        app: reviews\n      annotations:\n        sidecar.istio.io/inject: "true"\n    spec:\n      containers:\n        - name: app\n          image: reviews\n',
  },
  check(manifest, ctx) {
    const w = ctx.workloadOf(manifest);
    if (!w) return;
    const asks = w.podLabels[INJECT] === 'true' ? 'labels' : w.podAnnotations[INJECT] === 'true' ? 'annotations' : undefined;
    // An explicit label "false" wins over the annotation: the intent is clear, nothing is ignored by surprise.
    if (!asks || w.podLabels[INJECT] === 'false') return;
    const injection = injectionOf(w, ctx.mesh);
    if (injection.meshed) return;
    const path: JsonPath = [...w.podMetadataPath, asks, INJECT];
    const nsValue = ctx.mesh.namespaces.get(w.namespace)?.labels['istio-injection'];
    const fix = w.hostNetwork
      ? '; a hostNetwork pod cannot be meshed: drop hostNetwork or the injection request'
      : nsValue !== undefined && nsValue !== 'enabled'
        ? `; the namespace label wins over the pod: set istio-injection=enabled on namespace ${w.namespace}, or remove the pod's request`
        : asks === 'annotations'
          ? `; use the pod label ${INJECT}: "true" instead of the annotation, or label namespace ${w.namespace} istio-injection=enabled`
          : '';
    ctx.report({ message: `${INJECT}: "true" is ignored: ${injection.reason}, so ${w.kind} ${w.name} gets no Istio proxy${fix}`, path });
  },
});

