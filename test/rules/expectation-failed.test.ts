import rule from '../../rules/expectation-failed.js';
import { ruleTester } from '../helpers/rule-tester.js';
import { seedFiles } from '../helpers/seed-files.js';

// Expectations in .istio-lint.yaml (findings in the config file) are tested through the CLI in test/intent-expect.test.ts.
const dir = 'fixtures/rules/expectation-failed';
const annotated = (value: string): string =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: client\n  namespace: shop\n  annotations:\n    istio-lint.io/expect: ${JSON.stringify(value)}\nspec:\n  containers: [{name: c, image: c}]\n---\napiVersion: v1\nkind: Service\nmetadata: {name: api, namespace: shop}\nspec: {ports: [{name: http, port: 80}, {name: tcp-db, port: 5432}]}\n---\napiVersion: networking.istio.io/v1\nkind: Sidecar\nmetadata: {name: default, namespace: shop}\nspec:\n  egress:\n    - port: {number: 80, protocol: HTTP, name: http}\n      hosts: ["./*"]\n  outboundTrafficPolicy: {mode: REGISTRY_ONLY}\n`;

ruleTester(rule, {
  valid: [
    { name: 'the seed with its observed verdicts written on helloworld-default', fixture: `${dir}/valid/seed-annotated.yaml` },
    { name: 'the seed without expectations', files: seedFiles() },
    { name: 'allow and deny, globs over hosts and ports', yaml: annotated('api.shop.svc.cluster.local:80=allow, api.shop.svc.cluster.local:5*=deny, *.shop.svc.cluster.local:5432=blackhole') },
    { name: 'an unmeshed caller goes direct', yaml: annotated('api.shop.svc.cluster.local=direct').replace('  annotations:\n', '  annotations:\n    sidecar.istio.io/inject: "false"\n') },
  ],
  invalid: [
    {
      name: 'unmet, an unmatched host with a suggestion, an unreadable entry',
      fixture: `${dir}/invalid/seed-annotated.yaml`,
      errors: [
        { line: 53, column: 27, message: /^call from default\/helloworld-default to helloworld\.default\.svc\.cluster\.local:8080 gets blackhole, expected 200: plaintext HTTP .* → BlackHoleCluster/ },
        { line: 53, column: 27, message: 'to helloworld.foo.svc.cluster.local:8080 gets blackhole, expected allow (200, passthrough or direct): ' },
        { line: 53, column: 27, message: 'cannot read "helloworld.foo.svc.cluster.local=ok" in istio-lint.io/expect: expected host[:port]=verdict' },
        { line: 53, column: 27, message: 'expectation to "helloworld.foo:80" matches no service port in the input → did you mean "helloworld.foo.svc.cluster.local:80"?' },
      ],
    },
    {
      name: 'deny of a port that gets through; 503 (no endpoints) is neither allow nor deny',
      yaml: annotated('api.shop.svc.cluster.local:80=deny, api.shop.svc.cluster.local:5432=deny').replace('spec: {ports:', 'spec: {selector: {app: api}, ports:'),
      errors: [
        { line: 7, column: 27, message: 'call from shop/client to api.shop.svc.cluster.local:80 gets 503, expected deny (502 or blackhole): ' },
      ],
    },
    {
      name: 'allow of a port the Sidecar blocks',
      yaml: annotated('api.shop.svc.cluster.local:5432=allow'),
      errors: [{ line: 7, column: 27, message: 'call from shop/client to api.shop.svc.cluster.local:5432 gets blackhole, expected allow (200, passthrough or direct): raw TCP' }],
    },
    {
      name: 'a host that no Service or ServiceEntry has, without a likely intent',
      yaml: annotated('payments.example.com=200'),
      errors: [{ line: 7, column: 27, message: 'expectation to "payments.example.com" matches no service port in the input (to is host:port as istio-lint report writes it' }],
    },
  ],
});
