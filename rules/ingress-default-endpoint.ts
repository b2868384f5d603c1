import { unixPathProblem } from '../src/checks/address-syntax.js';
import { quote } from '../src/model/describe.js';
import { ingressListenersOf } from '../src/model/sidecar-ingress.js';
import { defineRule } from '../src/rule.js';

const HOSTS = new Set(['', '127.0.0.1', '0.0.0.0', '::1', '::']);

/** net.SplitHostPort as Istio applies it: "[v6]:port" or "host:port" with no other colon. */
function splitHostPort(s: string): { host: string; port: string } | string {
  if (s.startsWith('[')) {
    const end = s.indexOf(']');
    if (end < 0) return 'a "[" without "]"';
    if (s[end + 1] !== ':') return 'no port after the "]"';
    return { host: s.slice(1, end), port: s.slice(end + 2) };
  }
  const colon = s.lastIndexOf(':');
  if (colon < 0) return 'no port';
  const host = s.slice(0, colon);
  if (host.includes(':')) return 'too many colons (write IPv6 addresses as "[::1]:8080")';
  return { host, port: s.slice(colon + 1) };
}

function problemOf(endpoint: string): string | undefined {
  if (endpoint.startsWith('unix://')) {
    const path = endpoint.slice('unix://'.length);
    return path ? unixPathProblem(path) : 'the unix:// socket path is empty';
  }
  const hp = splitHostPort(endpoint);
  if (typeof hp === 'string') return hp;
  if (!HOSTS.has(hp.host)) return `host ${quote(hp.host)} is not 127.0.0.1, 0.0.0.0, [::1] or [::]`;
  if (!/^\d+$/.test(hp.port)) return `port ${quote(hp.port)} is not a number`;
  const n = Number(hp.port);
  if (n < 1 || n > 65535) return `port ${n} is not between 1 and 65535`;
  return undefined;
}

export default defineRule({
  meta: {
    id: 'ingress-default-endpoint',
    description: 'An ingress defaultEndpoint is not 127.0.0.1:PORT, 0.0.0.0:PORT, [::1]:PORT, [::]:PORT or unix:///path',
    rationale:
      'The `defaultEndpoint` of a Sidecar ingress listener is where Envoy forwards inbound traffic: the loopback address, the pod IP (`0.0.0.0`), or a Unix domain socket. Istio rejects any other host, a missing or non-numeric port, and a relative socket path.',
    remediation: 'Write `127.0.0.1:<app port>` (or `0.0.0.0:<app port>` for an app that listens only on the pod IP), or `unix:///absolute/path`.',
    severity: 'error',
    kinds: ['Sidecar'],
    peers: ['IST0106'],
    example:
      'apiVersion: networking.istio.io/v1\nkind: Sidecar\nmetadata:\n  name: default\n  namespace: bar\nspec:\n  ingress:\n    - port:\n        number: 9080\n        protocol: HTTP\n        name: http\n      defaultEndpoint: localhost:8080\n',
  },
  check(manifest, ctx) {
    const sidecar = ctx.sidecarOf(manifest);
    if (!sidecar) return;
    for (const l of ingressListenersOf(sidecar)) {
      if (!l.defaultEndpoint) continue;
      const problem = problemOf(l.defaultEndpoint);
      if (!problem) continue;
      const port = /:(\d+)$/.exec(l.defaultEndpoint)?.[1];
      ctx.report({
        message: `defaultEndpoint ${quote(l.defaultEndpoint)}: ${problem}; expected 127.0.0.1:PORT, 0.0.0.0:PORT, [::1]:PORT, [::]:PORT or unix:///path${port ? ` (e.g. "127.0.0.1:${port}")` : ''}`,
        path: [...l.path, 'defaultEndpoint'],
      });
    }
  },
});
