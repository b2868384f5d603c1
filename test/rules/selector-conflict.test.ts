import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import selectorConflict from '../../rules/selector-conflict.js';
import { ROOT } from '../helpers/cli.js';
import { ruleTester } from '../helpers/rule-tester.js';

const SEED_DEPLOYMENTS = readFileSync(join(ROOT, 'fixtures/seed/deployment.yaml'), 'utf8');
const SEED_SIDECARS = readFileSync(join(ROOT, 'fixtures/seed/sidecar.yaml'), 'utf8');

ruleTester(selectorConflict, {
  valid: [
    { name: 'one selector Sidecar per workload; a namespace-wide one beside is no conflict', fixture: 'fixtures/rules/selector-conflict/valid/one-each.yaml' },
    { name: 'the seed example', files: { 'deployment.yaml': SEED_DEPLOYMENTS, 'sidecar.yaml': SEED_SIDECARS } },
    {
      name: 'a workload without a proxy cannot be affected',
      yaml: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  labels:\n    app: a\n    sidecar.istio.io/inject: "false"\nspec:\n  containers:\n    - name: c\n      image: c\n---\napiVersion: networking.istio.io/v1\nkind: Sidecar\nmetadata:\n  name: s1\nspec:\n  workloadSelector:\n    labels:\n      app: a\n  egress:\n    - hosts: ["./*"]\n---\napiVersion: networking.istio.io/v1\nkind: Sidecar\nmetadata:\n  name: s2\nspec:\n  workloadSelector:\n    labels:\n      app: a\n  egress:\n    - hosts: ["./*"]\n',
    },
  ],
  invalid: [
    {
      name: 'duplicates and overlaps (sidecar-selector.yaml): each names the other and the one Istio applies',
      fixture: 'fixtures/rules/selector-conflict/invalid/sidecar-selector.yaml',
      errors: [
        { line: 56, column: 3, endColumn: 19, message: 'selects Pod default/reviews, which Sidecar default/dupe-2 (line 65) also selects; Istio applies only the oldest Sidecar (by creationTimestamp, then name), which is this one' },
        { line: 68, column: 3, message: 'default/dupe-1, so this one is ignored for that workload' },
        { line: 80, column: 3, message: 'Sidecar default/overlap-2 (line 89)' },
        { line: 92, column: 3, message: 'default/overlap-1, so this one is ignored' },
      ],
    },
    {
      name: 'creationTimestamp decides the winner before the name',
      yaml: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  labels:\n    app: a\nspec:\n  containers:\n    - name: c\n      image: c\n---\napiVersion: networking.istio.io/v1\nkind: Sidecar\nmetadata:\n  name: a-newer\n  creationTimestamp: "2024-05-01T00:00:00Z"\nspec:\n  workloadSelector:\n    labels:\n      app: a\n  egress:\n    - hosts: ["./*"]\n---\napiVersion: networking.istio.io/v1\nkind: Sidecar\nmetadata:\n  name: b-older\n  creationTimestamp: "2023-01-01T00:00:00Z"\nspec:\n  workloadSelector:\n    labels:\n      app: a\n  egress:\n    - hosts: ["./*"]\n',
      errors: [
        { line: 18, column: 3, message: 'default/b-older, so this one is ignored' },
        { line: 30, column: 3, message: 'which is this one' },
      ],
    },
    {
      name: 'a VM (WorkloadEntry) selected by two Sidecars: a VM always runs a proxy',
      yaml: 'apiVersion: networking.istio.io/v1\nkind: WorkloadEntry\nmetadata:\n  name: ratings-vm\n  namespace: vms\nspec:\n  address: 10.0.0.7\n  labels:\n    app: ratings\n    class: vm\n---\napiVersion: networking.istio.io/v1\nkind: Sidecar\nmetadata:\n  name: by-app\n  namespace: vms\nspec:\n  workloadSelector:\n    labels:\n      app: ratings\n  egress:\n    - hosts: ["./*"]\n---\napiVersion: networking.istio.io/v1\nkind: Sidecar\nmetadata:\n  name: by-class\n  namespace: vms\nspec:\n  workloadSelector:\n    labels:\n      class: vm\n  egress:\n    - hosts: ["./*"]\n',
      errors: [
        { line: 18, column: 3, message: 'selects WorkloadEntry vms/ratings-vm, which Sidecar vms/by-class (line 27) also selects; Istio applies only the oldest Sidecar (by creationTimestamp, then name), which is this one' },
        { line: 30, column: 3, message: 'vms/by-app, so this one is ignored for that workload' },
      ],
    },
  ],
});
