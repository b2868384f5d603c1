// Synthetic formatter inputs: findings on resources, in files, suppressed three ways, independent of the rule set.
import type { RuleMeta } from '../../src/rule.js';
import type { FormatInput } from '../../src/formatters/types.js';
import type { Finding } from '../../src/types.js';

export const META: Record<string, RuleMeta> = {
  'allow-any-unenforced': {
    id: 'allow-any-unenforced',
    description: 'Egress hosts restrict, but the outbound policy is ALLOW_ANY',
    rationale: 'Under ALLOW_ANY, destinations the hosts leave out still pass through.',
    remediation: 'Set outboundTrafficPolicy.mode: REGISTRY_ONLY.',
    severity: 'warning',
    peers: ['KIA1004'],
    example: 'kind: Sidecar\nspec:\n  egress:\n    - hosts: ["./*"]\n',
    securitySeverity: 7.0,
  },
  'egress-host-format': {
    id: 'egress-host-format',
    description: 'An egress host is not namespace/dnsName',
    rationale: 'Istio rejects the Sidecar.',
    remediation: 'Write the host as namespace/dnsName.',
    severity: 'error',
  },
  'service-port-protocol': {
    id: 'service-port-protocol',
    description: 'A Service port has no derivable protocol',
    rationale: 'Istio treats it as TCP.',
    remediation: 'Name the port http-… or set appProtocol.',
    severity: 'info',
    tags: ['protocol'],
  },
  'parse-error': {
    id: 'parse-error',
    description: 'A file cannot be parsed',
    rationale: 'kubectl cannot apply it.',
    remediation: 'Fix the syntax.',
    severity: 'error',
    precision: 'very-high',
  },
};

const SIDECAR = { kind: 'Sidecar', namespace: 'foo', name: 'restrict' };

export function finding(over: Partial<Finding> & Pick<Finding, 'ruleId'>): Finding {
  return {
    severity: 'error',
    message: 'egress host "helloworld" is not namespace/dnsName → write "foo/helloworld"',
    file: 'deploy/sidecar.yaml',
    line: 9,
    column: 9,
    endLine: 9,
    endColumn: 21,
    resource: SIDECAR,
    path: ['spec', 'egress', 0, 'hosts', 1],
    ...over,
  };
}

/** Errors, a warning, an info, a file-level finding, and suppressions by annotation, comment and config. */
export const MANY: readonly Finding[] = [
  finding({ ruleId: 'egress-host-format' }),
  finding({ ruleId: 'allow-any-unenforced', severity: 'warning', message: 'egress hosts restrict, but the policy is ALLOW_ANY', line: 7, column: 3, endLine: 7, endColumn: 9, path: ['spec', 'egress'] }),
  finding({ ruleId: 'service-port-protocol', severity: 'info', message: 'port "web" has no protocol', file: 'deploy/svc.yaml', line: 8, column: 11, endLine: 8, endColumn: 14, resource: { kind: 'Service', namespace: 'foo', name: 'web' }, path: ['spec', 'ports', 0, 'name'] }),
  finding({ ruleId: 'parse-error', message: 'unexpected end of the stream', file: 'broken.yaml', line: 3, column: 1, endLine: 3, endColumn: 2, resource: undefined, path: undefined }),
  finding({ ruleId: 'egress-host-format', message: 'egress host "a" is not namespace/dnsName', line: 12, endLine: 12, path: ['spec', 'egress', 0, 'hosts', 2], suppressed: { kind: 'annotation', justification: 'migrating next sprint' } }),
  finding({ ruleId: 'egress-host-format', message: 'egress host "b" is not namespace/dnsName', line: 13, endLine: 13, path: ['spec', 'egress', 0, 'hosts', 3], suppressed: { kind: 'comment', justification: '' } }),
  finding({ ruleId: 'allow-any-unenforced', severity: 'warning', message: 'egress hosts restrict, but the policy is ALLOW_ANY', resource: { kind: 'Sidecar', namespace: 'bar', name: 'x' }, path: ['spec', 'egress'], suppressed: { kind: 'config', justification: 'bar is a sandbox' } }),
];

const lines = (text: string) => ({ line: (n: number) => text.split('\n')[n - 1] ?? '' });

export function formatInput(findings: readonly Finding[], over: Partial<FormatInput> = {}): FormatInput {
  return {
    findings,
    files: 3,
    resources: 3,
    rules: Object.values(META),
    sources: new Map([
      ['deploy/sidecar.yaml', lines('apiVersion: networking.istio.io/v1\nkind: Sidecar\n')],
      ['broken.yaml', lines('a: [\n')],
    ]),
    color: false,
    version: '1.2.3',
    cwd: '/work/repo',
    ...over,
  };
}
