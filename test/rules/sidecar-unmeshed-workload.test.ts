import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import sidecarUnmeshedWorkload from '../../rules/sidecar-unmeshed-workload.js';
import { ROOT } from '../helpers/cli.js';
import { ruleTester } from '../helpers/rule-tester.js';

const SEED_DEPLOYMENTS = readFileSync(join(ROOT, 'fixtures/seed/deployment.yaml'), 'utf8');
const SEED_SIDECARS = readFileSync(join(ROOT, 'fixtures/seed/sidecar.yaml'), 'utf8');

ruleTester(sidecarUnmeshedWorkload, {
  valid: [
    { name: 'injected workloads; a namespace with one meshed workload; the root default', fixture: 'fixtures/rules/sidecar-unmeshed-workload/valid/meshed.yaml' },
    { name: 'the seed example (default is assumed injected)', files: { 'deployment.yaml': SEED_DEPLOYMENTS, 'sidecar.yaml': SEED_SIDECARS } },
    { name: 'a Sidecar that also reaches a VM (WorkloadEntry), selector or namespace-wide', fixture: 'fixtures/rules/sidecar-unmeshed-workload/valid/vms.yaml' },
  ],
  invalid: [
    {
      name: 'injection disabled, no injection label, ambient namespace',
      fixture: 'fixtures/rules/sidecar-unmeshed-workload/invalid/unmeshed.yaml',
      errors: [
        { line: 32, column: 3, message: 'every workload this Sidecar selects runs without an Istio proxy (Deployment bar/reviews: namespace bar has istio-injection=disabled' },
        { line: 64, column: 9, message: 'every workload in namespace baz runs without an Istio proxy (Deployment baz/web: namespace baz has no istio-injection or istio.io/rev label)' },
        { line: 101, column: 3, message: 'it runs in ambient mode' },
      ],
    },
    {
      name: 'the seed example without the assumption that default is injected',
      assumeInjected: false,
      files: { 'deployment.yaml': SEED_DEPLOYMENTS, 'sidecar.yaml': SEED_SIDECARS },
      errors: [
        { file: 'sidecar.yaml', line: 7, column: 3, message: 'Deployment default/helloworld-default: namespace default (not declared, assumed) has no istio-injection or istio.io/rev label' },
        { file: 'sidecar.yaml', line: 26, column: 3, message: 'Deployment foo/helloworld-foo' },
      ],
    },
  ],
});
