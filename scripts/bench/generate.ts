// A synthetic mesh for benchmarks: deterministic (seeded), one multi-document file per namespace.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface MeshShape {
  readonly namespaces: number;
  readonly servicesPerNamespace: number;
  readonly seed?: number;
}

// A small set of port numbers so that services collide on listeners, as real meshes do.
const HTTP_PORTS = [80, 8080, 9080, 3000];
const TCP_PORTS = [5432, 6379, 9092, 27017];
const TIERS = ['a', 'b', 'c'];

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const nsName = (i: number): string => `ns-${String(i).padStart(3, '0')}`;

export function namespaceText(i: number, shape: MeshShape, rand: () => number): string {
  const ns = nsName(i);
  const docs: string[] = [`apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${ns}\n  labels:\n    istio-injection: enabled\n`];
  for (let s = 0; s < shape.servicesPerNamespace; s++) {
    const name = `svc-${String(s).padStart(3, '0')}`;
    const tier = TIERS[s % 3]!;
    const http = HTTP_PORTS[Math.floor(rand() * HTTP_PORTS.length)]!;
    const tcp = TCP_PORTS[Math.floor(rand() * TCP_PORTS.length)]!;
    docs.push(
      `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\n  namespace: ${ns}\n  labels:\n    app: ${name}\nspec:\n  replicas: 1\n  selector:\n    matchLabels:\n      app: ${name}\n  template:\n    metadata:\n      labels:\n        app: ${name}\n        tier: ${tier}\n    spec:\n      containers:\n        - name: app\n          image: example/${name}:1.0\n          ports:\n            - containerPort: ${http}\n            - containerPort: ${tcp}\n`,
      `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\n  namespace: ${ns}\nspec:\n  selector:\n    app: ${name}\n  ports:\n    - name: http-web\n      port: ${http}\n      targetPort: ${http}\n    - name: tcp-data\n      port: ${tcp}\n      targetPort: ${tcp}\n`,
    );
  }
  for (const tier of TIERS) {
    const port = [...HTTP_PORTS, ...TCP_PORTS][Math.floor(rand() * 8)]!;
    const others = new Set<string>();
    const count = 1 + Math.floor(rand() * 2);
    while (others.size < Math.min(count, shape.namespaces - 1)) {
      const j = Math.floor(rand() * shape.namespaces);
      if (j !== i) others.add(`${nsName(j)}/*`);
    }
    const hosts = ['./*', ...[...others].sort()];
    if (rand() < 0.3) {
      const j = Math.floor(rand() * shape.namespaces);
      hosts.push(`${nsName(j)}/svc-000.${nsName(j)}.svc.cluster.local`);
    }
    const mode = rand() < 0.5 ? 'REGISTRY_ONLY' : 'ALLOW_ANY';
    docs.push(
      `apiVersion: networking.istio.io/v1\nkind: Sidecar\nmetadata:\n  name: tier-${tier}\n  namespace: ${ns}\nspec:\n  workloadSelector:\n    labels:\n      tier: ${tier}\n  egress:\n    - port:\n        number: ${port}\n        protocol: ${HTTP_PORTS.includes(port) ? 'HTTP' : 'TCP'}\n        name: egress-${port}\n      hosts:\n${hosts.map((h) => `        - "${h}"`).join('\n')}\n  outboundTrafficPolicy:\n    mode: ${mode}\n`,
    );
  }
  return docs.join('---\n');
}

/** Writes the mesh into `dir` (emptied first) and returns the number of documents written. */
export function generateMesh(dir: string, shape: MeshShape): number {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const rand = mulberry32(shape.seed ?? 42);
  let documents = 0;
  for (let i = 0; i < shape.namespaces; i++) {
    const text = namespaceText(i, shape, rand);
    documents += text.split('\n---\n').length;
    writeFileSync(join(dir, `${nsName(i)}.yaml`), text);
  }
  return documents;
}
