import sidecarTargetPort from '../../rules/sidecar-target-port.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester(sidecarTargetPort, {
  valid: [{ name: 'ports without targetPort', fixture: 'fixtures/rules/sidecar-target-port/valid/no-target.yaml' }],
  invalid: [
    {
      name: 'targetPort on an ingress and on an egress port, pointed at the key',
      fixture: 'fixtures/rules/sidecar-target-port/invalid/target-port.yaml',
      errors: [
        { line: 12, column: 9, endColumn: 19, message: 'targetPort 8080 has no effect on a Sidecar ingress port and Istio rejects it: remove it; to forward to 8080 set defaultEndpoint: "127.0.0.1:8080"' },
        { line: 18, column: 9, message: 'on a Sidecar egress port' },
      ],
    },
  ],
});
