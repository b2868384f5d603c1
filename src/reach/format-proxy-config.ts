// `report --proxy-config ns/workload`: the predicted clusters and outbound listeners as istioctl prints them.
import type { ProxyConfig } from './proxy-config.js';

function columns(rows: readonly (readonly string[])[]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]! + 3))).join('').trimEnd()).join('\n') + '\n';
}

export function formatProxyConfig(pc: ProxyConfig): string {
  if (!pc.meshed) return `${pc.workload} has no sidecar, so there is no Envoy config to predict (${pc.note ?? 'not meshed'})\n`;
  const head = `# ${pc.workload}: ${pc.sidecar ? `Sidecar ${pc.sidecar}` : 'no Sidecar (implicit egress */*)'}\n`;
  const clusters = columns([
    ['SERVICE FQDN', 'PORT', 'SUBSET', 'DIRECTION', 'TYPE', 'DESTINATION RULE'],
    ...pc.clusters.map((c) => [c.fqdn, c.port, c.subset, c.direction, c.type, c.destinationRule]),
  ]);
  const listeners = columns([
    ['ADDRESSES', 'PORT', 'MATCH', 'DESTINATION'],
    ...pc.listeners.map((l) => [l.address, String(l.port), l.match, l.destination]),
  ]);
  return `${head}\n# istioctl proxy-config clusters (predicted)\n${clusters}\n# istioctl proxy-config listeners (predicted, outbound)\n${listeners}`;
}
