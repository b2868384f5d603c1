// lint(): parsed files → mesh model → rules → positioned, suppressed, sorted findings.
import { asObject, asString, type JsonObject, type JsonPath } from './json.js';
import { textFix } from './fix/text.js';
import { parseSource, parseYaml, type ParsedFile } from './loader/parse.js';
import { buildMesh } from './model/build.js';
import { lastApplied } from './model/last-applied.js';
import type { MeshConfigLayer } from './model/mesh-config.js';
import type { Mesh, Service, Sidecar, Workload } from './model/types.js';
import type { Rule, RuleContext } from './rule.js';
import { annotationSuppression, annotationUseKey, directiveSuppression, scanDirectives, unusedSuppressions, type Directive } from './suppress.js';
import type { FileReport, Finding, Manifest, Range, Report, Severity, SourceFile, Target } from './types.js';
import type { RuleSetting } from './config.js';

export interface LintOptions {
  readonly rules: readonly Rule[];
  /** Per-rule severity overrides (config file, then --rule). */
  readonly ruleSettings: Readonly<Record<string, RuleSetting>>;
  readonly defaultNamespace: string;
  readonly assumeInjected: boolean;
  /** Mesh config layers from flags and the config file, highest priority first; the input's own come after. */
  readonly meshLayers: readonly MeshConfigLayer[];
  readonly reportUnusedSuppressions?: boolean;
  /** The config file in use: rules may read its sections, and findings may point into it (e.g. expectations). */
  readonly config?: LintConfig;
}

export interface LintConfig {
  /** As reports show it. */
  readonly file: string;
  readonly raw: JsonObject;
  locate(path: JsonPath, target?: Target): Range;
}

export interface TextInput {
  readonly path: string;
  readonly text: string;
}

export interface LintResult {
  readonly findings: readonly Finding[];
  readonly files: number;
  readonly resources: number;
  readonly manifests: readonly Manifest[];
  readonly mesh: Mesh;
}

/** Parses texts; separate from lint() so that other commands (report, diff) share one parse. */
export function parseInputs(inputs: readonly TextInput[], defaultNamespace: string): ParsedFile[] {
  return inputs.map((i) => parseSource(i.path, i.text, { defaultNamespace }));
}

/** The mesh model of parsed files, with mesh settings found in the input itself added as the lowest layer. */
export function modelOf(files: readonly ParsedFile[], options: Pick<LintOptions, 'meshLayers' | 'assumeInjected'>): { mesh: Mesh; manifests: Manifest[] } {
  const manifests = files.flatMap((f) => f.manifests);
  const mesh = buildMesh(manifests, { meshLayers: [...options.meshLayers, ...meshLayersInInput(manifests)], assumeInjected: options.assumeInjected });
  return { mesh, manifests };
}

/** The istio ConfigMap's `mesh` text and IstioOperator spec.meshConfig, as kubectl would apply them (last copy wins). */
function meshLayersInInput(manifests: readonly Manifest[]): MeshConfigLayer[] {
  const layers: MeshConfigLayer[] = [];
  // Copies only supersede copies of the same kind, so the few candidates decide among themselves.
  const candidates = manifests.filter((m) => m.kind === 'ConfigMap' || m.kind === 'IstioOperator');
  for (const m of lastApplied(candidates).kept) {
    if (m.kind === 'ConfigMap' && /^istio(-[\w.-]+)?$/.test(m.name) && m.apiVersion === 'v1') {
      const text = asString(asObject(m.value.data)?.mesh);
      if (!text) continue;
      const config = asObject(parseYaml(`${m.source.path} (ConfigMap ${m.namespace}/${m.name} data.mesh)`, text).documents[0]);
      if (config) layers.push({ origin: `ConfigMap ${m.namespace}/${m.name}`, config });
    } else if (m.kind === 'IstioOperator') {
      const config = asObject(asObject(m.value.spec)?.meshConfig);
      if (config) layers.push({ origin: `IstioOperator ${m.namespace}/${m.name}`, config });
    }
  }
  return layers;
}

export function lint(files: readonly ParsedFile[], options: LintOptions, extraReports: readonly FileReport[] = []): LintResult {
  const { mesh, manifests } = modelOf(files, options);
  const severityOf = (rule: Rule, requested?: Severity): Severity | 'off' => {
    const setting = options.ruleSettings[rule.meta.id];
    if (setting) return setting;
    return requested ?? rule.meta.severity;
  };
  const rulesById = new Map(options.rules.map((r) => [r.meta.id, r]));

  const reports: Report[] = [];
  // Reports about entries of the config file (or about the run) are positioned when made, like the loader's.
  const runReports: FileReport[] = [];
  const ctx = contextFor(mesh, reports, runReports, options.config);
  // Most rules look at one kind: hand them those manifests (in input order) instead of filtering all of them.
  const byKind = new Map<string, Manifest[]>();
  for (const m of manifests) {
    const list = byKind.get(m.kind);
    if (list) list.push(m);
    else byKind.set(m.kind, [m]);
  }
  // Several rules look at the same few kinds (all workload kinds, say): filter the input once per such list.
  const byKinds = new Map<string, Manifest[]>();
  for (const rule of options.rules) {
    if (!rule.check || options.ruleSettings[rule.meta.id] === 'off') continue;
    const kinds = rule.meta.kinds;
    const candidates = !kinds ? manifests : kinds.length === 1 ? (byKind.get(kinds[0]!) ?? []) : ofKinds(manifests, kinds, byKinds);
    // One mutable "current" per rule: a fresh object per manifest and rule is garbage by the tens of thousands.
    const current: { rule: Rule; manifest?: Manifest } = { rule };
    ctx.current = current;
    for (const m of candidates) {
      current.manifest = m;
      try {
        rule.check(m, ctx.api);
      } catch (err) {
        // One rule failing on one odd resource must not cost every other finding: say so at the resource.
        const why = err instanceof Error ? err.message.split('\n')[0] : String(err);
        ctx.api.report({ message: `internal error: rule ${rule.meta.id} failed on this resource (${why}); please report it, and use --rule ${rule.meta.id}=off meanwhile`, path: [] });
      }
    }
  }
  for (const rule of options.rules) {
    if (!rule.checkMesh || options.ruleSettings[rule.meta.id] === 'off') continue;
    ctx.current = { rule };
    try {
      rule.checkMesh(ctx.api);
    } catch (err) {
      const why = err instanceof Error ? err.message.split('\n')[0] : String(err);
      const message = `internal error: rule ${rule.meta.id} failed (${why}); please report it, and use --rule ${rule.meta.id}=off meanwhile`;
      runReports.push({ ruleId: rule.meta.id, severity: 'error', message, file: options.config?.file ?? '<input>', range: { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } } });
    }
  }

  const directives = new Map<SourceFile, Directive[]>();
  const directivesOf = (s: SourceFile): Directive[] => {
    let d = directives.get(s);
    if (!d) directives.set(s, (d = scanDirectives(s)));
    return d;
  };
  const usedAnnotations = new Set<string>();
  const findings: Finding[] = [];

  const ranges = rangesOf(reports);
  reports.forEach((r, i) => {
    const rule = rulesById.get(r.ruleId);
    const severity = rule ? severityOf(rule, r.severity) : (r.severity ?? 'error');
    if (severity === 'off') return;
    const m = r.manifest;
    const range = ranges[i]!;
    const suppressed =
      annotationSuppression(m, r.ruleId) ?? directiveSuppression(directivesOf(m.source), r.ruleId, range.start.line);
    if (suppressed?.kind === 'annotation') usedAnnotations.add(annotationUseKey(m, r.ruleId));
    const fix = r.fix ? textFix(r.fix, m) : undefined;
    findings.push({
      ruleId: r.ruleId,
      severity,
      message: r.message,
      file: m.source.path,
      line: range.start.line,
      column: range.start.column,
      endLine: range.end.line,
      endColumn: range.end.column,
      resource: { kind: m.kind, namespace: m.namespace, name: m.name },
      path: r.path,
      ...(suppressed ? { suppressed } : {}),
      ...(fix ? { fix } : {}),
    });
  });

  const sourcesByPath = new Map(files.map((f) => [f.source.path, f.source]));
  for (const r of [...files.flatMap((f) => f.reports), ...extraReports, ...runReports]) {
    const rule = rulesById.get(r.ruleId);
    const severity = rule ? severityOf(rule, r.severity) : (r.severity ?? 'error');
    if (severity === 'off') continue;
    const source = sourcesByPath.get(r.file);
    const suppressed = source ? directiveSuppression(directivesOf(source), r.ruleId, r.range.start.line) : undefined;
    findings.push({
      ruleId: r.ruleId,
      severity,
      message: r.message,
      file: r.file,
      line: r.range.start.line,
      column: r.range.start.column,
      endLine: r.range.end.line,
      endColumn: r.range.end.column,
      ...(suppressed ? { suppressed } : {}),
    });
  }

  if (options.reportUnusedSuppressions) {
    // Directives are scanned lazily; a file whose findings all had other suppressions was never scanned.
    for (const f of files) directivesOf(f.source);
    findings.push(...unusedSuppressions(manifests, usedAnnotations, directives, new Set(rulesById.keys())));
  }

  return { findings: sortFindings(dedupe(findings)), files: files.length, resources: manifests.length, manifests, mesh };
}

/** The manifests of some kinds, in input order (remembered in `known` by the list of kinds). */
function ofKinds(manifests: readonly Manifest[], kinds: readonly string[], known: Map<string, Manifest[]>): Manifest[] {
  const key = kinds.join('\u0000');
  let out = known.get(key);
  if (out) return out;
  const wanted = new Set(kinds);
  out = [];
  for (const m of manifests) if (wanted.has(m.kind)) out.push(m);
  known.set(key, out);
  return out;
}


/** "file:line" of a node of a resource for rule messages, or "line N" when `from` is in the same file. */
function whereIn(m: Manifest, path: JsonPath = ['metadata', 'name'], from?: Manifest): string {
  const line = m.source.locate(m.docIndex, [...m.basePath, ...path]).start.line;
  return from && from.source === m.source ? `line ${line}` : `${m.source.path}:${line}`;
}

function contextFor(mesh: Mesh, reports: Report[], runReports: FileReport[], config: LintConfig | undefined) {
  const sidecars = new Map<Manifest, Sidecar>(mesh.sidecars.map((s) => [s.manifest, s]));
  const workloads = new Map<Manifest, Workload>(mesh.workloads.map((w) => [w.manifest, w]));
  const services = new Map<Manifest, Service[]>();
  for (const s of mesh.services) {
    const list = services.get(s.manifest) ?? [];
    list.push(s);
    services.set(s.manifest, list);
  }
  const state: { current: { rule: Rule; manifest?: Manifest } | undefined; api: RuleContext } = {
    current: undefined,
    api: {
      mesh,
      sidecarOf: (m) => sidecars.get(m),
      workloadOf: (m) => workloads.get(m),
      servicesOf: (m) => services.get(m) ?? [],
      where: (m, path, options) => whereIn(m, path, options?.from ?? state.current?.manifest),
      ref: (m, options) => `${m.kind} ${m.namespace ? `${m.namespace}/${m.name}` : m.name} (${whereIn(m, undefined, options?.from ?? state.current?.manifest)})`,
      ...(config ? { config: { file: config.file, raw: config.raw } } : {}),
      report(d) {
        const cur = state.current!;
        const ruleId = cur.rule.meta.id;
        const common = { ruleId, message: d.message, path: d.path, ...(d.target ? { target: d.target } : {}), ...(d.severity ? { severity: d.severity } : {}) };
        if (d.inConfig) {
          if (!config) throw new Error(`rule ${ruleId} reported in the config file, but there is none`);
          runReports.push({ ruleId, message: d.message, file: config.file, range: config.locate(d.path, d.target), ...(d.severity ? { severity: d.severity } : {}) });
          return;
        }
        const manifest = d.manifest ?? cur.manifest;
        if (!manifest) throw new Error(`rule ${ruleId} reported neither on a manifest nor in the config file`);
        reports.push({ ...common, manifest, ...(d.fix && cur.rule.meta.fixable ? { fix: d.fix } : {}) });
      },
    },
  };
  return state;
}



/**
 * Each report's range, located document by document: a source keeps only the positions of the document it read
 * last (fast-source.ts), and rules report in their own order.
 */
function rangesOf(reports: readonly Report[]): Range[] {
  const order = reports.map((_, i) => i);
  const docOf = (r: Report): string => `${r.manifest.source.path}\u0000${r.manifest.docIndex}`;
  const keys = reports.map(docOf);
  order.sort((a, b) => (keys[a]! < keys[b]! ? -1 : keys[a]! > keys[b]! ? 1 : a - b));
  const ranges: Range[] = new Array<Range>(reports.length);
  for (const i of order) {
    const { manifest: m, path, target } = reports[i]!;
    ranges[i] = m.source.locate(m.docIndex, [...m.basePath, ...path], target);
  }
  return ranges;
}

function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const k = `${f.file}\u0000${f.line}\u0000${f.column}\u0000${f.ruleId}\u0000${f.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

export function sortFindings(findings: Finding[]): Finding[] {
  const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  return findings.sort(
    (a, b) => cmp(a.file, b.file) || a.line - b.line || a.column - b.column || cmp(a.ruleId, b.ruleId) || cmp(a.message, b.message),
  );
}
