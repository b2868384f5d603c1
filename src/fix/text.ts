// A rule's proposed change (append an item at a path of a resource) as text edits of the files, through the loader.
import { appendEdit } from '../loader/edit.js';
import type { Fix, FixProposal, Manifest, TextEdit } from '../types.js';

/** The proposal as text edits; undefined when some edit cannot be placed (the finding then has no fix). */
export function textFix(proposal: FixProposal, reported: Manifest): Fix | undefined {
  const edits: TextEdit[] = [];
  for (const e of proposal.edits) {
    const m = e.manifest ?? reported;
    const edit = appendEdit(m.source, m.docIndex, [...m.basePath, ...e.path], e.append);
    if (!edit) return undefined;
    edits.push({ file: m.source.path, ...edit });
  }
  return edits.length ? { description: proposal.description, edits } : undefined;
}
