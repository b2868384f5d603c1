import ingressPortMismatch from '../../rules/ingress-port-mismatch.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester(ingressPortMismatch, {
  valid: [
    { name: 'ingress ports on the target ports, endpoints on container ports (named targetPort resolved)', fixture: 'fixtures/rules/ingress-port-mismatch/valid/target-ports.yaml' },
    {
      name: 'workloads that declare no ports give nothing to compare',
      yaml: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  labels:\n    app: a\nspec:\n  containers:\n    - name: c\n      image: c\n---\napiVersion: networking.istio.io/v1\nkind: Sidecar\nmetadata:\n  name: s\nspec:\n  ingress:\n    - port:\n        number: 9080\n        protocol: HTTP\n        name: http\n      defaultEndpoint: 127.0.0.1:8080\n',
    },
  ],
  invalid: [
    {
      name: 'the Service port instead of its target port, and an endpoint nothing listens on',
      fixture: 'fixtures/rules/ingress-port-mismatch/invalid/ports.yaml',
      errors: [
        { line: 50, column: 17, message: 'ingress port 9080 is neither a Service target port nor a container port of Deployment bar/reviews (Service target ports reviews 9080→8080 and reviews 9090→8081; container ports 8080, 8081), so it receives no traffic, while calls to 8080 pass through without Istio\'s inbound processing: use 8080' },
        { line: 58, column: 24, message: 'defaultEndpoint port 9091 is not a container port of Deployment bar/reviews (declared: 8080, 8081)' },
      ],
    },
  ],
});
