import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import selectorNoMatch from '../../rules/selector-no-match.js';
import { ROOT } from '../helpers/cli.js';
import { ruleTester } from '../helpers/rule-tester.js';

const SEED_DEPLOYMENTS = readFileSync(join(ROOT, 'fixtures/seed/deployment.yaml'), 'utf8');
const SEED_SIDECARS = readFileSync(join(ROOT, 'fixtures/seed/sidecar.yaml'), 'utf8');

ruleTester(selectorNoMatch, {
  valid: [
    { name: 'full and partial matches (sidecar-selector.yaml)', fixture: 'fixtures/rules/selector-no-match/valid/matches.yaml' },
    { name: 'a WorkloadEntry and the entries of a WorkloadGroup are selected like pods', fixture: 'fixtures/rules/selector-no-match/valid/vms.yaml' },
    {
      name: 'a namespace with VMs but no pods in the input: VMs register themselves, so nothing to judge',
      yaml: 'apiVersion: networking.istio.io/v1\nkind: WorkloadEntry\nmetadata:\n  name: api-vm\n  namespace: vms\nspec:\n  address: 10.0.0.7\n  labels:\n    app: api\n---\napiVersion: networking.istio.io/v1\nkind: Sidecar\nmetadata:\n  name: s\n  namespace: vms\nspec:\n  workloadSelector:\n    labels:\n      app: cloud-run\n  egress:\n    - hosts: ["./*"]\n',
    },
    { name: 'the seed example', files: { 'deployment.yaml': SEED_DEPLOYMENTS, 'sidecar.yaml': SEED_SIDECARS } },
    {
      name: 'the Sidecar namespace has no workloads in the input (partial input): nothing to judge',
      files: {
        'sidecar.yaml': 'apiVersion: networking.istio.io/v1\nkind: Sidecar\nmetadata:\n  name: s\n  namespace: vms\nspec:\n  workloadSelector:\n    labels:\n      app: ratings-vm\n  egress:\n    - hosts: ["./*"]\n',
        'deployment.yaml': SEED_DEPLOYMENTS,
      },
    },
    {
      name: 'no workloads anywhere in the input: nothing to judge',
      yaml: 'apiVersion: networking.istio.io/v1\nkind: Sidecar\nmetadata:\n  name: s\nspec:\n  workloadSelector:\n    labels:\n      app: x\n  egress:\n    - hosts: ["./*"]\n',
    },
  ],
  invalid: [
    {
      name: 'IST0101 cases plus a missing key and a combination no pod has',
      fixture: 'fixtures/rules/selector-no-match/invalid/sidecar-selector.yaml',
      errors: [
        { line: 58, column: 12, message: 'no workload in namespace default has app=bogus (values there: "productpage", "ratings-app" and "reviews")' },
        { line: 70, column: 12, message: 'matches no workload in namespace other, only Pod default/reviews (line 28) in namespace default; a Sidecar selects pods of its own namespace only: move it to namespace default' },
        { line: 82, column: 7, message: 'has a label "tier"' },
        { line: 94, column: 7, message: 'has all of app=reviews,myapp=ratings-myapp at once' },
      ],
    },
    {
      name: 'a workload in another file is named with its file and line',
      files: {
        'sidecar.yaml': 'apiVersion: networking.istio.io/v1\nkind: Sidecar\nmetadata:\n  name: s\n  namespace: shop\nspec:\n  workloadSelector:\n    labels:\n      app: cart\n  egress:\n    - hosts: ["./*"]\n',
        'pod.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: cart\n  namespace: default\n  labels:\n    app: cart\nspec:\n  containers:\n    - name: c\n      image: c\n',
      },
      errors: [{ file: 'sidecar.yaml', line: 9, column: 7, message: 'only Pod default/cart (pod.yaml:4)' }],
    },
    {
      name: 'a VM in another namespace is named, and VM labels count among the values there',
      files: {
        'sidecar.yaml': 'apiVersion: networking.istio.io/v1\nkind: Sidecar\nmetadata:\n  name: s\n  namespace: shop\nspec:\n  workloadSelector:\n    labels:\n      app: ratings\n  egress:\n    - hosts: ["./*"]\n---\napiVersion: networking.istio.io/v1\nkind: Sidecar\nmetadata:\n  name: t\n  namespace: shop\nspec:\n  workloadSelector:\n    labels:\n      app: cart\n  egress:\n    - hosts: ["./*"]\n',
        'pod.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  namespace: shop\n  labels:\n    app: web\nspec:\n  containers:\n    - name: c\n      image: c\n',
        'vms.yaml': 'apiVersion: networking.istio.io/v1\nkind: WorkloadEntry\nmetadata:\n  name: ratings-vm\n  namespace: vms\nspec:\n  address: 10.0.0.7\n  labels:\n    app: ratings\n---\napiVersion: networking.istio.io/v1\nkind: WorkloadEntry\nmetadata:\n  name: legacy\n  namespace: shop\nspec:\n  address: 10.0.0.8\n  labels:\n    app: legacy\n',
      },
      errors: [
        { file: 'sidecar.yaml', line: 9, column: 12, message: 'matches no workload in namespace shop, only WorkloadEntry vms/ratings-vm (vms.yaml:4) in namespace vms' },
        { file: 'sidecar.yaml', line: 21, column: 12, message: 'no workload in namespace shop has app=cart (values there: "legacy" and "web")' },
      ],
    },
  ],
});
