// Calls a workload evidently makes: the addresses in what it writes (sources.ts) that name a service of the input,
// kept only when the text is clearly an address, so that ordinary words never become calls.
import { selectorMatches } from '../model/labels.js';
import type { Mesh, Service, ServicePort, Workload } from '../model/types.js';
import { addressesIn, type Address } from './addresses.js';
import { serviceNamed } from './resolve.js';
import type { Origin } from './sources.js';

export interface Call {
  readonly address: Address;
  readonly service: Service;
  readonly ports: readonly ServicePort[];
  /** No port was written nor implied by a scheme: the client may use any port of the service. */
  readonly anyPort: boolean;
}

// Variable names that say the value is an address (CART_SERVICE_ADDR, REDIS_HOST, API_URL), unlike POSTGRES_DB.
const ADDRESS_NAME = /addr|host|url|uri|endpoint|service|server|svc|upstream|backend|target|dsn|broker|peer|remote|api/i;

/**
 * A bare name (`cart`) is a call only as the whole value of an environment variable whose name says address;
 * `cart.shop` only with a scheme or port, or as a whole value; full names (cart.shop.svc…) and ServiceEntry hosts
 * wherever they appear as a token. In files and process arguments a bare word is too often something else (a
 * subcommand, a binary, a database name).
 */
function evident(a: Address, form: string, origin: Origin, name: string | undefined): boolean {
  const explicit = a.scheme !== undefined || a.port !== undefined;
  if (form === 'name') return explicit || (a.whole && origin === 'env' && ADDRESS_NAME.test(name ?? ''));
  if (form === 'name.namespace') return explicit || a.whole;
  return true;
}

/** A service that selects the workload's own pods: configuration about itself (its database name, its listen address). */
function isSelf(s: Service, w: Workload): boolean {
  const sel = s.kube?.selector;
  return s.namespace === w.namespace && sel !== undefined && Object.keys(sel).length > 0 && selectorMatches(sel, w.podLabels);
}

/** `name`: the environment variable (or ConfigMap key) that holds the value. */
export function callsIn(mesh: Mesh, w: Workload, value: string, origin: Origin, name?: string): Call[] {
  const out: Call[] = [];
  for (const a of addressesIn(value)) {
    const named = serviceNamed(mesh, a, w.namespace);
    if (!named || !evident(a, named.form, origin, name) || !named.ports.length || isSelf(named.service, w)) continue;
    out.push({ address: a, service: named.service, ports: named.ports, anyPort: named.anyPort });
  }
  return out;
}
