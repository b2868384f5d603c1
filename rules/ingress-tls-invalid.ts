import { asObject, asString, type JsonObject } from '../src/json.js';
import { quote } from '../src/model/describe.js';
import { parseProtocol } from '../src/model/protocol.js';
import { ingressListenersOf } from '../src/model/sidecar-ingress.js';
import { defineRule } from '../src/rule.js';

const set = (v: unknown): boolean => v !== undefined && v !== null && v !== '' && v !== false && !(Array.isArray(v) && v.length === 0);

/** Fields ValidateSidecar rejects in ingress tls, with what to do instead. */
const UNSUPPORTED: readonly (readonly [string, string])[] = [
  ['subjectAltNames', 'client certificates cannot be matched by SAN here; use an AuthorizationPolicy'],
  ['httpsRedirect', 'a Sidecar cannot redirect to HTTPS'],
  ['credentialName', 'mount the certificate and set serverCertificate and privateKey'],
  ['credentialNames', 'mount the certificate and set serverCertificate and privateKey'],
  ['tlsCertificates', 'mount the certificate and set serverCertificate and privateKey'],
];

/** validateTLSOptions: what a mode needs (credentials are unsupported here, so files are required). */
function missingFiles(tls: JsonObject, mode: string): string[] {
  const need = mode === 'SIMPLE' ? ['serverCertificate', 'privateKey'] : mode === 'MUTUAL' || mode === 'OPTIONAL_MUTUAL' ? ['serverCertificate', 'privateKey', 'caCertificates'] : [];
  return need.filter((k) => !asString(tls[k]));
}

export default defineRule({
  meta: {
    id: 'ingress-tls-invalid',
    description: 'The tls settings of an ingress listener use a field or mode a Sidecar does not support, or lack the certificates their mode needs',
    rationale:
      'A Sidecar ingress listener can terminate TLS with files mounted into the proxy, nothing more: Istio rejects `subjectAltNames`, `httpsRedirect`, `credentialName(s)` and `tlsCertificates`, the modes ISTIO_MUTUAL and AUTO_PASSTHROUGH, TLS on a port whose protocol is not HTTPS or TLS, and SIMPLE or MUTUAL without `serverCertificate`, `privateKey` (and `caCertificates` for MUTUAL).',
    remediation: 'Set mode SIMPLE or MUTUAL with `serverCertificate`, `privateKey` (and `caCertificates`) on an HTTPS or TLS port, and remove the unsupported fields.',
    severity: 'error',
    kinds: ['Sidecar'],
    peers: ['IST0106'],
    example:
      'apiVersion: networking.istio.io/v1\nkind: Sidecar\nmetadata:\n  name: default\n  namespace: bar\nspec:\n  ingress:\n    - port:\n        number: 8443\n        protocol: HTTPS\n        name: https\n      defaultEndpoint: 127.0.0.1:8080\n      tls:\n        mode: ISTIO_MUTUAL\n',
  },
  check(manifest, ctx) {
    const sidecar = ctx.sidecarOf(manifest);
    if (!sidecar) return;
    for (const l of ingressListenersOf(sidecar)) {
      const tls = asObject(l.value.tls);
      if (!tls) continue;
      const base = [...l.path, 'tls'];
      for (const [field, instead] of UNSUPPORTED) {
        if (set(tls[field])) ctx.report({ message: `tls.${field} is not supported on a Sidecar ingress listener: remove it (${instead})`, path: [...base, field], target: 'key' });
      }
      const mode = asString(tls.mode) ?? 'PASSTHROUGH';
      if (mode === 'ISTIO_MUTUAL' || mode === 'AUTO_PASSTHROUGH') {
        ctx.report({
          message: `tls mode ${quote(mode)} cannot be used on a Sidecar ingress listener: use SIMPLE or MUTUAL with mounted certificates, or remove tls (mesh mTLS needs no ingress tls)`,
          path: [...base, 'mode'],
        });
      }
      const protocol = parseProtocol(l.port?.protocol);
      if (l.port && protocol !== 'HTTPS' && protocol !== 'TLS') {
        ctx.report({
          message: `tls is set on port ${l.port.number ?? '?'} whose protocol is ${quote(l.port.protocol ?? '')}: TLS settings need protocol HTTPS or TLS`,
          path: base,
          target: 'key',
        });
      }
      const missing = missingFiles(tls, mode);
      if (missing.length) {
        ctx.report({ message: `tls mode ${mode} needs ${missing.join(', ')}: add the paths of the mounted files`, path: asString(tls.mode) ? [...base, 'mode'] : base, ...(asString(tls.mode) ? {} : { target: 'key' as const }) });
      }
      if (mode === 'SIMPLE' && set(tls.caCrl)) ctx.report({ message: 'tls.caCrl is not supported with mode SIMPLE: remove it or use MUTUAL', path: [...base, 'caCrl'], target: 'key' });
    }
  },
});
