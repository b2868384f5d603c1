import ingressTlsInvalid from '../../rules/ingress-tls-invalid.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester(ingressTlsInvalid, {
  valid: [{ name: 'SIMPLE and MUTUAL with mounted files on HTTPS and TLS ports', fixture: 'fixtures/rules/ingress-tls-invalid/valid/tls.yaml' }],
  invalid: [
    {
      name: 'ISTIO_MUTUAL, unsupported fields, TLS on an HTTP port, MUTUAL without a CA',
      fixture: 'fixtures/rules/ingress-tls-invalid/invalid/tls.yaml',
      errors: [
        { line: 14, column: 15, message: 'tls mode "ISTIO_MUTUAL" cannot be used on a Sidecar ingress listener' },
        { line: 21, column: 15, message: 'tls mode SIMPLE needs serverCertificate, privateKey' },
        { line: 22, column: 9, endColumn: 23, message: 'tls.credentialName is not supported' },
        { line: 23, column: 9, message: 'tls.httpsRedirect is not supported' },
        { line: 24, column: 9, message: 'tls.subjectAltNames is not supported' },
        { line: 30, column: 7, message: 'tls is set on port 8080 whose protocol is "HTTP"' },
        { line: 40, column: 15, message: 'tls mode MUTUAL needs caCertificates' },
      ],
    },
  ],
});
