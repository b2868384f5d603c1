import ingressPoolProtocol from '../../rules/ingress-pool-protocol.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester(ingressPoolProtocol, {
  valid: [{ name: 'HTTP settings on HTTP and GRPC ports, TCP settings on a TCP port', fixture: 'fixtures/rules/ingress-pool-protocol/valid/http.yaml' }],
  invalid: [
    {
      name: 'HTTP pool settings on a TCP ingress port (TestValidateSidecar warning)',
      fixture: 'fixtures/rules/ingress-pool-protocol/invalid/tcp.yaml',
      errors: [{ line: 16, column: 9, endColumn: 13, message: 'connectionPool.http on ingress port 9080 is ignored because the port has protocol "TCP"' }],
    },
    {
      name: 'a port without protocol is sniffed, not HTTP',
      yaml: 'apiVersion: networking.istio.io/v1\nkind: Sidecar\nmetadata:\n  name: s\nspec:\n  ingress:\n    - port:\n        number: 9080\n        name: p\n      connectionPool:\n        http:\n          maxRetries: 3\n',
      errors: [{ line: 11, column: 9, message: 'no protocol (sniffed)' }],
    },
  ],
});
