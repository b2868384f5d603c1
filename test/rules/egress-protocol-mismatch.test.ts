import rule from '../../rules/egress-protocol-mismatch.js';
import { ruleTester } from '../helpers/rule-tester.js';
import { seedFiles } from '../helpers/seed-files.js';

const dir = 'fixtures/rules/egress-protocol-mismatch';

ruleTester(rule, {
  valid: [
    { name: 'HTTP over HTTP and sniffed ports, TCP-family over TLS, no protocol, catch-all', fixture: `${dir}/valid/compatible.yaml` },
    { name: 'the seed', files: seedFiles() },
  ],
  invalid: [
    {
      name: 'HTTP over an HTTPS port and GRPC over a TCP port, under REGISTRY_ONLY',
      fixture: `${dir}/invalid/http-over-tls.yaml`,
      errors: [
        {
          line: 32,
          column: 19,
          message:
            'protocol HTTP makes port 443 an HTTP listener, but it imports foo/api (HTTPS) on that port, which Envoy gives no HTTP route: HTTP calls to it get 502 (block_all) and TLS or TCP calls are blackholed → set protocol: HTTPS to match, or omit it to let Envoy detect the protocol',
        },
        { line: 38, column: 19, message: 'protocol GRPC makes port 5432 an HTTP listener, but it imports foo/api (TCP) on that port' },
      ],
    },
    {
      name: 'under ALLOW_ANY the calls pass through; several protocols ask for sniffing',
      yaml: `apiVersion: v1
kind: Service
metadata: {name: a, namespace: foo}
spec:
  ports: [{name: tls, port: 9000}]
---
apiVersion: networking.istio.io/v1
kind: ServiceEntry
metadata: {name: b, namespace: foo}
spec:
  hosts: [db.example.com]
  resolution: DNS
  ports: [{number: 9000, name: mongo, protocol: MONGO}]
---
apiVersion: networking.istio.io/v1
kind: Sidecar
metadata: {name: default, namespace: default}
spec:
  egress:
    - port: {number: 9000, protocol: http, name: x}
      hosts: ["foo/*"]
`,
      errors: [
        {
          line: 20,
          column: 38,
          message:
            'protocol http makes port 9000 an HTTP listener, but it imports foo/a (TLS) and foo/db.example.com (MONGO) on that port, which Envoy gives no HTTP route: HTTP calls to them pass through without mesh routing, and TLS or TCP calls leave the mesh as passthrough → omit protocol to let Envoy detect the protocol',
        },
      ],
    },
  ],
});
