// tesseract (Debian's tesseract-ocr with tesseract-ocr-chi-sim) as a reader of words: an image in,
// each word out with its box in pixels, its line and tesseract's confidence (0-100).
import { toPgm, type GrayImage } from './gray-image.js';
import { runProgram } from './processes.js';

export interface OcrWord {
  text: string;
  /** tesseract's confidence in the word, 0-100. */
  confidence: number;
  /** [left, top, right, bottom] in pixels. */
  box: [number, number, number, number];
  /** The line tesseract set the word on ("block.paragraph.line"), and that line's box. */
  line: string;
  lineBox: [number, number, number, number];
}

export const OCR_LANGUAGES = 'chi_sim';

/**
 * Is tesseract installed with the languages read here? Asked once per process. `program` for
 * tests (a name that is not installed: the build without OCR).
 */
const asked = new Map<string, Promise<boolean>>();
export function tesseractReady(program = 'tesseract'): Promise<boolean> {
  let answer = asked.get(program);
  if (!answer) {
    answer = runProgram(program, ['--list-langs'], null, 10_000, 64 * 1024)
      .then((out) => {
        const langs = new Set(out.toString('utf8').split(/\s+/));
        return OCR_LANGUAGES.split('+').every((l) => langs.has(l));
      })
      .catch(() => false);
    asked.set(program, answer);
  }
  return answer;
}

/**
 * The words of an image. `--psm 6`: the page read as one block of lines, so that a table's row
 * is one line of words left to right (the table's cells come from its rulings, not from
 * tesseract's layout analysis, which cuts a ruled table into noise). One thread: the machine's
 * cores are shared with the server, and tesseract's OpenMP threads cost more than they give.
 */
export async function recognise(img: GrayImage, dpi: number, timeoutMs: number, program = 'tesseract'): Promise<OcrWord[]> {
  const tsv = await runProgram(program, ['stdin', 'stdout', '-l', OCR_LANGUAGES, '--psm', '6', '--dpi', String(dpi), 'tsv'], toPgm(img), timeoutMs, 16 * 1024 * 1024, { ...process.env, OMP_THREAD_LIMIT: '1' });
  return parseTsv(tsv.toString('utf8'));
}

/** tesseract's TSV: level, page, block, paragraph, line, word, left, top, width, height, conf, text. */
export function parseTsv(tsv: string): OcrWord[] {
  const lines = new Map<string, [number, number, number, number]>();
  const words: OcrWord[] = [];
  for (const row of tsv.split('\n').slice(1)) {
    const f = row.split('\t');
    if (f.length < 12) continue;
    // Twelve fields at least (checked above): the defaults are never taken.
    const [level, , block, par, line, , left = NaN, top = NaN, width = NaN, height = NaN, conf = NaN] = f.map(Number);
    const key = `${block}.${par}.${line}`;
    const box: [number, number, number, number] = [left, top, left + width, top + height];
    if (level === 4) lines.set(key, box);
    const text = f.slice(11).join('\t').trim();
    if (level === 5 && text !== '') words.push({ text, confidence: Math.max(0, conf), box, line: key, lineBox: lines.get(key) ?? box });
  }
  return words;
}
