// Writing a fixed text back the way the file was: a UTF-8 byte order mark kept, and nothing written over a file that
// changed on disk since it was read or that is not UTF-8 (a UTF-16 file would silently change encoding).
import { readFileSync } from 'node:fs';

const BOM = '\uFEFF';

/**
 * A function that turns a fixed text into the file's new content, or undefined when the file must not be written:
 * unreadable, UTF-16, or no longer holding `linted` (the text that was linted, without its byte order mark).
 */
export function writerFor(abs: string, linted: string): ((text: string) => string) | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(abs);
  } catch {
    return undefined;
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return undefined;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
  const bom = text.startsWith(BOM);
  if ((bom ? text.slice(1) : text) !== linted) return undefined;
  return (fixed) => (bom ? BOM + fixed : fixed);
}
