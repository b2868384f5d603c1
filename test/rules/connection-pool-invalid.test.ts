import connectionPoolInvalid from '../../rules/connection-pool-invalid.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester(connectionPoolInvalid, {
  valid: [{ name: 'top-level and per-port pools (TestValidateSidecar valid pools)', fixture: 'fixtures/rules/connection-pool-invalid/valid/pools.yaml' }],
  invalid: [
    {
      name: 'an empty inboundConnectionPool, useClientProtocol with UPGRADE, half an http2KeepAlive',
      fixture: 'fixtures/rules/connection-pool-invalid/invalid/pools.yaml',
      errors: [
        { line: 7, column: 3, endColumn: 24, message: 'inboundConnectionPool sets neither http nor tcp' },
        { line: 17, column: 11, message: 'useClientProtocol: true contradicts h2UpgradePolicy: UPGRADE' },
        { line: 25, column: 11, message: 'http2KeepAlive sets interval without timeout, and Istio needs both: add timeout' },
      ],
    },
  ],
});
