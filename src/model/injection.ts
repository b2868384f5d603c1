// Does a workload's pod get an Envoy sidecar? (istio-semantics.md step 1, rule group A)
import { asArray, asObject, get } from '../json.js';
import type { Mesh, Workload } from './types.js';

export interface Injection {
  readonly meshed: boolean;
  /** Why, in words a person can check against their manifests. */
  readonly reason: string;
}

/** Namespaces the injection webhooks never inject (istio-semantics A). */
export const IGNORED_NAMESPACES: ReadonlySet<string> = new Set(['kube-system', 'kube-public', 'kube-node-lease', 'local-path-storage']);
const INJECT = 'sidecar.istio.io/inject';

// Rules and the report ask for the same workloads again and again; the answer is a fact of the read-only model.
const decided = new WeakMap<Mesh, WeakMap<Workload, Injection>>();

export function injectionOf(w: Workload, mesh: Mesh): Injection {
  let byWorkload = decided.get(mesh);
  if (!byWorkload) decided.set(mesh, (byWorkload = new WeakMap()));
  let i = byWorkload.get(w);
  if (!i) byWorkload.set(w, (i = decide(w, mesh)));
  return i;
}

function decide(w: Workload, mesh: Mesh): Injection {
  if (w.hostNetwork) return { meshed: false, reason: 'the pod uses hostNetwork, which is never injected' };
  if (IGNORED_NAMESPACES.has(w.namespace)) return { meshed: false, reason: `namespace ${w.namespace} is never injected` };
  // Kiali/istioctl treat an istio-proxy container in the manifest as already injected (kube-inject output).
  if (w.hasProxyContainer) return { meshed: true, reason: 'the pod template already contains an istio-proxy container' };
  const podLabel = w.podLabels[INJECT];
  const podAnnotation = w.podAnnotations[INJECT];
  // The label wins over the deprecated annotation; only "true"/"false" are explicit.
  const explicit = podLabel === 'true' || podLabel === 'false' ? podLabel : podAnnotation === 'true' || podAnnotation === 'false' ? podAnnotation : undefined;
  const ns = mesh.namespaces.get(w.namespace);
  const nsLabels = ns?.labels ?? {};
  const nsInjection = nsLabels['istio-injection'];
  const nsRev = nsLabels['istio.io/rev'];
  const nsDesc = ns?.manifest ? `namespace ${w.namespace}` : `namespace ${w.namespace} (not declared, assumed)`;

  if (explicit === 'false') return { meshed: false, reason: `${INJECT}: "false" on the pod opts it out` };
  if (nsInjection !== undefined) {
    if (nsInjection === 'enabled') return { meshed: true, reason: `${nsDesc} has istio-injection=enabled` };
    return { meshed: false, reason: `${nsDesc} has istio-injection=${nsInjection}, which disables every injection webhook` };
  }
  if (nsRev) return { meshed: true, reason: `${nsDesc} has istio.io/rev=${nsRev}` };
  if (podLabel === 'true' && !w.podLabels['istio.io/rev']) return { meshed: true, reason: `the pod has label ${INJECT}=true` };
  if (w.podLabels['istio.io/rev']) return { meshed: true, reason: `the pod has label istio.io/rev=${w.podLabels['istio.io/rev']}` };
  if (podAnnotation === 'true') {
    return { meshed: false, reason: `${nsDesc} has no injection label and the webhook only reads the pod label, not the ${INJECT} annotation` };
  }
  return { meshed: false, reason: `${nsDesc} has no istio-injection or istio.io/rev label` };
}


/**
 * A gateway's Envoy (istio-proxy running `router`, the injected "gateway" template, or the istio=*gateway label):
 * Sidecars never apply to it (B2) and its own outbound connections are not captured by iptables.
 */
export function isGateway(w: Workload): boolean {
  const template = w.podAnnotations['inject.istio.io/templates'] ?? '';
  if (template.split(',').some((t) => t.trim() === 'gateway')) return true;
  if (/^(ingress|egress|eastwest)gateway$/.test(w.podLabels.istio ?? '')) return true;
  if (!w.hasProxyContainer) return false;
  const spec = asObject(get(w.manifest.value, [...w.podMetadataPath.slice(0, -1), 'spec']));
  return asArray(spec?.containers).some((c) => {
    const o = asObject(c);
    return o?.name === 'istio-proxy' && asArray(o.args).includes('router');
  });
}
