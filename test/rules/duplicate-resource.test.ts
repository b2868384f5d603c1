import duplicateResource from '../../rules/duplicate-resource.js';
import { ruleTester } from '../helpers/rule-tester.js';

const sidecar = (ns: string, hosts: string): string =>
  `apiVersion: networking.istio.io/v1\nkind: Sidecar\nmetadata:\n  name: default\n  namespace: ${ns}\nspec:\n  egress:\n    - hosts: [${hosts}]\n`;

ruleTester(duplicateResource, {
  valid: [
    { name: 'same name, other kind, namespace or API group; generateName objects', fixture: 'fixtures/rules/duplicate-resource/valid/distinct.yaml' },
    { name: 'one Sidecar per namespace in two files', files: { 'a.yaml': sidecar('bar', '"./*"'), 'b.yaml': sidecar('baz', '"./*"') } },
  ],
  invalid: [
    {
      name: 'copies in one file: each earlier copy names the last one, identical copies say so',
      fixture: 'fixtures/rules/duplicate-resource/invalid/copies.yaml',
      errors: [
        { line: 5, column: 9, endColumn: 16, message: 'Sidecar "bar/default" is defined again at line 14; kubectl apply keeps that later copy, so this one never takes effect → merge its differences into that copy and remove this one' },
        { line: 24, column: 9, message: 'Deployment "default/reviews" is defined again at line 38; kubectl apply keeps that later copy' },
        { line: 57, column: 9, message: 'ConfigMap "bar/settings" is defined again, identically, at line 73 → remove one of the copies' },
        { line: 65, column: 9, message: 'ConfigMap "bar/settings" is defined again, identically, at line 73' },
      ],
    },
    {
      name: 'a copy in a later file wins: the earlier file is flagged, naming the other file',
      files: { 'a.yaml': sidecar('bar', '"./*"'), 'b.yaml': `# later\n${sidecar('bar', '"./*", "istio-system/*"')}` },
      errors: [{ file: 'a.yaml', line: 4, column: 9, message: 'Sidecar "bar/default" is defined again at b.yaml:5; kubectl apply keeps that later copy' }],
    },
    {
      name: 'the same Sidecar under two API versions is one object with the same content',
      yaml: `${sidecar('bar', '"./*"')}---\n${sidecar('bar', '"./*"').replace('networking.istio.io/v1', 'networking.istio.io/v1beta1')}`,
      errors: [{ line: 4, column: 9, message: 'Sidecar "bar/default" is defined again, identically, at line 13 → remove one of the copies' }],
    },
    {
      name: 'items of a List are objects too',
      yaml: 'apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: Namespace\n    metadata:\n      name: bar\n  - apiVersion: v1\n    kind: Namespace\n    metadata:\n      name: bar\n      labels:\n        istio-injection: enabled\n',
      errors: [{ line: 7, column: 13, message: 'Namespace "bar" is defined again at line 11; kubectl apply keeps that later copy' }],
    },
  ],
});
