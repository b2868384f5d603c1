import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import serviceNoEndpoints from '../../rules/service-no-endpoints.js';
import { ROOT } from '../helpers/cli.js';
import { ruleTester } from '../helpers/rule-tester.js';

const SEED_DEPLOYMENTS = readFileSync(join(ROOT, 'fixtures/seed/deployment.yaml'), 'utf8');
const SEED_SERVICES = readFileSync(join(ROOT, 'fixtures/seed/service.yaml'), 'utf8');

ruleTester(serviceNoEndpoints, {
  valid: [
    {
      name: 'a matching Deployment, a selector-less Service, an ExternalName, one of two workloads scaled to zero',
      fixture: 'fixtures/rules/service-no-endpoints/valid/endpoints.yaml',
    },
    { name: 'the seed example', files: { 'deployment.yaml': SEED_DEPLOYMENTS, 'service.yaml': SEED_SERVICES } },
    { name: 'Services that select VMs (WorkloadEntry, WorkloadGroup), beside pods scaled to zero', fixture: 'fixtures/rules/service-no-endpoints/valid/vms.yaml' },
    { name: 'Services alone: the input has no workloads to judge by', fixture: 'fixtures/seed/service.yaml' },
    {
      name: 'a Service in a namespace whose workloads are not in the input (partial input)',
      files: {
        'service.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: api\n  namespace: payments\nspec:\n  selector:\n    app: api\n  ports:\n    - name: http\n      port: 80\n',
        'deployment.yaml': SEED_DEPLOYMENTS,
      },
    },
  ],
  invalid: [
    {
      name: 'a typo, another namespace, zero replicas, a missing label key',
      fixture: 'fixtures/rules/service-no-endpoints/invalid/no-endpoints.yaml',
      errors: [
        { line: 26, column: 10, endColumn: 16, message: 'selector app=review matches no workload, so callers of typo.bar get 503 (no healthy upstream): no workload in namespace bar has app=review (values there: "batch" and "reviews")' },
        { line: 38, column: 5, message: 'it matches Deployment bar/reviews (line 4), but a Service selects pods in its own namespace (baz) only' },
        { line: 49, column: 3, message: 'selector app=batch matches only Deployment bar/batch (line 58), scaled to replicas: 0' },
        { line: 81, column: 5, message: 'no workload in namespace bar has a label "tier"' },
      ],
    },
    {
      name: 'a VM in another namespace is named',
      files: {
        'service.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: ratings\n  namespace: shop\nspec:\n  selector:\n    app: ratings\n  ports:\n    - name: http\n      port: 9080\n',
        'vms.yaml': 'apiVersion: networking.istio.io/v1\nkind: WorkloadEntry\nmetadata:\n  name: ratings-vm\n  namespace: vms\nspec:\n  address: 10.0.0.7\n  labels:\n    app: ratings\n',
      },
      errors: [{ file: 'service.yaml', line: 8, column: 5, message: 'it matches WorkloadEntry vms/ratings-vm (vms.yaml:4), but a Service selects pods in its own namespace (shop) only' }],
    },
  ],
});
