// The `schema` rule: every kind's schema accepts real manifests and turns violations into positioned, readable findings.
import schemaRule from '../../rules/schema.js';
import { ruleTester } from '../helpers/rule-tester.js';

const sidecar = (version: string, spec: string): string =>
  `apiVersion: networking.istio.io/${version}\nkind: Sidecar\nmetadata:\n  name: s\n  namespace: shop\nspec:\n${spec}`;

const deployment = (podSpec: string): string =>
  `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels: { app: web }
  template:
    metadata:
      labels: { app: web }
    spec:
${podSpec}`;

ruleTester(schemaRule, {
  valid: [
    { name: 'Sidecars of v1alpha3, v1beta1 and v1 using every field', fixture: 'fixtures/rules/schema/valid/sidecars.yaml' },
    { name: 'ServiceEntry, VirtualService and IstioOperator meshConfig', fixture: 'fixtures/rules/schema/valid/istio.yaml' },
    { name: 'every Kubernetes kind, with generator output such as nulls and status: {}', fixture: 'fixtures/rules/schema/valid/kubernetes.yaml' },
    ...['namespace', 'service', 'deployment', 'sidecar'].map((f) => ({ name: `the seed example: ${f}.yaml`, fixture: `fixtures/seed/${f}.yaml` })),
    {
      name: 'unknown kinds and versions are not validated',
      yaml: `apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata: { name: Not_Valid }
spec: { bogus: 1 }
---
apiVersion: networking.istio.io/v2
kind: Sidecar
metadata: { name: s }
spec: { egress: 7 }
---
apiVersion: extensions/v1beta1
kind: Deployment
metadata: { name: old }
spec: { template: 1 }
---
apiVersion: example.com/v1
kind: Widget
spec: whatever
`,
    },
    {
      name: 'an egress port 0 with a unix:// bind is a Unix domain socket listener',
      yaml: sidecar('v1', '  egress:\n    - port: { number: 0 }\n      bind: unix:///var/run/x.sock\n      hosts: ["./*"]\n'),
    },
    {
      name: 'protocols are read case-insensitively, as Istio parses them; empty means sniffing',
      yaml: sidecar('v1beta1', '  egress:\n    - port: { number: 80, protocol: hTTp2 }\n      hosts: ["./*"]\n    - port: { number: 81, protocol: "" }\n      hosts: ["./*"]\n'),
    },
  ],
  invalid: [
    {
      name: 'the four kinds of finding: wrong type, unknown field (at its key), missing field (at the parent), enum',
      fixture: 'fixtures/rules/schema/invalid/sidecar.yaml',
      errors: [
        { line: 10, column: 17, endColumn: 21, message: 'spec.egress[0].port.number must be an integer between 1 and 65535, got "http"' },
        { line: 12, column: 7, message: 'spec.egress[1] is missing the required field "hosts"' },
        { line: 14, column: 7, endColumn: 12, message: 'unknown field "hostz" in spec.egress[1] (expected one of: bind, captureMode, hosts, port)' },
        { line: 16, column: 11, message: 'spec.outboundTrafficPolicy.mode must be one of "ALLOW_ANY", "REGISTRY_ONLY", got "ALLOW_ALL"' },
      ],
    },
    {
      name: 'YAML slips in a Deployment that kubectl rejects',
      fixture: 'fixtures/rules/schema/invalid/deployment.yaml',
      errors: [
        { line: 7, column: 14, message: "metadata.labels.version must be a label value (a string of at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit), got 1.1 (put the value in quotes)" },
        { line: 9, column: 13, message: 'spec.replicas must be an integer of at least 0, got "2" (remove the quotes)' },
        { line: 19, column: 11, message: 'unknown field "imagePullpolicy" in spec.template.spec.containers[0] (did you mean "imagePullPolicy"?)' },
        { line: 22, column: 25, message: 'spec.template.spec.containers[0].ports[0].protocol must be one of "SCTP", "TCP", "UDP", got "HTTP"' },
        { line: 25, column: 22, message: 'spec.template.spec.containers[0].env[0].value must be a string, got 8080 (put the value in quotes)' },
        { line: 27, column: 31, message: 'spec.template.spec.containers[0].resources.limits.memory must be a quantity such as 500m, 2, 128Mi or 1Gi, got "512MB"' },
      ],
    },
    {
      name: 'v1 Sidecar: a port name where the number belongs',
      yaml: sidecar('v1', '  egress:\n    - port:\n        number: http\n      hosts: ["./*"]\n'),
      errors: [{ line: 9, column: 17, message: 'spec.egress[0].port.number must be an integer between 1 and 65535, got "http"' }],
    },
    {
      name: 'v1alpha3 Sidecar: unknown field, pointing at its key',
      yaml: sidecar('v1alpha3', '  egress:\n    - port: { number: 80 }\n      hostz: ["./*"]\n      hosts: ["./*"]\n'),
      errors: [{ line: 9, column: 7, endColumn: 12, message: 'unknown field "hostz" in spec.egress[0] (expected one of: bind, captureMode, hosts, port)' }],
    },
    {
      name: 'v1beta1 Sidecar: a missing required field is reported on its parent',
      yaml: sidecar('v1beta1', '  egress:\n    - port: { number: 80 }\n'),
      errors: [{ line: 8, column: 7, message: 'spec.egress[0] is missing the required field "hosts"' }],
    },
    {
      name: 'Sidecar: outboundTrafficPolicy.mode outside the enum',
      yaml: sidecar('v1', '  outboundTrafficPolicy:\n    mode: ALLOW_ALL\n'),
      errors: [{ line: 8, column: 11, message: 'spec.outboundTrafficPolicy.mode must be one of "ALLOW_ANY", "REGISTRY_ONLY", got "ALLOW_ALL"' }],
    },
    {
      name: 'Sidecar: ALLOW_ANY_DYNAMIC_DNS exists only in MeshConfig',
      yaml: sidecar('v1', '  outboundTrafficPolicy: { mode: ALLOW_ANY_DYNAMIC_DNS }\n'),
      errors: [{ line: 7, column: 34, message: 'must be one of "ALLOW_ANY", "REGISTRY_ONLY", got "ALLOW_ANY_DYNAMIC_DNS"' }],
    },
    {
      name: 'Sidecar: ports out of range, port 0 without a unix:// bind, ingress port 0',
      yaml: sidecar(
        'v1',
        '  egress:\n    - port: { number: 70000 }\n      hosts: ["./*"]\n    - port: { number: 0 }\n      bind: 127.0.0.1\n      hosts: ["./*"]\n  ingress:\n    - port: { number: 0 }\n',
      ),
      errors: [
        { line: 8, column: 23, message: 'spec.egress[0].port.number must be an integer between 1 and 65535, got 70000' },
        { line: 10, column: 23, message: 'spec.egress[1].port.number must be an integer between 1 and 65535 (0 is allowed only with a unix:// bind), got 0' },
        { line: 14, column: 23, message: 'spec.ingress[0].port.number must be an integer between 1 and 65535, got 0' },
      ],
    },
    {
      name: 'Sidecar: a port without a number is port 0, valid only for a unix:// egress bind',
      yaml: sidecar(
        'v1',
        '  egress:\n    - port: { protocol: HTTP }\n      hosts: ["./*"]\n    - port: { name: uds }\n      bind: unix:///tmp/a.sock\n      hosts: ["./*"]\n  ingress:\n    - port: { protocol: HTTP }\n',
      ),
      errors: [
        { line: 8, column: 13, message: 'spec.egress[0].port is missing the required field "number"' },
        { line: 14, column: 13, message: 'spec.ingress[0].port is missing the required field "number"' },
      ],
    },
    {
      name: 'Sidecar: unknown protocol, captureMode and port name format',
      yaml: sidecar('v1', '  egress:\n    - port: { number: 80, protocol: HTTP3, name: Web_Port }\n      captureMode: iptables\n      hosts: ["./*"]\n'),
      errors: [
        { line: 8, column: 37, message: 'spec.egress[0].port.protocol must be one of HTTP, HTTPS, HTTP2, GRPC, GRPC-Web, HTTP_PROXY, TCP, TLS, UDP, Mongo, MySQL, Redis (in any letter case), got "HTTP3"' },
        { line: 8, column: 50, message: 'spec.egress[0].port.name must be a DNS-1123 label' },
        { line: 9, column: 20, message: 'spec.egress[0].captureMode must be one of "DEFAULT", "IPTABLES", "NONE", got "iptables"' },
      ],
    },
    {
      name: 'Sidecar: hosts must be a list of strings, labels a map of strings',
      yaml: sidecar('v1', '  workloadSelector:\n    labels:\n      version: 2\n      app: "*"\n  egress:\n    - hosts: ./*\n    - hosts: [42]\n'),
      errors: [
        { line: 9, column: 16, message: 'spec.workloadSelector.labels.version must be a label value (a string of at most 63 characters, without "*"), got 2 (put the value in quotes)' },
        { line: 10, column: 12, message: 'spec.workloadSelector.labels.app must be a label value' },
        { line: 12, column: 14, message: 'spec.egress[0].hosts must be a list of strings, got "./*"' },
        { line: 13, column: 15, message: 'spec.egress[1].hosts[0] must be a string, got 42 (put the value in quotes)' },
      ],
    },
    {
      name: 'Sidecar: egressProxy, ingress tls and connection pool shapes',
      yaml: sidecar(
        'v1',
        [
          '  outboundTrafficPolicy:',
          '    mode: ALLOW_ANY',
          '    egressProxy:',
          '      port: { number: "443" }',
          '  ingress:',
          '    - port: { number: 443, protocol: HTTPS }',
          '      tls: { mode: MUTUAL_TLS, credentialNames: [] }',
          '      connectionPool:',
          '        tcp: { maxConnections: many, connectTimeout: 10 }',
          '        http: { maxRequests: 1 }',
          '',
        ].join('\n'),
      ),
      errors: [
        { line: 10, column: 7, message: 'spec.outboundTrafficPolicy.egressProxy is missing the required field "host"' },
        { line: 10, column: 23, message: 'spec.outboundTrafficPolicy.egressProxy.port.number must be an integer between 1 and 65535, got "443" (remove the quotes)' },
        { line: 13, column: 20, message: 'spec.ingress[0].tls.mode must be one of "AUTO_PASSTHROUGH", "ISTIO_MUTUAL", "MUTUAL", "OPTIONAL_MUTUAL", "PASSTHROUGH", "SIMPLE", got "MUTUAL_TLS"' },
        { line: 13, column: 49, message: 'spec.ingress[0].tls.credentialNames must be a list of strings with at least 1 item, got a list' },
        { line: 15, column: 32, message: 'spec.ingress[0].connectionPool.tcp.maxConnections must be an integer between 0 and 2147483647, got "many"' },
        { line: 15, column: 54, message: 'spec.ingress[0].connectionPool.tcp.connectTimeout must be a duration such as 500ms, 10s or 1h, got 10' },
        { line: 16, column: 17, message: 'unknown field "maxRequests" in spec.ingress[0].connectionPool.http (expected one of: h2UpgradePolicy, http1MaxPendingRequests, http2KeepAlive, http2MaxRequests, idleTimeout, maxConcurrentStreams, maxRequestsPerConnection, maxRetries, useClientProtocol)' },
      ],
    },
    {
      name: 'Sidecar: unknown top-level and spec fields; metadata without a name',
      yaml: 'apiVersion: networking.istio.io/v1\nkind: Sidecar\nmetadata:\n  namespace: shop\nspek: {}\nspec:\n  egres: []\n',
      errors: [
        { line: 4, column: 3, message: 'metadata is missing the required field "name"' },
        { line: 5, column: 1, message: 'unknown field "spek" at the top level of the Sidecar (expected one of: apiVersion, kind, metadata, spec, status)' },
        { line: 7, column: 3, message: 'unknown field "egres" in spec (expected one of: egress, inboundConnectionPool, ingress, outboundTrafficPolicy, workloadSelector)' },
      ],
    },
    {
      name: 'ServiceEntry: ports, hosts, enums and endpoint ports',
      yaml: `apiVersion: networking.istio.io/v1
kind: ServiceEntry
metadata: { name: ext }
spec:
  hosts: ["*"]
  ports:
    - { number: 443, protocol: TLS }
    - { number: 80, name: http, protocol: HTTP, targetPort: 0 }
  resolution: DNS_ONLY
  location: EXTERNAL
  endpoints:
    - address: 1.2.3.4
      ports: { http: 70000 }
      weight: -1
`,
      errors: [
        { line: 5, column: 11, message: 'spec.hosts[0] must be a host name ("*" alone is not allowed), got "*"' },
        { line: 7, column: 7, message: 'spec.ports[0] is missing the required field "name"' },
        { line: 8, column: 61, message: 'spec.ports[1].targetPort must be an integer between 1 and 65535, got 0' },
        { line: 9, column: 15, message: 'spec.resolution must be one of "DNS", "DNS_ROUND_ROBIN", "DYNAMIC_DNS", "NONE", "STATIC", got "DNS_ONLY"' },
        { line: 10, column: 13, message: 'spec.location must be one of "MESH_EXTERNAL", "MESH_INTERNAL", got "EXTERNAL"' },
        { line: 13, column: 22, message: 'spec.endpoints[0].ports.http must be an integer between 1 and 65535, got 70000' },
        { line: 14, column: 15, message: 'spec.endpoints[0].weight must be an integer between 0 and 4294967295, got -1' },
      ],
    },
    {
      name: 'ServiceEntry: spec and hosts are required',
      yaml: 'apiVersion: networking.istio.io/v1beta1\nkind: ServiceEntry\nmetadata: { name: a }\n---\napiVersion: networking.istio.io/v1alpha3\nkind: ServiceEntry\nmetadata: { name: b }\nspec: { hosts: [] }\n',
      errors: [
        { line: 1, column: 1, message: 'the ServiceEntry is missing the required field "spec"' },
        { line: 8, column: 16, message: 'spec.hosts must be a list of strings with at least 1 item, got a list' },
      ],
    },
    {
      name: 'VirtualService: route destinations and unknown spec fields',
      yaml: `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: { name: vs }
spec:
  hosts: reviews
  http:
    - route:
        - destination: { subset: v1, port: { number: 0 } }
          weight: "50"
        - {}
      timeout: 5
  tcp:
    - route: [{ destination: { host: db, prt: 1 } }]
  tls:
    - route: []
  gateway: [mesh]
`,
      errors: [
        { line: 5, column: 10, message: 'spec.hosts must be a list of strings, got "reviews"' },
        { line: 8, column: 24, message: 'spec.http[0].route[0].destination is missing the required field "host"' },
        { line: 8, column: 54, message: 'spec.http[0].route[0].destination.port.number must be an integer between 1 and 65535, got 0' },
        { line: 9, column: 19, message: 'spec.http[0].route[0].weight must be an integer between -2147483648 and 2147483647, got "50" (remove the quotes)' },
        { line: 10, column: 11, message: 'spec.http[0].route[1] is missing the required field "destination"' },
        { line: 11, column: 16, message: 'spec.http[0].timeout must be a duration such as 500ms, 10s or 1h, got 5' },
        { line: 13, column: 42, message: 'unknown field "prt" in spec.tcp[0].route[0].destination (expected one of: host, port, subset)' },
        { line: 15, column: 7, message: 'spec.tls[0] is missing the required field "match"' },
        { line: 16, column: 3, message: 'unknown field "gateway" in spec (expected one of: exportTo, gateways, hosts, http, tcp, tls)' },
      ],
    },
    {
      name: 'IstioOperator meshConfig: wrong types fail, unknown fields are ignored by Istio (warning)',
      yaml: `apiVersion: install.istio.io/v1alpha1
kind: IstioOperator
spec:
  meshConfig:
    enableTracing: "yes please"
    proxyListenPort: http
    outboundTrafficPolicy:
      mode: REGISTRY
      mod: ALLOW_ANY
    accessLogFil: /dev/stdout
  anything: goes
`,
      errors: [
        { line: 5, column: 20, message: 'spec.meshConfig.enableTracing must be true or false, got "yes please"' },
        { line: 6, column: 22, message: 'spec.meshConfig.proxyListenPort must be an integer, got "http"' },
        { line: 8, column: 13, message: 'spec.meshConfig.outboundTrafficPolicy.mode must be one of "ALLOW_ANY", "ALLOW_ANY_DYNAMIC_DNS", "REGISTRY_ONLY", got "REGISTRY"' },
        { line: 9, column: 7, severity: 'warning', message: 'unknown field "mod" in spec.meshConfig.outboundTrafficPolicy is ignored by Istio (expected one of: mode, tls)' },
        { line: 10, column: 5, severity: 'warning', message: 'unknown field "accessLogFil" in spec.meshConfig is ignored by Istio (did you mean "accessLogFile"?)' },
      ],
    },
    {
      name: 'Namespace: name format, labels, unknown spec field',
      yaml: 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: Shop.Prod\n  labels:\n    istio-injection: true\n    "bad key!": x\nspec:\n  finalizer: []\n',
      errors: [
        { line: 4, column: 9, message: 'metadata.name must be a DNS-1123 label (at most 63 lowercase letters, digits or \'-\', starting and ending with a letter or digit), got "Shop.Prod"' },
        { line: 6, column: 22, message: 'metadata.labels.istio-injection must be a label value (a string of at most 63 letters, digits, \'-\', \'_\' or \'.\', starting and ending with a letter or digit), got true (put the value in quotes)' },
        { line: 7, column: 5, message: 'key "bad key!" in metadata.labels must be a key of the form [prefix/]name' },
        { line: 9, column: 3, message: 'unknown field "finalizer" in spec (expected one of: finalizers)' },
      ],
    },
    {
      name: 'Service: ports, protocol enum, targetPort, selector values, type',
      yaml: `apiVersion: v1
kind: Service
metadata:
  name: 1-web
spec:
  type: Internal
  selector: { app: 7 }
  ports:
    - name: HTTP
      port: 0
      protocol: HTTP
      targetPort: http_port
    - targetPort: 8080
`,
      errors: [
        { line: 4, column: 9, message: 'metadata.name must be a DNS-1035 label' },
        { line: 6, column: 9, message: 'spec.type must be one of "ClusterIP", "ExternalName", "LoadBalancer", "NodePort", got "Internal"' },
        { line: 7, column: 20, message: 'spec.selector.app must be a label value' },
        { line: 9, column: 13, message: 'spec.ports[0].name must be a DNS-1123 label' },
        { line: 10, column: 13, message: 'spec.ports[0].port must be an integer between 1 and 65535, got 0' },
        { line: 11, column: 17, message: 'spec.ports[0].protocol must be one of "SCTP", "TCP", "UDP", got "HTTP"' },
        { line: 12, column: 19, message: 'spec.ports[0].targetPort must be a port number between 1 and 65535 or a port name (at most 15 lowercase letters, digits or \'-\'), got "http_port"' },
        { line: 13, column: 7, message: 'spec.ports[1] is missing the required field "port"' },
      ],
    },
    {
      name: 'ConfigMap: values are strings, keys are file-name-like',
      yaml: 'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: cfg }\ndata:\n  port: 8080\n  enabled: true\n  "a/b": x\nbinary: {}\n',
      errors: [
        { line: 5, column: 9, message: 'data.port must be a string, got 8080 (put the value in quotes)' },
        { line: 6, column: 12, message: 'data.enabled must be a string, got true (put the value in quotes)' },
        { line: 7, column: 3, message: 'key "a/b" in data must be a key of at most 253 letters, digits, \'-\', \'_\' or \'.\'' },
        { line: 8, column: 1, message: 'unknown field "binary" at the top level of the ConfigMap (expected one of: apiVersion, binaryData, data, immutable, kind, metadata)' },
      ],
    },
    {
      name: 'Pod: containers, ports, env, resources, probes, hostNetwork',
      yaml: `apiVersion: v1
kind: Pod
metadata: { name: p }
spec:
  hostNetwork: "true"
  containers:
    - name: app
      image: app:1
      imagePullpolicy: Always
      ports:
        - containerPort: "8080"
          name: http-port-for-the-app
          protocol: tcp
      env:
        - name: PORT
          value: 8080
      resources:
        limits: { memory: 1GB, cpu: 500m }
      readinessProbe:
        httpGet: { path: /, port: 0 }
    - image: sidecar
`,
      errors: [
        { line: 5, column: 16, message: 'spec.hostNetwork must be true or false, got "true" (remove the quotes)' },
        { line: 9, column: 7, message: 'unknown field "imagePullpolicy" in spec.containers[0] (did you mean "imagePullPolicy"?)' },
        { line: 11, column: 26, message: 'spec.containers[0].ports[0].containerPort must be an integer between 1 and 65535, got "8080" (remove the quotes)' },
        { line: 12, column: 17, message: 'spec.containers[0].ports[0].name must be a port name (at most 15 lowercase letters' },
        { line: 13, column: 21, message: 'spec.containers[0].ports[0].protocol must be one of "SCTP", "TCP", "UDP", got "tcp"' },
        { line: 16, column: 18, message: 'spec.containers[0].env[0].value must be a string, got 8080 (put the value in quotes)' },
        { line: 18, column: 27, message: 'spec.containers[0].resources.limits.memory must be a quantity such as 500m, 2, 128Mi or 1Gi, got "1GB"' },
        { line: 20, column: 35, message: 'spec.containers[0].readinessProbe.httpGet.port must be a port number between 1 and 65535 or a port name' },
        { line: 21, column: 7, message: 'spec.containers[1] is missing the required field "name"' },
      ],
    },
    {
      name: 'Pod: spec is required, containers must not be empty',
      yaml: 'apiVersion: v1\nkind: Pod\nmetadata: { name: a }\n---\napiVersion: v1\nkind: Pod\nmetadata: { name: b }\nspec: { containers: [] }\n',
      errors: [
        { line: 1, column: 1, message: 'the Pod is missing the required field "spec"' },
        { line: 8, column: 21, message: 'spec.containers must be a list with at least 1 item, got a list' },
      ],
    },
    {
      name: 'Deployment: replicas, selector, strategy and pod template',
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  replicas: "3"
  selector:
    matchLabels: { app: web }
    matchExpressions: [{ key: tier, operator: Equals }]
  strategy: { type: Rolling, rollingUpdate: { maxSurge: 25 percent } }
  template:
    metadata: { labels: { app: web } }
    spec:
      containers: [{ name: web, image: web, ports: [{ containerPort: 80 }] }]
      hostnetwork: true
`,
      errors: [
        { line: 5, column: 13, message: 'spec.replicas must be an integer of at least 0, got "3" (remove the quotes)' },
        { line: 8, column: 47, message: 'spec.selector.matchExpressions[0].operator must be one of "DoesNotExist", "Exists", "In", "NotIn", got "Equals"' },
        { line: 9, column: 21, message: 'spec.strategy.type must be one of "Recreate", "RollingUpdate", got "Rolling"' },
        { line: 9, column: 57, message: 'spec.strategy.rollingUpdate.maxSurge must be a non-negative integer or a percentage such as "25%", got "25 percent"' },
        { line: 14, column: 7, message: 'unknown field "hostnetwork" in spec.template.spec (did you mean "hostNetwork"?)' },
      ],
    },
    {
      name: 'Deployment: selector and template are required; a container needs an image',
      yaml: deployment('      containers:\n        - name: web\n').replace('  selector:\n    matchLabels: { app: web }\n', ''),
      errors: [
        { line: 6, column: 3, message: 'spec is missing the required field "selector"' },
        { line: 11, column: 11, message: 'spec.template.spec.containers[0] is missing the required field "image"' },
      ],
    },
    {
      name: 'StatefulSet: podManagementPolicy, updateStrategy, template',
      yaml: `apiVersion: apps/v1
kind: StatefulSet
metadata: { name: db }
spec:
  selector: { matchLabels: { app: db } }
  podManagementPolicy: Sequential
  updateStrategy: { type: OnDelete, rollingUpdate: { partition: -1 } }
  template:
    spec:
      containers: [{ name: db, image: db, ports: [{ containerPort: 65536 }] }]
`,
      errors: [
        { line: 6, column: 24, message: 'spec.podManagementPolicy must be one of "OrderedReady", "Parallel", got "Sequential"' },
        { line: 7, column: 65, message: 'spec.updateStrategy.rollingUpdate.partition must be an integer of at least 0, got -1' },
        { line: 10, column: 68, message: 'spec.template.spec.containers[0].ports[0].containerPort must be an integer between 1 and 65535, got 65536' },
      ],
    },
    {
      name: 'DaemonSet: template labels must be strings; updateStrategy type',
      yaml: `apiVersion: apps/v1
kind: DaemonSet
metadata: { name: agent }
spec:
  selector: { matchLabels: { app: agent } }
  updateStrategy: { type: Rolling }
  template:
    metadata: { labels: { app: agent, version: 1.0 } }
    spec:
      hostNetwork: yes
      containers: [{ name: agent, image: agent }]
`,
      errors: [
        { line: 6, column: 27, message: 'spec.updateStrategy.type must be one of "OnDelete", "RollingUpdate", got "Rolling"' },
        { line: 8, column: 48, message: 'spec.template.metadata.labels.version must be a label value (a string of at most 63 letters, digits, \'-\', \'_\' or \'.\', starting and ending with a letter or digit), got 1 (put the value in quotes)' },
      ],
    },
    {
      name: 'ReplicaSet: selector is required, replicas is a count',
      yaml: 'apiVersion: apps/v1\nkind: ReplicaSet\nmetadata: { name: rs }\nspec:\n  replicas: -2\n',
      errors: [
        { line: 5, column: 3, message: 'spec is missing the required field "selector"' },
        { line: 5, column: 13, message: 'spec.replicas must be an integer of at least 0, got -2' },
      ],
    },
    {
      name: 'Job: template is required; restartPolicy and completionMode enums',
      yaml: `apiVersion: batch/v1
kind: Job
metadata: { name: j }
spec:
  completionMode: indexed
---
apiVersion: batch/v1
kind: Job
metadata: { name: k }
spec:
  template:
    spec:
      restartPolicy: Sometimes
      containers: [{ name: k, image: k }]
`,
      errors: [
        { line: 5, column: 3, message: 'spec is missing the required field "template"' },
        { line: 5, column: 19, message: 'spec.completionMode must be one of "Indexed", "NonIndexed", got "indexed"' },
        { line: 13, column: 22, message: 'spec.template.spec.restartPolicy must be one of "Always", "Never", "OnFailure", got "Sometimes"' },
      ],
    },
    {
      name: 'CronJob: schedule and jobTemplate are required; concurrencyPolicy enum; nested job spec',
      yaml: `apiVersion: batch/v1
kind: CronJob
metadata: { name: c }
spec:
  concurrencyPolicy: Never
---
apiVersion: batch/v1
kind: CronJob
metadata: { name: d }
spec:
  schedule: "@hourly"
  jobTemplate:
    spec:
      backoffLimit: many
      template:
        spec:
          containers: [{ name: d, image: d, args: [--port, 80] }]
`,
      errors: [
        { line: 5, column: 3, message: 'spec is missing the required fields "jobTemplate" and "schedule"' },
        { line: 5, column: 22, message: 'spec.concurrencyPolicy must be one of "Allow", "Forbid", "Replace", got "Never"' },
        { line: 14, column: 21, message: 'spec.jobTemplate.spec.backoffLimit must be an integer of at least 0, got "many"' },
        { line: 17, column: 60, message: 'spec.jobTemplate.spec.template.spec.containers[0].args[1] must be a string, got 80 (put the value in quotes)' },
      ],
    },
    {
      name: 'List items are validated with positions inside the List',
      yaml: `apiVersion: v1
kind: List
items:
  - apiVersion: v1
    kind: Service
    metadata: { name: a }
    spec:
      ports: [{ port: 99999 }]
  - apiVersion: networking.istio.io/v1
    kind: Sidecar
    metadata: { name: b }
    spec: { egress: [{ hosts: [./*], captureMode: ALL }] }
`,
      errors: [
        { line: 8, column: 23, message: 'spec.ports[0].port must be an integer between 1 and 65535, got 99999' },
        { line: 12, column: 51, message: 'spec.egress[0].captureMode must be one of "DEFAULT", "IPTABLES", "NONE", got "ALL"' },
      ],
    },
  ],
});
