// Reasons a person can act on: the request, the Sidecar that applied, the path through Envoy, and what would
// change the outcome (which host to add to which egress listener, which export or port name to fix).
import { entriesOf, importerOf, isVisible } from '../model/hosts.js';
import { family } from '../model/protocol.js';
import type { Service, ServicePort } from '../model/types.js';
import type { Dest } from './addresses.js';
import type { EgressView } from './imports.js';
import type { Scope } from './scope-build.js';
import type { Trace } from './walk.js';

export type RequestKind = 'http' | 'tcp' | 'tls' | 'udp';

export function requestText(kind: RequestKind, name: string, port: number, dest?: Dest): string {
  const what = kind === 'http' ? 'plaintext HTTP' : kind === 'tls' ? `TLS (SNI ${name})` : kind === 'udp' ? 'UDP' : 'raw TCP';
  return `${what} to ${name}:${port}${dest ? ` (${dest.how})` : ''}`;
}

export function explain(scope: Scope, head: string, svc: Service | undefined, port: ServicePort | undefined, portNumber: number, trace: Trace): string {
  const fix = svc && trace.pairVerdict !== '200' ? suggestFix(scope, svc, port, portNumber, trace) : '';
  return `${head}; ${scope.description}: ${trace.steps.join(' → ')}${fix ? ` → ${fix}` : ''}`;
}

function kindOf(svc: Service): string {
  return svc.source === 'Service' ? 'Service' : 'ServiceEntry';
}

function suggestFix(scope: Scope, svc: Service, port: ServicePort | undefined, n: number, trace: Trace): string {
  const ns = scope.choice.namespace;
  if (trace.stage === 'reserved') return `serve it on another port: Envoy itself owns port ${n}`;
  if (trace.stage === 'cluster') {
    const target = trace.clusterInfo?.svc;
    if (target?.kube) return `make the selector of Service ${target.namespace}/${target.name} match a running workload`;
    if (target?.entry) return `give ServiceEntry ${target.namespace}/${target.name} endpoints or a workloadSelector that matches a workload`;
    return '';
  }
  if (trace.stage === 'no-cluster' || trace.stage === 'no-route' || trace.stage === 'direct-response') {
    return trace.via ? `check ${trace.via.replace(/ http\[.*$/, '')}: its route must send this request to a service and port this proxy knows` : '';
  }
  const prefix = trace.pairVerdict === 'passthrough' ? 'to route it through the mesh instead, ' : '';
  if (svc.kube?.type === 'ExternalName') return '';
  if (!isVisible(svc, ns)) {
    const where = svc.source === 'Service' ? 'networking.istio.io/exportTo annotation' : 'spec.exportTo';
    return `${prefix}${kindOf(svc)} ${svc.namespace}/${svc.name} is not exported to namespace ${ns} (exportTo ${JSON.stringify(svc.exportTo)}): add "${ns}" to its ${where}`;
  }
  const importing = scope.views.filter((v) => v.byHost.get(svc.hostname)?.some((i) => i.svc === svc && i.ports.some((p) => p.port === n)));
  if (!importing.length) return prefix + importFix(scope, svc, n);
  const sidecar = scope.choice.sidecar?.id;
  const rds = trace.table?.egress;
  if (trace.stage === 'catch-all') {
    if (rds && !importing.includes(rds)) {
      return `${prefix}route "${trace.table!.name}" takes its virtual hosts from ${rds.label}, which does not import it: add "${svc.namespace}/${svc.hostname}" to the hosts of ${rds.label}${sidecar ? ` of Sidecar ${sidecar}` : ''}`;
    }
    if (port && family(port.protocol) !== 'http' && family(port.protocol) !== 'auto') {
      return `${prefix}service port ${port.name ? `"${port.name}" (${port.port})` : port.port} is ${port.protocol}, so it gets no HTTP virtual host: name it http-… (or set appProtocol: http) if it serves HTTP`;
    }
  }
  if (trace.stage === 'default-chain' && trace.listener) {
    const v = trace.listener.egress;
    const declared = v.protocol ?? port?.protocol;
    return `${prefix}listener ${trace.listener.name} is ${declared ?? 'HTTP'} (from ${v.label}) but the client does not send plaintext HTTP: declare the port's real protocol${v.portNumber !== undefined ? ` on ${v.label}` : ' in the service port name'}`;
  }
  if (trace.stage === 'virtualOutbound') {
    const v = importing[0]!;
    const why = v.bindToPort ? `binds ${v.bind ?? '127.0.0.1'} with captureMode NONE, so only connections to that address reach it` : v.bind ? `binds ${v.bind}, so only connections to that address reach it` : svc.kube?.headless ? 'builds per-pod listeners only for pods in the input' : 'builds no listener this connection reaches';
    return `${prefix}${v.label} imports it but ${why}`;
  }
  return '';
}

/** Where to add the host so that this proxy imports the service on port n. */
function importFix(scope: Scope, svc: Service, n: number): string {
  const s = scope.choice.sidecar;
  if (!s || s.egressDefaulted) return '';
  const host = `${svc.namespace}/${svc.hostname}`;
  const ns = scope.choice.namespace;
  const alt = svc.namespace === ns ? './*' : `${svc.namespace}/*`;
  const portView = scope.views.find((v) => v.portNumber === n);
  const catchAll = scope.views.find((v) => v.portNumber === undefined);
  const filtered = scope.views.filter((v) => v.portFilter !== undefined && v.portFilter !== n && importerOf(entriesOf(v.hosts, ns), svc));
  const note = filtered.length ? ` (${filtered.map((v) => v.label).join(', ')} match${filtered.length > 1 ? '' : 'es'} it by host but import${filtered.length > 1 ? '' : 's'} port ${filtered.map((v) => v.portFilter).join('/')} only)` : '';
  const target: EgressView | undefined = portView ?? catchAll;
  if (target) return `add "${host}" (or "${alt}") to the hosts of ${target.label} of Sidecar ${s.id}${note}`;
  return `add an egress listener for port ${n} with host "${host}" to Sidecar ${s.id}${note}`;
}
