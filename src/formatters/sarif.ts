// SARIF 2.1.0 for GitHub code scanning: every rule, every finding (suppressed ones marked), stable fingerprints.
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Fix as SarifFix, Location, Log, ReportingDescriptor, Result, Suppression as SarifSuppression } from 'sarif';
import { formatPath } from '../json.js';
import { SEVERITY_RANK, type Finding } from '../types.js';
import { REPOSITORY_URL, ruleDescriptor, SARIF_LEVEL, unknownRuleDescriptor } from './sarif-rules.js';
import type { FormatInput, Formatter } from './types.js';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
/** The part of automationDetails.id before the last "/" is GitHub's category; no run id keeps the bytes stable. */
export const DEFAULT_CATEGORY = 'istio-lint';
const SRCROOT = '%SRCROOT%';
/** GitHub rejects a run with more results; it shows the top 5,000 by severity anyway. */
export const MAX_RESULTS = 25_000;
const FINGERPRINT_KEY = 'istioLintFindingHash/v1';

/** A repository-relative URI when the file is below the working directory, else an absolute file: URI. */
function artifactLocation(file: string, cwd: string): { uri: string; uriBaseId?: string } {
  const outside = file.startsWith('../') || file === '..' || /^([A-Za-z]:)?[\\/]/.test(file);
  if (outside) return { uri: pathToFileURL(resolve(cwd, file)).href };
  return { uri: file.split('/').map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}

// Line numbers stay out, so an alert keeps its identity when the resource moves within or between files.
function fingerprint(f: Finding): string {
  const identity = f.resource
    ? [f.ruleId, f.resource.kind, f.resource.namespace, f.resource.name, formatPath(f.path ?? []), f.message]
    : [f.ruleId, f.file, f.message];
  return createHash('sha256').update(JSON.stringify(identity)).digest('hex');
}

/**
 * The finding's range, clamped to be well-formed, and ending on its last character's line rather than at
 * column 1 of the next: GitHub shows an alert in a pull request only when all of its lines are in the diff.
 */
export function findingRegion(f: Finding, sources: FormatInput['sources']): { startLine: number; startColumn: number; endLine: number; endColumn: number } {
  const startLine = Math.max(1, f.line);
  const startColumn = Math.max(1, f.column);
  let endLine = Math.max(startLine, f.endLine);
  let endColumn = endLine === startLine ? Math.max(startColumn, f.endColumn) : Math.max(1, f.endColumn);
  const source = sources.get(f.file);
  if (endColumn === 1 && endLine > startLine && source) {
    endLine -= 1;
    endColumn = endLine === startLine ? Math.max(startColumn, source.line(endLine).length + 1) : source.line(endLine).length + 1;
  }
  return { startLine, startColumn, endLine, endColumn };
}

function location(f: Finding, input: FormatInput): Location {
  const loc: Location = {
    physicalLocation: { artifactLocation: artifactLocation(f.file, input.cwd), region: findingRegion(f, input.sources) },
  };
  if (f.resource) {
    const { kind, namespace, name } = f.resource;
    const qualified = namespace ? `${namespace}/${name}` : name;
    loc.logicalLocations = [{ name, fullyQualifiedName: `${kind} ${qualified}`, kind: 'resource' }];
  }
  return loc;
}

/** A finding's fix as SARIF: one artifactChange per file, each edit a replacement (an empty deletedRegion inserts). */
function fixesOf(f: Finding, cwd: string): SarifFix[] | undefined {
  if (!f.fix) return undefined;
  const files = [...new Set(f.fix.edits.map((e) => e.file))];
  return [
    {
      description: { text: asSentence(f.fix.description) },
      artifactChanges: files.map((file) => ({
        artifactLocation: artifactLocation(file, cwd),
        replacements: f.fix!.edits
          .filter((e) => e.file === file)
          .map((e) => ({
            deletedRegion: { startLine: e.range.start.line, startColumn: e.range.start.column, endLine: e.range.end.line, endColumn: e.range.end.column },
            insertedContent: { text: e.newText },
          })),
      })),
    },
  ];
}

function suppressionOf(f: Finding): SarifSuppression[] | undefined {
  if (!f.suppressed) return undefined;
  const s: SarifSuppression = { kind: f.suppressed.kind === 'config' ? 'external' : 'inSource', status: 'accepted' };
  if (f.suppressed.justification) s.justification = f.suppressed.justification;
  return [s];
}

/** Keeps the most severe results when over GitHub's limit, in their original order. */
function withinLimit(findings: readonly Finding[]): { kept: readonly Finding[]; dropped: number } {
  if (findings.length <= MAX_RESULTS) return { kept: findings, dropped: 0 };
  const rank = (f: Finding): number => (f.suppressed ? 0 : SEVERITY_RANK[f.severity]);
  const order = findings.map((f, i) => ({ f, i })).sort((a, b) => rank(b.f) - rank(a.f) || a.i - b.i);
  const keep = new Set(order.slice(0, MAX_RESULTS).map((e) => e.i));
  return { kept: findings.filter((_, i) => keep.has(i)), dropped: findings.length - MAX_RESULTS };
}

// SARIF messages are sentences (the validator's SARIF2001); ours follow the CLI style without the final period.
const asSentence = (s: string): string => (/[.!?]$/.test(s) ? s : `${s}.`);

export function sarifLog(input: FormatInput): Log {
  const descriptors: ReportingDescriptor[] = input.rules.map(ruleDescriptor);
  const index = new Map(descriptors.map((d, i) => [d.id, i]));
  const { kept, dropped } = withinLimit(input.findings);
  const seen = new Map<string, number>();
  const results: Result[] = kept.map((f) => {
    let ruleIndex = index.get(f.ruleId);
    if (ruleIndex === undefined) {
      ruleIndex = descriptors.push(unknownRuleDescriptor(f.ruleId)) - 1;
      index.set(f.ruleId, ruleIndex);
    }
    // Identical findings (same rule, resource, path, message) get an ordinal, as CodeQL's line hashes do.
    const hash = fingerprint(f);
    const n = (seen.get(hash) ?? 0) + 1;
    seen.set(hash, n);
    const result: Result = {
      ruleId: f.ruleId,
      ruleIndex,
      level: SARIF_LEVEL[f.severity],
      message: { text: asSentence(f.message) },
      locations: [location(f, input)],
      partialFingerprints: { [FINGERPRINT_KEY]: `${hash}:${n}` },
    };
    const suppressions = suppressionOf(f);
    if (suppressions) result.suppressions = suppressions;
    const fixes = fixesOf(f, input.cwd);
    if (fixes) result.fixes = fixes;
    if (f.path?.length) result.properties = { jsonPath: formatPath(f.path) };
    return result;
  });

  const cwdUri = pathToFileURL(input.cwd).href.replace(/\/?$/, '/');
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'istio-lint',
            version: input.version,
            semanticVersion: input.version,
            informationUri: REPOSITORY_URL,
            rules: descriptors,
          },
        },
        automationDetails: { id: `${input.category?.replace(/\/+$/, '') || DEFAULT_CATEGORY}/` },
        originalUriBaseIds: { [SRCROOT]: { uri: cwdUri } },
        columnKind: 'utf16CodeUnits',
        ...(dropped
          ? {
              invocations: [
                {
                  executionSuccessful: true,
                  toolExecutionNotifications: [
                    { level: 'warning', message: { text: `${dropped} less severe results were left out: GitHub accepts at most ${MAX_RESULTS} per run.` } },
                  ],
                },
              ],
            }
          : {}),
        results,
      },
    ],
  };
}

export const sarif: Formatter = (input) => JSON.stringify(sarifLog(input), null, 2) + '\n';
