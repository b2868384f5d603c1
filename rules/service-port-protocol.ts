import { asArray, asObject, asString, asStringMap } from '../src/json.js';
import { quote } from '../src/model/describe.js';
import { isKnownProtocol } from '../src/model/protocol.js';
import { defineRule } from '../src/rule.js';

const SYSTEM_NAMESPACES = new Set(['kube-system', 'kube-public']);
const MANAGED_GATEWAY = new Set(['istio.io-gateway-controller', 'istio.io-mesh-controller', 'istio.io-eastwest-controller']);

/** "dns-tcp" → rename to "tcp-dns"; otherwise offer the http- and tcp- prefixes. */
function renameHint(name: string): string {
  const dash = name.lastIndexOf('-');
  const suffix = dash > 0 ? name.slice(dash + 1) : '';
  if (suffix && isKnownProtocol(suffix)) return `rename it to ${quote(`${suffix.toLowerCase()}-${name.slice(0, dash)}`)}`;
  return `rename it to ${quote(`http-${name}`)} or ${quote(`tcp-${name}`)}`;
}

export default defineRule({
  meta: {
    id: 'service-port-protocol',
    description: 'A Service port has no name prefix or appProtocol from which Istio can tell its protocol',
    rationale:
      'Istio reads a Service port\'s protocol from `appProtocol`, else from the port name prefix (`http-`, `grpc-`, `tcp-`, `tls-`, …). Without either it falls back to protocol sniffing, which delays server-first protocols and gives HTTP-only features (routing, retries, per-route metrics) no guarantee. Unnamed ports 25, 53, 3306 and 27017 are taken as TCP. ExternalName Service ports named `tcp` are flagged too (IST0150).',
    remediation: 'Name the port `<protocol>[-<suffix>]` (e.g. `http-web`, `tcp-db`) or set `appProtocol` (e.g. `http`, `grpc`, `kubernetes.io/h2c`).',
    severity: 'info',
    kinds: ['Service'],
    peers: ['IST0118', 'IST0150'],
    example: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  namespace: bar\nspec:\n  selector:\n    app: web\n  ports:\n    - name: web\n      port: 8080\n',
  },
  check(manifest, ctx) {
    const svc = ctx.servicesOf(manifest)[0];
    // Most Services name every port well: look no further then (this runs for each Service of the input).
    if (!svc || svc.ports.every((p) => p.protocol !== 'UNSUPPORTED' && !(svc.kube?.type === 'ExternalName' && p.name === 'tcp'))) return;
    const labels = asStringMap(asObject(manifest.value.metadata)?.labels);
    // Control-plane and managed gateway Services follow their own conventions (PortNameAnalyzer skips them).
    if (SYSTEM_NAMESPACES.has(manifest.namespace) || labels.istio !== undefined || labels.release === 'istio') return;
    if (MANAGED_GATEWAY.has(labels['gateway.istio.io/managed'] ?? '')) return;
    const external = svc.kube?.type === 'ExternalName';
    const raw = asArray(asObject(manifest.value.spec)?.ports);
    for (const p of svc.ports) {
      const o = asObject(raw[p.path[2] as number]);
      if (!o || asString(o.protocol)?.toUpperCase() === 'UDP') continue;
      const tcpNamed = external && p.name === 'tcp';
      if (p.protocol !== 'UNSUPPORTED' && !tcpNamed) continue;
      const app = asString(o.appProtocol);
      let message: string;
      let path = [...p.path, 'port'];
      if (tcpNamed) {
        message = `port ${p.port} of ExternalName Service ${svc.name} is named "tcp": the proxy may not forward plain TCP to an ExternalName correctly; name it after an HTTP or TLS protocol (e.g. "https") if it carries one`;
        path = [...p.path, 'name'];
      } else if (app && !isKnownProtocol(app)) {
        message = `appProtocol ${quote(app)} of port ${p.port} is not a protocol Istio knows: use http, http2, grpc, grpc-web, tcp, tls, https, mongo, mysql or redis (or kubernetes.io/h2c, ws, wss)`;
        path = [...p.path, 'appProtocol'];
      } else if (p.name) {
        message = `port ${p.port} is named ${quote(p.name)}, which does not start with a protocol, so Istio sniffs the protocol: ${renameHint(p.name)}, or set appProtocol`;
        path = [...p.path, 'name'];
      } else {
        message = `port ${p.port} has no name or appProtocol, so Istio sniffs the protocol: name it ${quote(`http-${p.port}`)} or ${quote(`tcp-${p.port}`)}, or set appProtocol`;
      }
      ctx.report({ message, path });
    }
  },
});
