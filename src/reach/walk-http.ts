// The HTTP half of step 7: route → virtual host by Host header → default route or VirtualService route → cluster.
import { clusterName, defaultPort } from './chains.js';
import { destinationService } from './clusters.js';
import type { Chain, Listener } from './listeners.js';
import { qualify } from './registry.js';
import type { Scope } from './scope-build.js';
import { UNCONFIRMED } from './unconfirmed.js';
import { mainDestination, selectRoute } from './vs-select.js';
import { fallthrough, toCluster, type CallSpec, type Trace } from './walk.js';
import type { Verdict } from './types.js';

export function followRoute(scope: Scope, steps: string[], l: Listener, chain: Chain, routeName: string, port: number, call: CallSpec): Trace {
  if (call.kind !== 'http') {
    steps.push(`its HTTP connection manager cannot parse ${call.kind === 'tls' ? 'TLS' : 'raw TCP'}: the connection is reset`);
    return { verdict: 'blackhole', pairVerdict: 'blackhole', stage: 'default-chain', steps, listener: l, chain };
  }
  const table = scope.route(routeName, port);
  const from = table.egress ? ` (virtual hosts from ${table.egress.label})` : '';
  const m = table.index.match(call.authority);
  const base = { listener: l, chain, table };
  if (!m) {
    steps.push(`route "${routeName}"${from} has no virtual host for Host ${call.authority}: Envoy answers 404 (NR)`);
    const c = UNCONFIRMED.routeToMissingCluster;
    return { ...base, verdict: 'other', pairVerdict: c.value, stage: 'no-route', steps };
  }
  const vh = m.v;
  const t = vh.target;
  if (t.kind === 'catch-all') {
    steps.push(`route "${routeName}"${from} has no virtual host for ${call.authority}, so the catch-all virtual host ${t.name} answers`);
    if (t.name === 'block_all') {
      steps.push('502 (direct_response)');
      return { ...base, vhost: vh, verdict: '502', pairVerdict: '502', stage: 'catch-all', steps };
    }
    return { ...fallthrough(scope, steps, 'catch-all', l, chain), table, vhost: vh };
  }
  steps.push(`route "${routeName}"${from} → virtual host ${vh.name} (domain ${m.domain})`);
  if (t.kind === 'service') return toCluster(scope, steps, { ...base, vhost: vh }, t.cluster, 'http');

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
    return { ...base, vhost: vh, verdict: 'other', pairVerdict: c.value, stage: 'no-route', steps, via: label };
  }
  const via = `${label} http[${r.index}]${r.name ? ` "${r.name}"` : ''}`;
  if (r.directStatus !== undefined) {
    steps.push(`${via} answers ${r.directStatus} itself`);
    const s = r.directStatus;
    const v: Verdict | 'other' = s === 502 ? '502' : s === 503 ? '503' : s >= 200 && s < 400 ? '200' : 'other';
    return { ...base, vhost: vh, verdict: v, pairVerdict: v === 'other' ? '503' : v, stage: 'direct-response', steps, via };
  }
  const d = mainDestination(r);
  if (!d) {
    steps.push(`${via} has no destination`);
    return { ...base, vhost: vh, verdict: 'other', pairVerdict: UNCONFIRMED.routeToMissingCluster.value, stage: 'no-cluster', steps, via };
  }
  const host = qualify(d.host, vs.namespace, scope.choice.domain);
  const destSvc = destinationService(scope.reg, host, scope.choice.namespace);
  const concrete = destSvc?.hostname ?? host;
  // Subsets need a DestinationRule, which the model does not read: the subset's cluster is assumed to exist.
  const cluster = clusterName(concrete, d.port ?? defaultPort(destSvc, port));
  steps.push(`${via} sends it to ${host}${d.port ? ':' + d.port : ''}${d.subset ? ` (subset ${d.subset}, assumed defined by a DestinationRule)` : ''}`);
  return toCluster(scope, steps, { ...base, vhost: vh, via }, cluster, 'http');
}
