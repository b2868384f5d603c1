import { durationProblem } from '../src/checks/duration.js';
import { asArray, asObject, type JsonObject, type JsonPath } from '../src/json.js';
import { defineRule } from '../src/rule.js';
import type { RuleContext } from '../src/rule.js';

// SV-10: the webhook's ValidateDuration checks connectTimeout and http.idleTimeout (at least 1ms, whole
// milliseconds); the CRD's CEL rules want every pool duration to be at least 1ms.
const DURATIONS: readonly { readonly at: readonly string[]; readonly wholeMs: boolean }[] = [
  { at: ['tcp', 'connectTimeout'], wholeMs: true },
  { at: ['http', 'idleTimeout'], wholeMs: true },
  { at: ['tcp', 'idleTimeout'], wholeMs: false },
  { at: ['tcp', 'maxConnectionDuration'], wholeMs: false },
  { at: ['tcp', 'tcpKeepalive', 'time'], wholeMs: false },
  { at: ['tcp', 'tcpKeepalive', 'interval'], wholeMs: false },
];

function checkDurations(pool: JsonObject, path: JsonPath, ctx: RuleContext): void {
  for (const { at, wholeMs } of DURATIONS) {
    let v: unknown = pool;
    for (const k of at) v = asObject(v)?.[k];
    if (typeof v !== 'string') continue;
    const problem = durationProblem(v, wholeMs);
    if (problem) ctx.report({ message: `${at[at.length - 1]} ${JSON.stringify(v)} ${problem}: use a duration such as "10ms" or "5s"`, path: [...path, ...at] });
  }
}

function checkPool(pool: unknown, path: JsonPath, ctx: RuleContext): void {
  if (pool === undefined || pool === null) return;
  const o = asObject(pool);
  if (!o) return; // a wrong type is the schema's finding
  const http = asObject(o.http);
  if (!http && !asObject(o.tcp)) {
    ctx.report({ message: `${path[path.length - 1]} sets neither http nor tcp, and Istio rejects an empty pool: add tcp or http settings, or remove it`, path, target: 'key' });
    return;
  }
  if (http && http.h2UpgradePolicy === 'UPGRADE' && http.useClientProtocol === true) {
    ctx.report({
      message: 'useClientProtocol: true contradicts h2UpgradePolicy: UPGRADE and Istio rejects the pair: keep one of them',
      path: [...path, 'http', 'useClientProtocol'],
      target: 'key',
    });
  }
  checkDurations(o, path, ctx);
  const keepalive = asObject(http?.http2KeepAlive);
  if (keepalive && (keepalive.interval === undefined) !== (keepalive.timeout === undefined)) {
    const missing = keepalive.interval === undefined ? 'interval' : 'timeout';
    ctx.report({
      message: `http2KeepAlive sets ${missing === 'interval' ? 'timeout' : 'interval'} without ${missing}, and Istio needs both: add ${missing}`,
      path: [...path, 'http', 'http2KeepAlive'],
      target: 'key',
    });
  }
}

export default defineRule({
  meta: {
    id: 'connection-pool-invalid',
    description: 'An inbound connection pool sets neither http nor tcp, combines useClientProtocol with h2UpgradePolicy UPGRADE, sets only half of http2KeepAlive, or has a duration under 1ms',
    rationale:
      'Sidecar `inboundConnectionPool` and per-ingress `connectionPool` are checked like a DestinationRule pool (validateConnectionPool): an empty pool is rejected ("connection pool must have at least one field"), so is `useClientProtocol: true` together with `h2UpgradePolicy: UPGRADE`, an `http2KeepAlive` needs both `interval` and `timeout`, and durations must be at least 1ms (`connectTimeout` and `http.idleTimeout` also whole milliseconds).',
    remediation: 'Give the pool `tcp` or `http` settings, or remove it; drop either `useClientProtocol` or `h2UpgradePolicy: UPGRADE`; give http2KeepAlive both `interval` and `timeout`; write durations of at least 1ms.',
    severity: 'error',
    kinds: ['Sidecar'],
    peers: ['IST0106'],
    example:
      'apiVersion: networking.istio.io/v1\nkind: Sidecar\nmetadata:\n  name: default\n  namespace: bar\nspec:\n  inboundConnectionPool: {}\n  egress:\n    - hosts: ["./*"]\n',
  },
  check(manifest, ctx) {
    const spec = asObject(manifest.value.spec);
    if (!spec) return;
    checkPool(spec.inboundConnectionPool, ['spec', 'inboundConnectionPool'], ctx);
    asArray(spec.ingress).forEach((l, i) => checkPool(asObject(l)?.connectionPool, ['spec', 'ingress', i, 'connectionPool'], ctx));
  },
});
