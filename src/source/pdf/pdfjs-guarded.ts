// pdf.js with a budget per document. pdf.js decodes whatever a PDF asks: a 1 MB FlateDecode
// stream of zeros inflated to gigabytes (2.2 GiB of memory and 28 s before the document was
// refused), a 2.4 MB image declared 40,000 × 40,000 was decoded to pixels (4.9 GiB, 30 s), and a
// content stream or a form drawn again and again gave operators without end (issue #39). It has
// no option that bounds what a stream decodes to, nor how many operators it reads, and its
// decoded buffers are ArrayBuffers, outside the V8 heap a worker's resourceLimits cap.
//
// So pdf.js's own worker code (which runs in this thread: pdf.js's "fake worker", as always under
// Node) is loaded with three calls added at the one place each thing happens: every decoding
// stream (Flate, LZW, RunLength, ASCII85/Hex, predictors) grows its buffer in
// DecodeStream.ensureBuffer, or takes the chunks of the platform's DecompressionStream in
// asyncGetBytesFromDecompressionStream; every operator of a content stream, for the text layer and for the
// drawing alike, is read by EvaluatorPreprocessor.read; every image is sized in
// buildPaintImageXObject before it is decoded, and there the budget says whether to decode it at
// all: the text reader needs of an image only where it is drawn (a page an image covers is a
// scanned page, read by OCR from pdftoppm's rendering), so an image is placed — its paint
// operator with its size, no pixels — and never decoded; only a Type3 glyph's image (part of a
// font's drawing) is decoded, and counted. Before, a 30-page scan at 300 dpi (8.7 M pixels a
// page) was decoded page after page and refused at page 23 by the document's pixel cap (#39).
// Each call asks the budget of the document being
// read (pdf-budget.ts), which throws once a cap is passed, so pdf.js stops growing there; the
// caller then refuses the document with the cap. An anchor missing (pdf.js upgraded) fails
// loudly at load, never silently unguarded.
//
// Two more calls spare work that serves only drawing a glyph, which the text reader never does
// (the budget's drawsGlyphs(): false; nothing else in the service draws with pdf.js: page images
// are poppler's): with disableFontFace, pdf.js built every shown glyph's outline (parsing the font
// program a second time) for a canvas; and it rewrote each CFF font program it repaired (the CFF
// compiler) for a font face. A whole CJK font embedded in a PDF (an OpenType CFF program of
// several MB) cost more of its reading for these than the rest of it (bench/RESULTS.md, PDF speed). The CFF is still
// parsed: its FontMatrix and glyph count are what the text's widths and mapping come from.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The global the patched worker code calls; set by pdf-budget.ts for the document being read. */
export const GUARD_GLOBAL = '__budgetGraphPdfGuard';

const hook = (call: string) => `globalThis.${GUARD_GLOBAL}?.${call};\n`;

const ENSURE_BUFFER = '    const buffer2 = new Uint8Array(size);\n    buffer2.set(buffer);\n    return this.buffer = buffer2;';
const READ_OPERATOR = '  read(operation) {\n    let args = operation.args;\n    while (true) {\n      const obj = this.parser.getObj();\n      if (obj instanceof Cmd) {\n';
const NATIVE_INFLATE = '        chunks.push(chunk);\n        totalLength += chunk.byteLength;\n';
const IMAGE_SIZE = '    if (maxImageSize !== -1 && w * h > maxImageSize) {';
const IMAGE_DECODE = '    const imageMask = dict.get("IM", "ImageMask") || false;\n    let imgData, fn, args;\n';
/**
 * An image the budget does not decode: its paint operator as pdf.js would add it (the text
 * reader reads its place from the operator's matrix), with its size and an id of its own (never
 * shared: pdf.js's object cache keys on it), and no pixels; a mask's as a mask's.
 */
const PLACE_ONLY =
  `    if (!this.parsingType3Font && globalThis.${GUARD_GLOBAL}?.placeOnly()) {\n` +
  '      const placed = `placed_${this.idFactory.createObjId()}`;\n' +
  '      operatorList.addImageOps(imageMask ? OPS.paintImageMaskXObject : OPS.paintImageXObject, imageMask ? [{ data: placed, width: w, height: h, count: 1 }] : [placed, w, h], optionalContent);\n' +
  '      return;\n' +
  '    }\n';

/** Whether pdf.js is to do work that serves only drawing glyphs: yes unless the budget says no. */
const DRAWS_GLYPHS = `globalThis.${GUARD_GLOBAL}?.drawsGlyphs() !== false`;
const GLYPH_PATHS = '    if (font.data) {\n      const isAddToPathSet';
const CFF_REPAIRED = '        tables["CFF "].data = compiler.compile();\n';
const CFF_FONT = '      this.data = compiler.compile();\n';

const TEXT_STATE_CLONE = '    const clone = Object.assign(Object.create(this), this);\n    clone.textMatrix = this.textMatrix.slice();\n';
const DECOMPRESSION_STREAM = '    try {\n      const {\n        readable,\n        writable\n      } = new DecompressionStream(name);\n';

/** [anchor in pdf.worker.mjs, the text that replaces it]; each anchor must occur exactly once. */
const PATCHES: [string, string][] = [
  // A decoding stream about to grow its buffer to `size` bytes: the growth is decoded output.
  [ENSURE_BUFFER, `    ${hook('decoded(size - buffer.byteLength)')}${ENSURE_BUFFER}`],
  // The same, where pdf.js inflates with the platform's DecompressionStream (its first choice for
  // Flate and Brotli): each chunk it is handed is decoded output.
  [NATIVE_INFLATE, `        ${hook('decoded(chunk.byteLength)')}${NATIVE_INFLATE}`],
  // One operator read from a content stream (a page's, a form's, a Type3 glyph's).
  [READ_OPERATOR, `${READ_OPERATOR}        ${hook('operator()')}`],
  // An image's declared size, before anything of it is decoded.
  [IMAGE_SIZE, `    ${hook('image(w, h)')}${IMAGE_SIZE}`],
  // Placed without decoding, or decoded (and its pixels counted) from here on.
  [IMAGE_DECODE, `${IMAGE_DECODE}${PLACE_ONLY}    ${hook('imageDecoded(w, h)')}`],
  // Text shown: its glyphs' outlines are built for a canvas only when glyphs are drawn.
  [GLYPH_PATHS, GLYPH_PATHS.replace('font.data', `font.data && ${DRAWS_GLYPHS}`)],
  // An OpenType font's CFF table, parsed (its glyph count is used) and rewritten for a font face:
  // rewritten only when glyphs are drawn (else kept as the PDF has it, never drawn).
  [CFF_REPAIRED, `        if (${DRAWS_GLYPHS}) ${CFF_REPAIRED.trimStart()}`],
  // A bare CFF font program (FontFile3), the same; its bytes as the parser read them otherwise.
  [CFF_FONT, `      this.data = ${DRAWS_GLYPHS} ? compiler.compile() : parser.bytes;\n`],
  // A Flate stream inflated by the budget when it can (pdf-budget.ts inflate: zlib at once, within
  // the cap), else by the platform's DecompressionStream; a throw is the stream's failure either way.
  [
    DECOMPRESSION_STREAM,
    `    try {\n      const inflated = globalThis.${GUARD_GLOBAL}?.inflate(name, bytes);\n      if (inflated) {\n        return { decompressed: inflated, compressed: bytes };\n      }\n${DECOMPRESSION_STREAM.slice('    try {\n'.length)}`,
  ],
  // The text layer's state, copied at each change of font (and each q): a copy whose prototype is
  // the class's, not the state copied. Every field of a TextState is its own (class fields, the
  // only ones pdf.js assigns), so a copy reads the same either way; but an object used as a
  // prototype is turned into one by V8 (its shape made a prototype's), and the live state, written
  // at every operator, became that: clone took 380 ms of 30 reads of a 1-page table in one run,
  // 48 in another (the dictionary-mode state deoptimised what wrote it).
  [TEXT_STATE_CLONE, TEXT_STATE_CLONE.replace('Object.create(this)', 'Object.create(TextState.prototype)')],
];

/**
 * pdf.worker.mjs with the budget's calls in it, as bytes: each anchor found in the file's bytes and
 * the pieces joined once. (Patched as a string, one after another, each patch flattened a new copy
 * of the 2.4 MB source, two bytes a character since it holds a few non-Latin-1 ones: ~38 MB of
 * transient strings, most of the peak of loading pdf.js.)
 */
export function guardedWorkerSource(): Buffer {
  const require = createRequire(import.meta.url);
  let source = readFileSync(require.resolve('pdfjs-dist/legacy/build/pdf.worker.mjs'));
  // Its source map is pdf.js's, of the code before the patches, and not beside the patched copy.
  const map = source.lastIndexOf('\n//# sourceMappingURL=');
  if (map >= 0) source = source.subarray(0, map + 1);
  const found = PATCHES.map(([anchor, replacement]) => {
    const bytes = Buffer.from(anchor);
    const at = source.indexOf(bytes);
    if (at < 0 || source.indexOf(bytes, at + 1) >= 0) throw new Error(`pdfjs-guarded: pdf.worker.mjs no longer has exactly one "${anchor.trim().split('\n')[0]}"; update the budget's anchors for this pdf.js version`);
    return { at, end: at + bytes.length, replacement: Buffer.from(replacement) };
  });
  found.sort((a, b) => a.at - b.at);
  const pieces: Buffer[] = [];
  let from = 0;
  for (const { at, end, replacement } of found) {
    if (at < from) throw new Error('pdfjs-guarded: two of the budget\'s anchors overlap in pdf.worker.mjs; update them for this pdf.js version');
    pieces.push(source.subarray(from, at), replacement);
    from = end;
  }
  pieces.push(source.subarray(from));
  return Buffer.concat(pieces);
}

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let loaded: Promise<PdfJs> | null = null;

/** pdf.js, its worker code the guarded one (set before pdf.js first starts its fake worker). */
export function loadGuardedPdfJs(): Promise<PdfJs> {
  return (loaded ??= (async () => {
    const natives = nativeBuiltIns();
    try {
      // pdf.js's documented hook for a worker already loaded: globalThis.pdfjsWorker.
      Reflect.set(globalThis, 'pdfjsWorker', await importWorker(guardedWorkerSource()));
      return await import('pdfjs-dist/legacy/build/pdf.mjs');
    } finally {
      restoreBuiltIns(natives);
    }
  })());
}

/**
 * The guarded worker code as a module, from a file of its own in a fresh private folder (removed
 * once imported): imported from a data: URL instead, the 2.4 MB source held as a URL as well cost
 * ~28 MB more peak memory and ~19 MB more resident, for the life of the process. A data: URL only
 * when no temporary folder can be written. The file sits in a node_modules folder, as the module
 * it is patched from does: a test runner (vitest) imports such a file as it is instead of
 * transforming 2.4 MB of it first (+3 s a test file).
 */
async function importWorker(source: Buffer): Promise<unknown> {
  const dir = writableFolder();
  if (dir === null) return import(/* @vite-ignore */ `data:text/javascript;base64,${source.toString('base64')}`);
  try {
    const folder = join(dir, 'node_modules', 'pdfjs-guarded');
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    const file = join(folder, 'pdf.worker.mjs');
    writeFileSync(file, source, { mode: 0o600 });
    return await import(/* @vite-ignore */ pathToFileURL(file).href);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A fresh folder only this process's user can read (mkdtemp: 0700), or null when none can be made. */
function writableFolder(): string | null {
  try {
    return mkdtempSync(join(tmpdir(), 'budget-graph-pdfjs-'));
  } catch {
    return null;
  }
}

/**
 * The built-ins pdf.js's legacy build replaces, as they are before it loads. Its core-js
 * polyfills replace some that Node has natively but for a detail of a newer standard: under Node
 * 20, Array.prototype.push (an error on a non-writable length), JSON.stringify and JSON.parse
 * (JSON.rawJSON, parse with source), Function.prototype.toString (to print its polyfills as
 * native). The replacements are JavaScript and serve the whole thread, not pdf.js alone: push 2×
 * slower, JSON.stringify 10× (it rescans its output char by char); the polyfilled push was 17 %
 * of the CPU of reading a PDF (the CFF compiler, the table model, the parser after it). pdf.js
 * uses none of those details; what the build adds that Node lacks (Promise.withResolvers,
 * Uint8Array.fromBase64, Map.prototype.getOrInsert …) is kept.
 */
function nativeBuiltIns(): Map<object, Map<PropertyKey, PropertyDescriptor>> {
  const typedArray: unknown = Object.getPrototypeOf(Uint8Array);
  const holders: unknown[] = [Object, Function, Array, JSON, Math, Promise, Map, Set, WeakMap, String, Number, Symbol, Reflect, ArrayBuffer, Uint8Array, typedArray, RegExp, Error, DataView, Date];
  const snapshot = new Map<object, Map<PropertyKey, PropertyDescriptor>>();
  for (const holder of holders) {
    if (typeof holder !== 'function' && typeof holder !== 'object') continue;
    if (holder === null) continue;
    const objects: unknown[] = [holder, 'prototype' in holder ? holder.prototype : null];
    for (const o of objects) {
      if (o === null || (typeof o !== 'object' && typeof o !== 'function')) continue;
      const own = new Map<PropertyKey, PropertyDescriptor>();
      for (const key of Reflect.ownKeys(o)) {
        const d = Reflect.getOwnPropertyDescriptor(o, key);
        if (d) own.set(key, d);
      }
      snapshot.set(o, own);
    }
  }
  return snapshot;
}

/** Puts back each built-in replaced since the snapshot (what was added is kept). */
function restoreBuiltIns(snapshot: Map<object, Map<PropertyKey, PropertyDescriptor>>): void {
  for (const [o, own] of snapshot)
    for (const [key, before] of own) {
      const now = Reflect.getOwnPropertyDescriptor(o, key);
      if (now && before.configurable && !(Object.is(now.value, before.value) && now.get === before.get && now.set === before.set)) Reflect.defineProperty(o, key, before);
    }
}
