// The two programs OCR runs, Debian's own: poppler's pdftoppm (a page → gray pixels) and
// tesseract (pixels → words with boxes and confidences), through src/child-program.ts (a time
// limit and a cap on output each). A program that fails names its page as not read.
export { ProgramError as OcrProgramError, runProgram } from '../../child-program.js';
