import { asArray, asInt, asObject, asString } from '../src/json.js';
import { unixPathProblem } from '../src/checks/address-syntax.js';
import { quote } from '../src/model/describe.js';
import { defineRule } from '../src/rule.js';

export default defineRule({
  meta: {
    id: 'egress-uds-bind',
    description: 'A Unix domain socket egress listener (port 0, or a port without number) lacks a unix:// bind, repeats or malforms one, or uses a capture mode other than DEFAULT or NONE',
    rationale:
      'An egress port number of 0 makes Envoy listen on a Unix domain socket. Istio then requires `bind: unix:///absolute/path` (or `unix://@abstract`), a `captureMode` of DEFAULT or NONE (iptables cannot redirect to a socket), and a socket path used by only one listener; otherwise it rejects the Sidecar.',
    remediation: 'Set `bind: unix:///var/run/app.sock` (a unique absolute path) and drop `captureMode: IPTABLES`, or give the listener a real port number.',
    severity: 'error',
    kinds: ['Sidecar'],
    peers: ['IST0106'],
    example:
      'apiVersion: networking.istio.io/v1\nkind: Sidecar\nmetadata:\n  name: default\n  namespace: bar\nspec:\n  egress:\n    - port:\n        number: 0\n        protocol: HTTP\n        name: uds\n      bind: unix:///var/run/app.sock\n      captureMode: IPTABLES\n      hosts: ["./*"]\n',
  },
  check(manifest, ctx) {
    const seen = new Map<string, number>();
    asArray(asObject(manifest.value.spec)?.egress).forEach((e, i) => {
      const listener = asObject(e);
      const port = asObject(listener?.port);
      // A port object without a number is number 0 in Istio's proto, i.e. a socket listener too.
      if (!listener || !port || (port.number !== undefined && asInt(port.number) !== 0)) return;
      const base = ['spec', 'egress', i];
      const bind = asString(listener.bind) ?? '';
      if (!bind.startsWith('unix://')) {
        // An explicit 0 without a unix:// bind is the schema's finding; an absent number is 0 too, which it cannot see.
        if (port.number === undefined) {
          ctx.report({
            message: `a port without a number is port 0, a Unix domain socket listener, which needs bind: "unix:///path/to.sock"${bind ? `, not ${quote(bind)}` : ''}: set a port number from 1 to 65535, or a unix:// bind`,
            path: bind ? [...base, 'bind'] : [...base, 'port'],
            ...(bind ? {} : { target: 'key' as const }),
          });
        }
      } else {
        const path = bind.slice('unix://'.length);
        const problem = path ? unixPathProblem(path) : 'the socket path is empty';
        if (problem) ctx.report({ message: `bind ${quote(bind)}: ${problem}; use "unix:///absolute/path.sock" or "unix://@abstract-name"`, path: [...base, 'bind'] });
        const earlier = seen.get(bind);
        if (earlier !== undefined) {
          ctx.report({
            message: `socket ${quote(bind)} is already bound by spec.egress[${earlier}] (${ctx.where(manifest, ['spec', 'egress', earlier, 'bind'])}): each Unix domain socket listener needs its own path`,
            path: [...base, 'bind'],
          });
        } else seen.set(bind, i);
      }
      const mode = asString(listener.captureMode);
      if (mode !== undefined && mode !== 'DEFAULT' && mode !== 'NONE') {
        ctx.report({
          message: `captureMode ${quote(mode)} cannot redirect traffic to a Unix domain socket listener: use DEFAULT or NONE`,
          path: [...base, 'captureMode'],
        });
      }
    });
  },
});
