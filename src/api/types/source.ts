import { Field, Float, Int, ObjectType } from 'type-graphql';

/** Where page boxes are measured from: said once, in every Box's description. */
const ORIGIN = 'PDF points (1/72 inch) from the top-left corner of the page (of its MediaBox/CropBox, unrotated), y growing downwards, as pdf.js’ viewport and pdfplumber’s top/bottom give them; to PDF user space (origin bottom-left) take y = page height − y.';

@ObjectType({ simpleResolvers: true, description: `A rectangle printed on a page of a PDF: a table row, a paragraph's first printed line, or one cell. ${ORIGIN} To draw it on a page rendered at R dpi, multiply by R/72.` })
export class Box {
  @Field(() => Int, { description: 'The page it is printed on (1-based).' })
  page!: number;

  @Field(() => Float, { description: 'Left edge, points from the left of the page.' })
  x0!: number;

  @Field(() => Float, { description: 'Top edge, points from the top of the page.' })
  y0!: number;

  @Field(() => Float, { description: 'Right edge, points from the left of the page.' })
  x1!: number;

  @Field(() => Float, { description: 'Bottom edge, points from the top of the page (y1 ≥ y0).' })
  y1!: number;

  @Field(() => String, { nullable: true, description: 'For a cell (Source.cells): its text as printed (the line’s tab-separated cell at the same position), so a fact’s amount or name finds its cell; null for a line’s box.' })
  text!: string | null;

  @Field(() => Int, { nullable: true, description: 'For a cell (Source.cells): its position among the line’s tab-separated cells (0-based); null for a line’s box.' })
  index!: number | null;

  @Field(() => Boolean, { nullable: true, description: 'For a cell (Source.cells): true for a cell the fact was read from (a 科目 line’s code, name and amount cells, a 合计 row’s label and amounts, a 三公 record’s figures, a payment’s serial, item and amount, a form’s label and value, an indicator’s levels, name and values, a self-evaluation’s 资金总额 label and figures, a figure’s value and the label naming its row — a 收支总表 item on its own side, a 合计 column, a form’s money figure, a score —, a listed project’s cells), false for another cell of the line (cells(all: true)); null when the parser does not say which cells its records read, and for a line’s box.' })
  read!: boolean | null;

  @Field(() => Int, { nullable: true, description: 'For a cell of a scanned page read by OCR: the lowest confidence (0-100, tesseract’s) of the words OCR read in it; null for a text layer’s cell, a cell OCR read nothing in, and a line’s box.' })
  ocrConfidence!: number | null;
}

@ObjectType({ simpleResolvers: true, description: 'Provenance (出处) of a fact: the document, table and line it was read from, that line as printed, and for a PDF the page and box it is printed in (page, box, cells) and, for a scanned page read by OCR, how sure OCR was (ocrConfidence).' })
export class Source {
  /** Resolved to `document` by SourceResolver. */
  documentId!: string;

  /** Which of its line's records the fact is (src/model/read-keys.ts), so that cells serves its own; absent for a kind alone on its line. */
  readKey?: string;

  @Field(() => String, { nullable: true, description: 'Title of the table (表) the line belongs to, as printed; "正文" for prose.' })
  table!: string | null;

  @Field(() => Int, { nullable: true, description: 'Line number in the document text (1-based).' })
  line!: number | null;

  @Field(() => String, { nullable: true, description: 'The source line as printed (cells separated by tabs).' })
  text!: string | null;
}
