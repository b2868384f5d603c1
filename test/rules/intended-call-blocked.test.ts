import rule from '../../rules/intended-call-blocked.js';
import { ruleTester } from '../helpers/rule-tester.js';
import { seedFiles } from '../helpers/seed-files.js';

const dir = 'fixtures/rules/intended-call-blocked';

/** A Sidecar of namespace shop that only opens port 80 to the namespace, a Service, and a Deployment with `env`. */
const shop = (service: string, env: string): string =>
  `apiVersion: networking.istio.io/v1
kind: Sidecar
metadata: {name: default, namespace: shop}
spec:
  egress:
    - port: {number: 80, protocol: HTTP, name: http}
      hosts: ["./*"]
  outboundTrafficPolicy: {mode: REGISTRY_ONLY}
---
${service}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: app, namespace: shop}
spec:
  selector: {matchLabels: {app: app}}
  template:
    metadata: {labels: {app: app}}
    spec:
      containers:
        - name: app
          image: app
          env:
${env}
`;
const cart = 'apiVersion: v1\nkind: Service\nmetadata: {name: cart, namespace: shop}\nspec: {ports: [{name: http, port: 80}, {name: grpc, port: 7070}]}';

ruleTester(rule, {
  valid: [
    { name: 'names that are not evidently calls, address books, unmeshed callers, calls that get through', fixture: `${dir}/valid/not-calls.yaml` },
    { name: 'the seed', files: seedFiles() },
    { name: 'a bare name in a variable whose name does not say address', yaml: shop(cart, '            - {name: DB_NAME, value: cart}') },
    { name: 'no port written and port 80 gets through', yaml: shop(cart, '            - {name: CART_HOST, value: cart}') },
    { name: 'a port the service does not have', yaml: shop(cart, '            - {name: CART, value: "cart:9090"}') },
  ],
  invalid: [
    {
      name: 'env value, envFrom, configMapKeyRef, mounted file, command and args',
      fixture: `${dir}/invalid/sources.yaml`,
      errors: [
        { line: 25, column: 13, message: 'call from shop/frontend to ads.shop.svc.cluster.local:9555, named by "ads:9555", gets blackhole: ' },
        { line: 32, column: 9, message: 'named by "mail.shop.svc.cluster.local:5000", gets blackhole' },
        { line: 39, column: 19, message: 'named by "grpc://pay:50051", gets blackhole' },
        { line: 58, column: 49, message: /named by "redis:\/\/redis\.data:6379\/0", gets blackhole: raw TCP .*; fix: add an egress listener for port 6379 \(TCP\) with host "data\/redis\.data\.svc\.cluster\.local" to Sidecar shop\/frontend$/ },
        { line: 59, column: 18, message: 'named by "catalog.shop.svc.cluster.local:3550", gets blackhole' },
        { line: 62, column: 22, message: /named by "cart:7070", gets blackhole: .*; fix: add an egress listener for port 7070 \(GRPC\) with host "shop\/cart\.shop\.svc\.cluster\.local" to Sidecar shop\/frontend$/, severity: 'error' },
      ],
    },
    {
      name: 'a named port in a projected volume, a ServiceEntry URL with credentials, a headless pod name with a trailing dot',
      fixture: `${dir}/invalid/url-forms.yaml`,
      errors: [
        { line: 45, column: 16, message: /to search\.data\.svc\.cluster\.local:9300, named by "http:\/\/search\.data\.svc:http-admin".*; fix: add "data\/search\.data\.svc\.cluster\.local" to the hosts of egress\[0\] of Sidecar jobs\/worker$/ },
        { line: 63, column: 19, message: 'to api.payments.example.com:443, named by "https://token@api.payments.example.com/v1/charges", gets blackhole' },
        { line: 64, column: 19, message: 'to kafka-headless.data.svc.cluster.local:9092, named by "kafka-0.kafka-headless.data.svc.cluster.local.:9092"' },
      ],
    },
    {
      name: 'passthrough under ALLOW_ANY is a warning',
      fixture: `${dir}/invalid/passthrough.yaml`,
      errors: [{ line: 30, column: 22, severity: 'warning', message: /gets passthrough: .*; fix: add "bank\/ledger\.bank\.svc\.cluster\.local" to the hosts of egress\[0\] of Sidecar shop\/default$/ }],
    },
    {
      name: 'no port written and no port gets through: each port is a finding',
      yaml: shop(cart.replace('{name: http, port: 80}, ', '').replace(']}', ', {name: grpc-b, port: 7071}]}'), '            - {name: CART_HOST, value: cart}'),
      errors: [
        { line: 27, column: 40, message: 'to cart.shop.svc.cluster.local:7070, named by "cart" (no port written: each port of shop/cart is tried)' },
        { line: 27, column: 40, message: 'to cart.shop.svc.cluster.local:7071, named by "cart"' },
      ],
    },
    {
      name: 'a scheme implies its port (https://cart is cart:443, which it lacks); without a port, one that works is enough',
      yaml: shop(cart, '            - {name: A, value: "https://cart/x"}\n            - {name: B, value: "https://cart.shop:7070"}\n            - {name: C_ADDR, value: "cart"}'),
      errors: [{ line: 28, column: 32, message: 'to cart.shop.svc.cluster.local:7070, named by "https://cart.shop:7070"' }],
    },
  ],
});
