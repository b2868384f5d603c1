// Worker thread of parse-many.ts: claims files from the shared counter, reads each with the fast path and validates
// its manifests (schema.ts), and posts back plain data: the values (as JSON text when that keeps them exactly),
// each document's slice, and each manifest's violations.
import { parentPort, workerData } from 'node:worker_threads';
import { fastDocuments, provideFastDocuments, withoutBom } from '../loader/fast-parse.js';
import type { Slice } from '../loader/fast-source.js';
import { parseSource, type ParseOptions } from '../loader/parse.js';
import { validateManifest, type SchemaViolation } from '../schema.js';

export interface TextFile {
  readonly path: string;
  readonly text: string;
}

export interface WorkerResult {
  /** The file's position in the input. */
  readonly index: number;
  /** Undefined: not plain YAML, the main thread reads the file with `yaml`. */
  readonly fast:
    | {
        /** JSON.stringify of the documents, when it keeps every value (no NaN, infinity or -0). */
        readonly json?: string;
        /** The documents themselves otherwise (a structured clone, slower to receive than JSON text). */
        readonly documents?: unknown[];
        readonly slices: Slice[] | undefined;
      }
    | undefined;
  /** The violations of each manifest, in parseSource's order. */
  readonly violations: readonly (readonly SchemaViolation[])[] | undefined;
}

export interface WorkerInput {
  /** Says the data is for this module, which may be imported by other threads (tests) too. */
  readonly kind: typeof KIND;
  readonly files: readonly TextFile[];
  readonly options: ParseOptions;
  /** An Int32Array's buffer whose first element is the next unclaimed file: both threads take files from it. */
  readonly claims: SharedArrayBuffer;
  /** Whether to validate the manifests too. */
  readonly validate: boolean;
}

/** The last message: every file this thread claimed has been posted. */
export const DONE = 'done';
export const KIND = 'istio-lint/parse-claims';

export function parseOne(file: TextFile, index: number, options: ParseOptions, validate = true): WorkerResult {
  const text = withoutBom(file.text);
  const fast = fastDocuments(text);
  if (!fast) return { index, fast, violations: undefined };
  provideFastDocuments(file.path, text, fast);
  const violations = validate ? parseSource(file.path, file.text, options).manifests.map((m) => validateManifest(m)) : undefined;
  const values = fast.jsonSafe ? { json: JSON.stringify(fast.documents) } : { documents: fast.documents };
  return { index, fast: { ...values, slices: fast.slices }, violations };
}

function run(port: NonNullable<typeof parentPort>, { files, options, claims, validate }: WorkerInput): void {
  const next = new Int32Array(claims);
  for (let i = Atomics.add(next, 0, 1); i < files.length; i = Atomics.add(next, 0, 1)) port.postMessage(parseOne(files[i]!, i, options, validate));
  port.postMessage(DONE);
}

if (parentPort && (workerData as Partial<WorkerInput> | undefined)?.kind === KIND) run(parentPort, workerData as WorkerInput);
