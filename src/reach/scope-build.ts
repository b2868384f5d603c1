// One scope's Envoy config, built once and shared by every workload with the same ScopeChoice: egress views,
// listeners, clusters, and routes on demand.
import { buildClusters, type ClusterInfo } from './clusters.js';
import { egressViews, type EgressView } from './imports.js';
import { buildListeners, type ListenerSet } from './listeners.js';
import type { Registry } from './registry.js';
import { portRoute, sniffedRoute, type RouteTable } from './routes.js';
import { describeChoice, type ScopeChoice } from './scope.js';

export interface Scope {
  readonly reg: Registry;
  readonly choice: ScopeChoice;
  readonly views: readonly EgressView[];
  readonly listeners: ListenerSet;
  readonly clusters: ReadonlyMap<string, ClusterInfo>;
  /** describeChoice, once: every reason of the scope shares the string. */
  readonly description: string;
  /** Route "N" or "host:N" (RDS), cached. */
  route(name: string, port: number): RouteTable;
}

export function buildScope(reg: Registry, choice: ScopeChoice): Scope {
  const views = egressViews(reg, choice);
  const listeners = buildListeners(reg, choice, views);
  const clusters = buildClusters(reg, choice, views);
  const routes = new Map<string, RouteTable>();
  return {
    reg,
    choice,
    views,
    listeners,
    clusters,
    description: describeChoice(choice),
    route(name, port) {
      let t = routes.get(name);
      if (!t) {
        const colon = name.lastIndexOf(':');
        t = colon > 0 ? sniffedRoute(choice, views, name.slice(0, colon), port) : portRoute(choice, views, port, choice.mode);
        routes.set(name, t);
      }
      return t;
    },
  };
}
