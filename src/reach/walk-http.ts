// The HTTP half of step 7: route → virtual host by Host header → default route or VirtualService route → cluster.
import { clusterName, defaultPort } from './chains.js';
import { destinationService } from './clusters.js';
import type { Chain, Listener } from './listeners.js';
import { qualify } from './registry.js';
import type { Scope } from './scope-build.js';
import { UNCONFIRMED } from './unconfirmed.js';
import { mainDestination, selectRoute } from './vs-select.js';
import { fallthrough, mk, toCluster, type CallSpec, type Trace, type Where } from './walk.js';
import type { VHost } from './routes.js';
import type { Verdict } from './types.js';

export function followRoute(scope: Scope, steps: string[], l: Listener, chain: Chain, routeName: string, port: number, call: CallSpec): Trace {
  if (call.kind !== 'http') {
    steps.push(`its HTTP connection manager cannot parse ${call.kind === 'tls' ? 'TLS' : 'raw TCP'}: the connection is reset`);
    return mk('blackhole', 'blackhole', 'default-chain', steps, { listener: l, chain });
  }
  const table = scope.route(routeName, port);
  const from = table.egress ? ` (virtual hosts from ${table.egress.label})` : '';
  const m = table.index.match(call.authority);
  const base = { listener: l, chain, table };
  const at = (vhost: VHost, via?: string): Where => ({ listener: l, chain, table, vhost, via });
  if (!m) {
    steps.push(`route "${routeName}"${from} has no virtual host for Host ${call.authority}: Envoy answers 404 (NR)`);
    const c = UNCONFIRMED.routeToMissingCluster;
    return mk('other', c.value, 'no-route', steps, base);
  }
  const vh = m.v;
  const t = vh.target;
  if (t.kind === 'catch-all') {
    steps.push(`route "${routeName}"${from} has no virtual host for ${call.authority}, so the catch-all virtual host ${t.name} answers`);
    if (t.name === 'block_all') {
      steps.push('502 (direct_response)');
      return mk('502', '502', 'catch-all', steps, at(vh));
    }
    return fallthrough(scope, steps, 'catch-all', call.kind, at(vh));
  }
  steps.push(`route "${routeName}"${from} → virtual host ${vh.name} (domain ${m.domain})`);
  if (t.kind === 'service') return toCluster(scope, steps, at(vh), t.cluster, 'http');

  const vs = t.q.vs;
  const label = `VirtualService ${vs.namespace}/${vs.name}`;
  const r = selectRoute(vs, {
    section: 'http',
    port,
    namespace: scope.choice.namespace,
    ...(scope.choice.sourceLabels ? { labels: scope.choice.sourceLabels } : {}),
    authority: call.authority,
    ...(call.path !== undefined ? { path: call.path } : {}),
  });
  if (!r) {
    steps.push(`no http route of ${label} matches this request: Envoy answers 404 (NR)`);
    const c = UNCONFIRMED.routeToMissingCluster;
    return mk('other', c.value, 'no-route', steps, at(vh, label));
  }
  const via = `${label} http[${r.index}]${r.name ? ` "${r.name}"` : ''}`;
  if (r.directStatus !== undefined) {
    steps.push(`${via} answers ${r.directStatus} itself`);
    const s = r.directStatus;
    const v: Verdict | 'other' = s === 502 ? '502' : s === 503 ? '503' : s >= 200 && s < 400 ? '200' : 'other';
    return mk(v, v === 'other' ? '503' : v, 'direct-response', steps, at(vh, via));
  }
  const d = mainDestination(r);
  if (!d) {
    steps.push(`${via} has no destination`);
    return mk('other', UNCONFIRMED.routeToMissingCluster.value, 'no-cluster', steps, at(vh, via));
  }
  const host = qualify(d.host, vs.namespace, scope.choice.domain);
  const destSvc = destinationService(scope.reg, host, scope.choice.namespace);
  const concrete = destSvc?.hostname ?? host;
  // Subsets need a DestinationRule, which the model does not read: the subset's cluster is assumed to exist.
  const cluster = clusterName(concrete, d.port ?? defaultPort(destSvc, port));
  steps.push(`${via} sends it to ${host}${d.port ? ':' + d.port : ''}${d.subset ? ` (subset ${d.subset}, assumed defined by a DestinationRule)` : ''}`);
  return toCluster(scope, steps, at(vh, via), cluster, 'http');
}
