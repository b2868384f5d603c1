import rule from '../../rules/egress-port-unmatched.js';
import { ruleTester } from '../helpers/rule-tester.js';
import { seedFiles } from '../helpers/seed-files.js';

const dir = 'fixtures/rules/egress-port-unmatched';

/** foo/a exposes 80 to everyone, foo/b exposes 9090 to its own namespace only; the Sidecar in default listens on `port`. */
const exportedAway = (port: number): string => `apiVersion: v1
kind: Service
metadata: {name: a, namespace: foo}
spec:
  ports: [{name: http, port: 80}]
---
apiVersion: v1
kind: Service
metadata:
  name: b
  namespace: foo
  annotations: {networking.istio.io/exportTo: "."}
spec:
  ports: [{name: http, port: 9090}]
---
apiVersion: networking.istio.io/v1
kind: Sidecar
metadata: {name: default, namespace: default}
spec:
  egress:
    - port: {number: ${port}, protocol: HTTP, name: http}
      hosts: ["foo/*"]
`;

ruleTester(rule, {
  valid: [
    { name: 'exposed port, catch-all, HTTP_PROXY and unmatched hosts', fixture: `${dir}/valid/ports.yaml` },
    { name: 'the seed: both listeners use ports the services expose', files: seedFiles() },
    {
      name: 'a service port that only another namespace exports away does not count against the listener',
      yaml: exportedAway(80),
    },
  ],
  invalid: [
    {
      name: 'the Service port is 80; 8080 is its targetPort',
      fixture: `${dir}/invalid/target-port.yaml`,
      errors: [
        {
          line: 23,
          column: 17,
          message: 'port 8080 is exposed by none of the services this listener imports, so it imports nothing (foo/helloworld exposes 80 → change the port to 80, or add 8080 to Service foo/helloworld)',
        },
      ],
    },
    {
      name: 'a Service and a ServiceEntry, neither with the port',
      fixture: `${dir}/invalid/several-services.yaml`,
      errors: [{ line: 37, column: 17, message: 'shop/api exposes 80, 443; shop/payments.example.com exposes 443 → change the port to 443)' }],
    },
    {
      name: 'services hidden by exportTo are not what the listener imports',
      yaml: exportedAway(9090),
      errors: [{ line: 21, column: 22, message: '(foo/a exposes 80 → change the port to 80, or add 9090 to Service foo/a)' }],
    },
  ],
});
