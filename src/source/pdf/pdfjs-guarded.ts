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
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

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
];

/** pdf.worker.mjs with the budget's calls in it. */
export function guardedWorkerSource(): string {
  const require = createRequire(import.meta.url);
  let source = readFileSync(require.resolve('pdfjs-dist/legacy/build/pdf.worker.mjs'), 'utf8');
  for (const [anchor, replacement] of PATCHES) {
    const at = source.indexOf(anchor);
    if (at < 0 || source.indexOf(anchor, at + 1) >= 0) throw new Error(`pdfjs-guarded: pdf.worker.mjs no longer has exactly one "${anchor.trim().split('\n')[0]}"; update the budget's anchors for this pdf.js version`);
    source = source.slice(0, at) + replacement + source.slice(at + anchor.length);
  }
  return source;
}

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let loaded: Promise<PdfJs> | null = null;

/** pdf.js, its worker code the guarded one (set before pdf.js first starts its fake worker). */
export function loadGuardedPdfJs(): Promise<PdfJs> {
  return (loaded ??= (async () => {
    const url = `data:text/javascript;charset=utf-8,${encodeURIComponent(guardedWorkerSource())}`;
    // pdf.js's documented hook for a worker already loaded: globalThis.pdfjsWorker.
    Reflect.set(globalThis, 'pdfjsWorker', await import(/* @vite-ignore */ url));
    return import('pdfjs-dist/legacy/build/pdf.mjs');
  })());
}
