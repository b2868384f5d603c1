import { isIP } from 'node:net';
import { asArray, asInt, asObject, asString } from '../src/json.js';
import { quote } from '../src/model/describe.js';
import { defineRule } from '../src/rule.js';

export default defineRule({
  meta: {
    id: 'listener-bind-invalid',
    description: 'The bind of a Sidecar listener with a port number is not an IP address',
    rationale:
      'On an egress listener with a port number, and on every ingress listener, `bind` is the IP address Envoy listens on (validateSidecarEgressPortBindAndCaptureMode, validateSidecarIngressPortAndBind). Istio rejects anything else, including hostnames and `unix://` paths, which are only allowed on egress port 0.',
    remediation: 'Use an IP address such as `127.0.0.1` or `0.0.0.0`, remove `bind`, or, for a Unix domain socket egress listener, set the port number to 0.',
    severity: 'error',
    kinds: ['Sidecar'],
    peers: ['IST0106'],
    example:
      'apiVersion: networking.istio.io/v1\nkind: Sidecar\nmetadata:\n  name: default\n  namespace: bar\nspec:\n  ingress:\n    - port:\n        number: 9080\n        protocol: HTTP\n        name: http\n      bind: localhost\n      defaultEndpoint: 127.0.0.1:8080\n',
  },
  check(manifest, ctx) {
    const spec = asObject(manifest.value.spec);
    for (const section of ['egress', 'ingress'] as const) {
      asArray(spec?.[section]).forEach((l, i) => {
        const listener = asObject(l);
        const bind = asString(listener?.bind);
        const port = asObject(listener?.port);
        if (!listener || !bind || !port) return;
        // Egress port 0 (or no number) is a Unix domain socket listener: egress-uds-bind checks its bind.
        if (section === 'egress' && (port.number === undefined || asInt(port.number) === 0)) return;
        if (isIP(bind)) return;
        const hint = bind.startsWith('unix://')
          ? section === 'egress'
            ? ': a unix:// bind needs port number 0'
            : ': ingress listeners cannot listen on a Unix domain socket; use an IP address'
          : bind === 'localhost'
            ? ': use "127.0.0.1"'
            : ': use an IP address such as "127.0.0.1" or "0.0.0.0", or remove bind';
        ctx.report({ message: `bind ${quote(bind)} on spec.${section}[${i}] is not an IP address${hint}`, path: ['spec', section, i, 'bind'] });
      });
    }
  },
});
