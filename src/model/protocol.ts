// Istio protocol names and families (istio-semantics.md H1–H4).

export type Protocol =
  | 'HTTP'
  | 'HTTP2'
  | 'HTTP_PROXY'
  | 'GRPC'
  | 'GRPC-Web'
  | 'TCP'
  | 'HTTPS'
  | 'TLS'
  | 'MONGO'
  | 'REDIS'
  | 'MYSQL'
  | 'UDP'
  | 'UNSUPPORTED';

export type ProtocolFamily = 'http' | 'tcp' | 'auto' | 'udp';

const BY_NAME: Readonly<Record<string, Protocol>> = {
  http: 'HTTP',
  http2: 'HTTP2',
  http_proxy: 'HTTP_PROXY',
  grpc: 'GRPC',
  'grpc-web': 'GRPC-Web',
  tcp: 'TCP',
  https: 'HTTPS',
  tls: 'TLS',
  mongo: 'MONGO',
  redis: 'REDIS',
  mysql: 'MYSQL',
  udp: 'UDP',
};

/** protocol.Parse: case-insensitive; anything unknown is UNSUPPORTED (auto-detected). */
export function parseProtocol(value: string | undefined): Protocol {
  if (!value) return 'UNSUPPORTED';
  return BY_NAME[value.toLowerCase()] ?? 'UNSUPPORTED';
}

export function isKnownProtocol(value: string): boolean {
  return BY_NAME[value.toLowerCase()] !== undefined;
}

export function family(p: Protocol): ProtocolFamily {
  switch (p) {
    case 'HTTP':
    case 'HTTP2':
    case 'HTTP_PROXY':
    case 'GRPC':
    case 'GRPC-Web':
      return 'http';
    case 'UDP':
      return 'udp';
    case 'UNSUPPORTED':
      return 'auto';
    default:
      return 'tcp';
  }
}

/** IsHTTPOrSniffed: HTTP-family or auto-detected; such service ports get an HTTP virtual host (I2). */
export function isHttpOrSniffed(p: Protocol): boolean {
  const f = family(p);
  return f === 'http' || f === 'auto';
}

// Ports whose unnamed Service ports default to TCP: server-first protocols that cannot be sniffed.
const TCP_BY_DEFAULT = new Set([25, 53, 3306, 27017]);

const APP_PROTOCOL_ALIASES: Readonly<Record<string, Protocol>> = {
  'kubernetes.io/h2c': 'HTTP2',
  'kubernetes.io/ws': 'HTTP',
  'kubernetes.io/wss': 'HTTPS',
};

/** Protocol of a Kubernetes Service port, from its k8s protocol, appProtocol or name (ConvertProtocol). */
export function servicePortProtocol(port: number, name: string | undefined, appProtocol: string | undefined, k8sProtocol: string | undefined): Protocol {
  if (k8sProtocol?.toUpperCase() === 'UDP') return 'UDP';
  if (appProtocol) {
    const alias = APP_PROTOCOL_ALIASES[appProtocol.toLowerCase()];
    if (alias) return alias;
    const p = parseProtocol(appProtocol);
    if (p !== 'UNSUPPORTED') return p;
  }
  if (name) {
    if (name.toLowerCase().startsWith('grpc-web')) return 'GRPC-Web';
    const dash = name.indexOf('-');
    const p = parseProtocol(dash === -1 ? name : name.slice(0, dash));
    if (p !== 'UNSUPPORTED') return p;
  }
  return TCP_BY_DEFAULT.has(port) ? 'TCP' : 'UNSUPPORTED';
}
