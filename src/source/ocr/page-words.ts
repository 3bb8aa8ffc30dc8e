// tesseract's words → the glyph runs of a PdfPage, in PDF points, so that a scanned page goes
// through the same table model as a text layer (pdf/render.ts): a word is a run, set on the box
// of the line tesseract read it on (one printed line: one row of a table), its characters spread
// evenly over its width (so that a word read across an erased ruling is cut there, as a text
// run is). Each run keeps where it came from: the word and its confidence (OcrRun).
import type { Box, GlyphRun } from '../pdf/geometry.js';
import type { OcrWord } from './tesseract.js';
import { OCR_MISREADINGS } from '../../parse/glossary/prose.js';

/** A word read by OCR, in points, with tesseract's confidence (0-100). */
export interface OcrRun extends GlyphRun {
  confidence: number;
}

/** Full-width digits and separators in a number (chi_sim reads some so) → ASCII, as a text layer prints them. */
function asciiNumber(text: string): string {
  if (!/[0-9０-９]/.test(text)) return text;
  return text.replace(/[０-９，．－]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/**
 * Pieces of one number tesseract read as words of their own: "82," "096," "797." "42" (a font
 * that sets digits wide apart), joined when the gap between them is under a character's width.
 */
function joinNumberPieces(words: OcrWord[]): OcrWord[] {
  const out: OcrWord[] = [];
  for (const w of words) {
    const prev = out[out.length - 1];
    const height = w.lineBox[3] - w.lineBox[1];
    if (prev && prev.line === w.line && /\d[,.]$/.test(prev.text) && /^\d/.test(w.text) && w.box[0] - prev.box[2] < height * 0.8) {
      out[out.length - 1] = { ...prev, text: prev.text + w.text, confidence: Math.min(prev.confidence, w.confidence), box: [prev.box[0], Math.min(prev.box[1], w.box[1]), w.box[2], Math.max(prev.box[3], w.box[3])] };
    } else out.push(w);
  }
  return out;
}

/** Pixels → points: the image covers the page. */
export interface PageScale {
  /** Points per pixel, across and down. */
  x: number;
  y: number;
}

/** Marks alone: what tesseract makes of the white space a cell leaves (。 “ 〈), not what is printed. */
const MARKS_ONLY = /^[\p{P}\p{S}]+$/u;
/** A quote or bracket stuck to a code or amount ("”03", "。03"): nothing prints one there. */
const MARK_BEFORE_NUMBER = OCR_MISREADINGS.markBeforeNumber;

/**
 * A word as the page prints it: full-width digits made ASCII, a mark stuck before a number
 * dropped; null for a mark read alone with little confidence (under 50).
 */
function cleanWord(w: OcrWord): OcrWord | null {
  const text = asciiNumber(w.text.normalize('NFC')).replace(MARK_BEFORE_NUMBER, '');
  if (text === '' || (MARKS_ONLY.test(text) && w.confidence < 50)) return null;
  return { ...w, text };
}

export function wordsToRuns(words: readonly OcrWord[], scale: PageScale): OcrRun[] {
  const sorted = words.map(cleanWord).filter((w): w is OcrWord => w !== null);
  const byLine = new Map<string, OcrWord[]>();
  for (const w of sorted) byLine.set(w.line, [...(byLine.get(w.line) ?? []), w]);
  const runs: OcrRun[] = [];
  for (const line of byLine.values()) {
    line.sort((a, b) => a.box[0] - b.box[0]);
    for (const w of joinNumberPieces(line)) {
      const x0 = w.box[0] * scale.x;
      const x1 = w.box[2] * scale.x;
      const top = w.lineBox[1] * scale.y;
      const bottom = w.lineBox[3] * scale.y;
      const step = (x1 - x0) / w.text.length;
      runs.push({
        text: w.text,
        x0,
        x1,
        top,
        bottom,
        size: bottom - top,
        chars: [...w.text].length === w.text.length ? Array.from(w.text, (_, k) => ({ x0: x0 + k * step, x1: x0 + (k + 1) * step })) : undefined,
        confidence: w.confidence,
      });
    }
  }
  return runs;
}

export const runBox = (r: OcrRun): Box => [r.x0, r.top, r.x1, r.bottom];
