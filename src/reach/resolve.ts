// Step 2: what address a name resolves to from a pod (cluster DNS search path, CNAMEs, public DNS; no DNS capture).
import type { Service } from '../model/types.js';
import { dnsMatches } from '../model/hosts.js';
import { addressesOf, addressIn, destOf, parseIPv4, shortName, type Dest } from './addresses.js';
import type { Registry } from './registry.js';
import { UNCONFIRMED, unconfirmed } from './unconfirmed.js';

export type Resolution =
  | { readonly dest: Dest; readonly svc?: Service; readonly note?: string }
  | { readonly failure: string; readonly svc?: Service };

/** Resolves `name` as a pod in `clientNs` would (ndots:5 search path), without Istio's DNS proxy. */
export function resolveName(reg: Registry, name: string, clientNs: string, depth = 0, dnsCapture = false): Resolution {
  const domain = reg.mesh.settings.clusterDomain;
  const n = name.replace(/\.$/, '').toLowerCase();
  if (parseIPv4(n) !== undefined) {
    const svc = reg.services.find((s) => s.kube?.clusterIP === n || (s.entry?.addresses ?? []).includes(n));
    return { dest: destOf(n, 'a literal IP'), ...(svc ? { svc } : {}) };
  }
  const dots = n.split('.').length - 1;
  const search = [`${clientNs}.svc.${domain}`, `svc.${domain}`, domain];
  const candidates = name.endsWith('.') || dots >= 5 ? [n] : [...search.map((s) => `${n}.${s}`), n];
  for (const c of candidates) {
    const k8s = reg.byHostname.get(c)?.find((s) => s.source === 'Service');
    if (k8s) return viaService(reg, k8s, clientNs, depth, k8s.hostname, dnsCapture);
  }
  const se =
    reg.services.find((s) => s.source === 'ServiceEntry' && s.hostname === n) ??
    reg.services.find((s) => s.source === 'ServiceEntry' && s.hostname.startsWith('*') && dnsMatches(s.hostname, n));
  if (se) return viaService(reg, se, clientNs, depth, n, dnsCapture);
  if (!n.includes('.') || n.endsWith(`.${domain}`)) return { failure: `${name} is not a name the cluster DNS knows` };
  return { dest: destOf(`PublicIP(${n})`, `what public DNS returns for ${n}`) };
}

/** The address a client dials for a service it names. */
export function viaService(reg: Registry, svc: Service, clientNs: string, depth = 0, name = svc.hostname, dnsCapture = false): Resolution {
  const a = addressesOf(svc, dnsCapture);
  if (svc.kube?.type === 'ExternalName') {
    const target = svc.kube.externalName;
    if (!target || depth > 3) return { failure: `ExternalName ${svc.namespace}/${svc.name} has no usable externalName`, svc };
    const r = resolveName(reg, target, clientNs, depth + 1, dnsCapture);
    if ('failure' in r) return { failure: `CNAME to ${target}: ${r.failure}`, svc };
    return { dest: { ...r.dest, how: `${r.dest.how}, via the CNAME to ${target}` }, svc, ...(r.note ? { note: r.note } : {}) };
  }
  if (svc.kube?.headless) {
    const first = svc.ports[0];
    const eps = first ? reg.endpoints(svc, first) : undefined;
    const ip = eps?.addresses?.[0];
    if (ip) return { dest: destOf(ip, `the pod IP ${ip} (headless)`), svc };
    const pod = eps?.pods[0];
    if (!pod) return { failure: `headless Service ${svc.namespace}/${svc.name} has no pods, so its name has no A records`, svc };
    return { dest: destOf(`PodIP(${pod.id})`, `a pod IP of ${pod.id} (headless)`), svc };
  }
  if (svc.kube) return { dest: destOf(a.primary, `the ClusterIP of ${shortName(svc)}`), svc };
  if (a.primary !== '0.0.0.0') {
    // With DNS capture Istio's DNS proxy answers with this address; without it, real DNS must return it.
    if (dnsCapture) return { dest: destOf(a.primary, `the address Istio's DNS proxy returns, ${a.primary}`), svc };
    return { dest: destOf(a.primary, `the ServiceEntry address ${a.primary}`), svc, note: unconfirmed(UNCONFIRMED.serviceEntryAddress) };
  }
  const cidr = a.cidrs[0];
  if (cidr) return { dest: destOf(addressIn(cidr), `an address in ${cidr.text}`, cidr.text), svc };
  return { dest: destOf(`PublicIP(${name})`, `what public DNS returns for ${name}`), svc };
}
