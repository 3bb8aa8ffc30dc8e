// `npm run parse -- FILE --stage=NAME`: a document read up to one stage of its path (the parse's
// stages of src/parse/pipeline.ts, then the load plan's of src/load/pipeline.ts: links, plan-checks,
// rows, plan) and that stage's output printed as JSON, money in 万元 strings as --json prints it;
// `--stage=list` names the stages, in one order, with what each does. So a newcomer can watch a
// document go through.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { formatWan } from '../model/money.js';
import { DOCUMENT_PIPELINE } from '../load/pipeline.js';
import { UnknownStageError } from '../parse/pipeline.js';
import { readSource } from '../source/index.js';

/** The stages in order, one a line: name, then what it does. */
export function stageList(): string {
  const width = Math.max(...DOCUMENT_PIPELINE.stages.map((s) => s.name.length));
  return DOCUMENT_PIPELINE.stages.map((s, i) => `${String(i + 1).padStart(2)}. ${s.name.padEnd(width)}  ${s.purpose}`).join('\n');
}

/** Null when a stage has this name, else the sentence refusing it (naming the stages). */
export function stageRefusal(name: string): string | null {
  if (DOCUMENT_PIPELINE.stages.some((s) => s.name === name)) return null;
  return new UnknownStageError(name, DOCUMENT_PIPELINE.stages).message;
}

/** JSON as --json prints it: bigint money as 万元 strings; maps as objects, sets as arrays. */
export function stageJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? formatWan(v) : v instanceof Map ? Object.fromEntries(v) : v instanceof Set ? [...v] : v), 2);
}

/** What the stage named gives for the document at `path` (text or PDF), as JSON. Throws UnknownStageError, BadDocumentError. */
export async function stageOutput(path: string, stage: string): Promise<string> {
  const file = basename(path);
  const source = await readSource(readFileSync(path), file);
  return stageJson(DOCUMENT_PIPELINE.show({ text: source.text, file, sourceNotes: source.notes, printed: source.printed }, stage));
}
