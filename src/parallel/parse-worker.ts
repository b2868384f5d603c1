// Worker thread of parse-many.ts: reads the files it is given with the fast path and validates their manifests
// (schema.ts), posting back plain data: the values, each document's slice, and each manifest's violations.
import { parentPort, workerData } from 'node:worker_threads';
import { fastDocuments, provideFastDocuments, withoutBom, type FastDocuments } from '../loader/fast-parse.js';
import { parseSource, type ParseOptions } from '../loader/parse.js';
import { validateManifest, type SchemaViolation } from '../schema.js';
import type { TextFile } from './parse-many.js';

export interface WorkerResult {
  /** Undefined: not plain YAML, the main thread reads the file with `yaml`. */
  readonly fast: FastDocuments | undefined;
  /** The violations of each manifest, in parseSource's order. */
  readonly violations: readonly (readonly SchemaViolation[])[] | undefined;
}

export interface WorkerInput {
  /** Says the data is for this module, which may be imported by other threads (tests) too. */
  readonly kind: typeof KIND;
  readonly files: readonly TextFile[];
  readonly options: ParseOptions;
}

export const KIND = 'istio-lint/parse-batch';

export function parseBatch({ files, options }: Pick<WorkerInput, 'files' | 'options'>): WorkerResult[] {
  return files.map(({ path, text }) => {
    const fast = fastDocuments(withoutBom(text));
    if (!fast) return { fast, violations: undefined };
    provideFastDocuments(path, withoutBom(text), fast);
    const { manifests } = parseSource(path, text, options);
    return { fast, violations: manifests.map((m) => validateManifest(m)) };
  });
}

if (parentPort && (workerData as Partial<WorkerInput> | undefined)?.kind === KIND) parentPort.postMessage(parseBatch(workerData as WorkerInput));
