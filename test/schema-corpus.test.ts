// The schema rule on ~300 real public manifests (/work/shared/corpus): every finding is a reviewed, real rejection.
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from './helpers/cli.js';

const CORPUS = resolve(ROOT, '../shared/corpus');

interface Reviewed {
  /** Why kubectl / Istio rejects these: a pattern every message of the group must match. */
  readonly message: RegExp;
  readonly at: readonly string[];
}

// Each group is the reviewed reason for its findings; the test fails on any finding not listed here, and on any listed
// one that disappears, so a schema change that adds a false positive (or loses a true one) is noticed.
const REVIEWED: Readonly<Record<string, Reviewed>> = {
  // Templates with ${VAR} placeholders (SOURCES.md says so): until substituted they are not valid names or label
  // values, and the API server rejects them as they stand.
  placeholders: {
    message: /got "[^"]*\$\{/,
    at: [
      'GoogleCloudPlatform-cloud-run-mesh-sni-gateway-templates/sni-service-template.yaml:33:9',
      'GoogleCloudPlatform-cloud-run-mesh-sni-gateway-templates/sni-service-template.yaml:34:14',
      'GoogleCloudPlatform-cloud-run-mesh-sni-gateway-templates/sni-service-template.yaml:36:38',
      'GoogleCloudPlatform-cloud-run-mesh-sni-gateway-templates/sni-service-template.yaml:37:20',
      'GoogleCloudPlatform-cloud-run-mesh-sni-gateway-templates/sni-service-template.yaml:50:10',
      'GoogleCloudPlatform-cloud-run-mesh-sni-gateway-templates/sni-service-template.yaml:57:9',
      'GoogleCloudPlatform-cloud-run-mesh-sni-gateway-templates/sni-service-template.yaml:58:14',
      'GoogleCloudPlatform-cloud-run-mesh-sni-gateway-templates/sni-service-template.yaml:60:38',
      'GoogleCloudPlatform-cloud-run-mesh-sni-gateway-templates/sni-service-template.yaml:61:20',
      'GoogleCloudPlatform-cloud-run-mesh-sni-gateway-templates/sni-service-template.yaml:74:10',
      'GoogleCloudPlatform-cloud-run-mesh-sni-gateway-templates/sni-service-template.yaml:79:9',
      'GoogleCloudPlatform-cloud-run-mesh-sni-gateway-templates/sni-service-template.yaml:80:14',
      'GoogleCloudPlatform-cloud-run-mesh-sni-gateway-templates/sni-service-template.yaml:82:38',
      'GoogleCloudPlatform-cloud-run-mesh-sni-gateway-templates/sni-service-template.yaml:83:20',
      'GoogleCloudPlatform-cloud-run-mesh-sni-gateway-templates/sni-service-template.yaml:139:14',
      'GoogleCloudPlatform-cloud-run-mesh-sni-gateway-templates/sni-service-template.yaml:140:9',
      'GoogleCloudPlatform-cloud-run-mesh-sni-gateway-templates/sni-service-template.yaml:142:39',
      'GoogleCloudPlatform-cloud-run-mesh-sni-gateway-templates/sni-service-template.yaml:164:9',
      'GoogleCloudPlatform-cloud-run-mesh-sni-gateway-templates/sni-service-template.yaml:165:14',
      'costinm-istiod-sidecar-quirks/fortio-rev-template.yaml:4:9',
      'costinm-istiod-sidecar-quirks/fortio-rev-template.yaml:6:19',
      'costinm-istiod-sidecar-quirks/fortio-rev-template.yaml:12:14',
      'costinm-istiod-sidecar-quirks/fortio-rev-template.yaml:26:14',
      'costinm-istiod-sidecar-quirks/fortio-rev-template.yaml:64:14',
      'costinm-istiod-sidecar-quirks/fortio-rev-template.yaml:136:14',
    ],
  },
  // Istio analyzer test data writes L7 protocols into Service ports; core/v1 accepts only TCP, UDP and SCTP there
  // (`spec.ports[0].protocol: Unsupported value: "HTTP"`).
  serviceL4Protocol: {
    message: /^spec\.ports\[\d\]\.protocol must be one of "SCTP", "TCP", "UDP", got "HTTPS?"$/,
    at: [
      'istio-istio-analyzer-deployment-service/deployment-multi-service-different-ns.yaml:75:17',
      'istio-istio-analyzer-deployment-service/deployment-multi-service.yaml:67:17',
      'istio-istio-analyzer-deployment-service/deployment-multi-service.yaml:130:17',
      'istio-istio-analyzer-deployment-service/deployment-multi-service.yaml:181:15',
      'istio-istio-analyzer-deployment-service/deployment-multi-service.yaml:197:17',
      'istio-istio-analyzer-deployment-service/deployment-multi-service.yaml:286:17',
      'istio-istio-analyzer-vs-destinationhosts/virtualservice_destinationhosts.yaml:21:15',
      'istio-istio-analyzer-vs-destinationhosts/virtualservice_destinationhosts.yaml:24:15',
    ],
  },
  // Analyzer test data abbreviates Pods: no spec, or containers without name or image. The API server requires
  // spec.containers, and a name and an image for each container (also in Deployment templates).
  abbreviatedPods: {
    message: /is missing the required field "(spec|name|image)"$/,
    at: [
      'istio-istio-analyzer-injection/misannotated.yaml:33:7',
      'istio-istio-analyzer-injection/misannotated.yaml:86:7',
      'istio-istio-analyzer-injection/misannotated.yaml:106:7',
      'istio-istio-analyzer-injection/misannotated.yaml:111:7',
      'istio-istio-analyzer-injection/misannotated.yaml:128:7',
      'istio-istio-analyzer-injection/misannotated.yaml:133:7',
      'istio-istio-analyzer-injection/misannotated.yaml:155:9',
      'istio-istio-analyzer-injection/misannotated.yaml:176:5',
      'istio-istio-analyzer-sidecar-default-selector/sidecar-default-selector.yaml:63:5',
      'istio-istio-analyzer-sidecar-default-selector/sidecar-default-selector.yaml:74:1',
      'istio-istio-analyzer-sidecar-selector/sidecar-selector.yaml:1:1',
      'istio-istio-analyzer-sidecar-selector/sidecar-selector.yaml:9:1',
      'istio-istio-analyzer-sidecar-selector/sidecar-selector.yaml:17:1',
      'istio-istio-analyzer-sidecar-selector/sidecar-selector.yaml:25:1',
    ],
  },
  // Object names with upper case or underscores ("statusPort", "se_bookinfo1_to_2_3"): names must be DNS-1123
  // subdomains, for custom resources too.
  invalidNames: {
    message: /^metadata\.name must be a DNS-1123 subdomain .*, got "[^"]*[A-Z_][^"]*"$/,
    at: [
      'istio-istio-kube-inject-traffic-annotations/status_annotations.yaml:4:9',
      'kiali-kiali-exportto-cross-namespace/se_bookinfo1_not_exported.yaml:4:9',
      'kiali-kiali-exportto-cross-namespace/se_bookinfo1_to_2_3.yaml:4:9',
      'kiali-kiali-exportto-cross-namespace/se_bookinfo1_to_this.yaml:4:9',
      'kiali-kiali-exportto-cross-namespace/se_bookinfo2_not_exported.yaml:4:9',
      'kiali-kiali-exportto-cross-namespace/se_bookinfo2_to_1.yaml:4:9',
      'kiali-kiali-exportto-cross-namespace/se_bookinfo2_to_this.yaml:4:9',
      'kiali-kiali-exportto-cross-namespace/se_bookinfo3_to_2.yaml:4:9',
      'kiali-kiali-exportto-cross-namespace/se_bookinfo3_to_all.yaml:4:9',
      'kiali-kiali-exportto-cross-namespace/se_bookinfo3_to_wrong.yaml:4:9',
      'kiali-kiali-exportto-cross-namespace/se_exportto_all_valid.yaml:4:9',
      'kiali-kiali-exportto-cross-namespace/se_exportto_invalid.yaml:4:9',
      'kiali-kiali-exportto-cross-namespace/se_exportto_valid.yaml:4:9',
      'kiali-kiali-exportto-cross-namespace/vs_bookinfo1_not_exported.yaml:4:9',
      'kiali-kiali-exportto-cross-namespace/vs_bookinfo1_to_2_3.yaml:4:9',
      'kiali-kiali-exportto-cross-namespace/vs_bookinfo1_to_this.yaml:4:9',
      'kiali-kiali-exportto-cross-namespace/vs_bookinfo2_not_exported.yaml:4:9',
      'kiali-kiali-exportto-cross-namespace/vs_bookinfo2_to_1.yaml:4:9',
      'kiali-kiali-exportto-cross-namespace/vs_bookinfo2_to_this.yaml:4:9',
      'kiali-kiali-exportto-cross-namespace/vs_bookinfo3.yaml:4:9',
      'kiali-kiali-exportto-cross-namespace/vs_bookinfo3_to_2.yaml:4:9',
      'kiali-kiali-exportto-cross-namespace/vs_bookinfo3_to_all.yaml:4:9',
      'kiali-kiali-exportto-cross-namespace/vs_bookinfo3_to_wrong.yaml:4:9',
      'kiali-kiali-exportto-cross-namespace/vs_exportto_all_valid.yaml:4:9',
      'kiali-kiali-exportto-cross-namespace/vs_exportto_invalid.yaml:4:9',
      'kiali-kiali-exportto-cross-namespace/vs_exportto_valid.yaml:4:9',
    ],
  },
  // The ServiceEntry CRD forbids a bare "*" host (x-kubernetes-validations: self != "*").
  serviceEntryStarHost: {
    message: /^spec\.hosts\[0\] must be a host name \("\*" alone is not allowed\), got "\*"$/,
    at: ['istio-istio-analyzer-vs-destinationhosts/virtualservice_destinationhosts.yaml:53:5'],
  },
  // "- {} # test destination null": the VirtualService CRD requires route[].destination.
  virtualServiceNullDestination: {
    message: /^spec\.http\[0\]\.route\[0\] is missing the required field "destination"$/,
    at: ['istio-istio-analyzer-vs-destinationhosts/virtualservice_destinationhosts.yaml:97:7'],
  },
  // Documentation excerpt with `spec: ...`: a string where the Service spec object belongs.
  elidedSpec: {
    message: /^spec must be an object, got "\.\.\."$/,
    at: ['istio-istio.io-configuration-scoping/service-exportto-annotation.yaml:9:7'],
  },
};

describe('schema findings on the corpus', () => {
  it('are exactly the reviewed ones', async () => {
    const run = await runCli(['.', '--format', 'json'], { cwd: CORPUS });
    const findings = (JSON.parse(run.stdout) as { findings: { ruleId: string; file: string; line: number; column: number; message: string }[] }).findings
      .filter((f) => f.ruleId === 'schema');
    const found = findings.map((f) => `${f.file}:${f.line}:${f.column}`).sort();
    const reviewed = Object.values(REVIEWED).flatMap((g) => g.at).sort();
    expect(found).toEqual(reviewed);
    for (const [group, { message, at }] of Object.entries(REVIEWED)) {
      for (const f of findings.filter((x) => at.includes(`${x.file}:${x.line}:${x.column}`))) {
        expect(f.message, `${group}: ${f.file}:${f.line}:${f.column}`).toMatch(message);
      }
    }
  }, 120_000);
});
