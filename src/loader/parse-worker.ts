// Worker thread of parse-many.ts: runs the fast path over the texts it is given and posts back plain data.
import { parentPort, workerData } from 'node:worker_threads';
import { fastDocuments, withoutBom, type FastDocuments } from './fast-parse.js';

/** The fast path's result for each text (undefined: the main thread reads that file with `yaml`). */
export function parseBatch(texts: readonly string[]): (FastDocuments | undefined)[] {
  return texts.map((t) => fastDocuments(withoutBom(t)));
}

if (parentPort && Array.isArray(workerData)) parentPort.postMessage(parseBatch(workerData as string[]));
