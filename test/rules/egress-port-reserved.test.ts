import rule from '../../rules/egress-port-reserved.js';
import { ruleTester } from '../helpers/rule-tester.js';
import { seedFiles } from '../helpers/seed-files.js';

const dir = 'fixtures/rules/egress-port-reserved';

ruleTester(rule, {
  valid: [
    { name: 'VIP-bound TCP, a specific bind, captureMode NONE, a free port', fixture: `${dir}/valid/not-wildcard.yaml` },
    { name: 'the seed', files: seedFiles() },
  ],
  invalid: [
    {
      name: 'HTTP on 15006, bind 0.0.0.0 on 15021, GRPC on 15090',
      fixture: `${dir}/invalid/reserved.yaml`,
      errors: [
        {
          line: 9,
          column: 17,
          message: "port 15006 is Envoy's inbound capture port (virtualInbound): Istio builds no wildcard HTTP listener for it, so this egress listener has no effect and calls to port 15006 are blackholed → use another port",
        },
        { line: 14, column: 17, message: "port 15021 is the sidecar's health status port: Istio builds no listener on 0.0.0.0 for it" },
        { line: 20, column: 17, message: "calls to port 15090 reach the sidecar's own listener, not the service" },
      ],
    },
  ],
});
