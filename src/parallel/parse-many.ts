// Parses many files, using a second core when there is enough text. This thread and a worker thread take files
// from one shared counter, so neither waits for the other however fast each turns out (the worker starts late,
// and on a busy machine gets less of a core). The worker's results (plain values) are handed to parseYaml and
// validateManifest, so every file still goes through parseSource, in input order, and gives what a one-thread
// run gives.
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { provideFastDocuments, withoutBom } from '../loader/fast-parse.js';
import { parseSource, type ParseOptions, type ParsedFile } from '../loader/parse.js';
import { provideValidation, validateManifest } from '../schema.js';
import { DONE, KIND, type TextFile, type WorkerInput, type WorkerResult } from './parse-worker.js';

export type { TextFile } from './parse-worker.js';

/** Below this much text a worker costs more (start-up, loading the parser) than it saves. */
export const PARALLEL_MIN_BYTES = 1 << 20;

// Run from dist/ only: under the tests (src/*.ts) there is no compiled worker, and one thread does it all.
const WORKER = new URL('./parse-worker.js', import.meta.url);
const workerAvailable = (): boolean => WORKER.protocol === 'file:' && existsSync(fileURLToPath(WORKER));

/**
 * Whether a second thread can run beside this one. Even on a busy machine it is worth starting: the threads share
 * the files as they go, so a slow worker costs this thread only the file it is reading when this one runs out.
 */
const twoCores = (): boolean => availableParallelism() >= 2;

/**
 * Starts a worker on `input`; the promise gives its results by file index once it is done, or what arrived
 * before it failed (this thread then parses the files it had claimed).
 */
function startWorker(input: WorkerInput): Promise<Map<number, WorkerResult>> {
  const results = new Map<number, WorkerResult>();
  return new Promise((done) => {
    let worker: Worker;
    try {
      worker = new Worker(WORKER, { workerData: input });
    } catch {
      // Nothing was claimed: this thread takes every file.
      return done(results);
    }
    worker.on('message', (message: WorkerResult | typeof DONE) => {
      if (message !== DONE) return void results.set(message.index, message);
      done(results);
      void worker.terminate();
    });
    worker.once('error', () => done(results));
    worker.once('exit', () => done(results));
  });
}

/** ParseSource of a file from what a worker posted for it (same result as parsing it here). */
export function acceptWorkerResult(file: TextFile, result: WorkerResult, options: ParseOptions): ParsedFile {
  const fast = result.fast;
  const documents = fast && (fast.json !== undefined ? (JSON.parse(fast.json) as unknown[]) : fast.documents!);
  provideFastDocuments(file.path, withoutBom(file.text), fast && { documents: documents!, slices: fast.slices, jsonSafe: fast.json !== undefined });
  const parsed = parseSource(file.path, file.text, options);
  const violations = result.violations;
  if (violations?.length === parsed.manifests.length) parsed.manifests.forEach((m, j) => provideValidation(m.value, violations[j]!));
  return parsed;
}

/**
 * ISTIO_LINT_WORKERS: "0" never starts a worker thread, "1" does whenever the input is big enough; unset, a worker
 * starts when the machine has a second core.
 */
export type WorkerPolicy = 'auto' | 'never' | 'always';
export const workerPolicyOf = (env: string | undefined): WorkerPolicy => (env === '0' ? 'never' : env === '1' ? 'always' : 'auto');

/**
 * parseSource for each file, in order; the same result as `files.map(parseSource)`, sooner on big inputs.
 * `validate`: whether the caller will validate the manifests (lint does, a report does not); with a worker, both
 * threads then validate what they parse, as part of sharing the work.
 */
export async function parseSources(files: readonly TextFile[], options: ParseOptions, policy: WorkerPolicy = 'auto', validate = true): Promise<ParsedFile[]> {
  const total = files.reduce((n, f) => n + f.text.length, 0);
  const useWorker = policy === 'always' || (policy === 'auto' && twoCores());
  if (total < PARALLEL_MIN_BYTES || !useWorker || !workerAvailable()) return files.map((f) => parseSource(f.path, f.text, options));
  const claims = new SharedArrayBuffer(4);
  const next = new Int32Array(claims);
  const fromWorker = startWorker({ kind: KIND, files, options, claims, validate });
  const parsed: (ParsedFile | undefined)[] = new Array<ParsedFile | undefined>(files.length);
  for (let i = Atomics.add(next, 0, 1); i < files.length; i = Atomics.add(next, 0, 1)) {
    const file = (parsed[i] = parseSource(files[i]!.path, files[i]!.text, options));
    // Validated now, while the worker still reads: lint would validate them later anyway (rule schema).
    if (validate) for (const m of file.manifests) provideValidation(m.value, validateManifest(m));
  }
  const results = await fromWorker;
  return files.map((f, i) => {
    const result = results.get(i);
    return parsed[i] ?? (result ? acceptWorkerResult(f, result, options) : parseSource(f.path, f.text, options));
  });
}
