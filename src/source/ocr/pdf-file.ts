// The document's PDF on disk for the time of its OCR (#39 item 4 of the round): pdftoppm renders
// one scanned page at a time, and given the PDF on its stdin it read and parsed the whole file
// again for every page (a 30-page 300-dpi scan is 16.85 MB piped 30 times). Written once per
// document, given to each pdftoppm by name with -f/-l, and removed when OCR is done: the file
// holds the document as posted, personal data too, so it is the owner's alone (0600) in a
// directory of its own (0700), and is removed whatever happens.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface PdfFile {
  /** Where the PDF is written, for pdftoppm to read it by name. */
  readonly path: string;
}

/** Runs `use` with the PDF written to a file of its own, removed afterwards (also on a throw). */
export async function withPdfFile<T>(pdf: Uint8Array, use: (file: PdfFile) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'budget-graph-ocr-'));
  try {
    const path = join(dir, 'document.pdf');
    await writeFile(path, pdf, { mode: 0o600 });
    return await use({ path });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
