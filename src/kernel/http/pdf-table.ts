import { Readable } from 'node:stream';
import PDFDocument from 'pdfkit';

export interface PdfColumn {
  title: string;
  width: number;
}

const ROW_HEIGHT = 12;
/** Produced PDF bytes allowed to wait for a slow reader before drawing pauses. */
const PDF_BACKLOG_BYTES = 1 << 20;

export interface PdfTableOptions<Row> {
  document: PDFKit.PDFDocumentOptions;
  columns: readonly PdfColumn[];
  /** Rows in batches as they are read; each batch is drawn, then drawing waits for the reader. */
  batches: AsyncIterable<readonly Row[]>;
  cells: (row: Row) => readonly string[];
  /** What comes before the table (title, profile…), drawn once on the first page. */
  preamble?: (doc: PDFKit.PDFDocument) => void;
  /** Written instead of rows when there were none. */
  empty?: string;
}

/**
 * A PDF whose table is drawn batch by batch while the reader pulls the bytes: the header repeats
 * on every page, and drawing pauses while more than 1 MiB waits unread, so a large export keeps
 * memory flat. A failure mid-way destroys the stream (the download is cut, not truncated silently).
 */
export function pdfTableStream<Row>(options: PdfTableOptions<Row>): ReadableStream<Uint8Array> {
  const doc = new PDFDocument({ ...options.document, bufferPages: false });
  const header = () => {
    doc.font('Helvetica-Bold').fillColor('#000');
    drawCells(
      doc,
      options.columns,
      options.columns.map((column) => column.title),
    );
    doc.font('Helvetica');
  };
  const draw = async () => {
    options.preamble?.(doc);
    header();
    let rows = 0;
    for await (const batch of options.batches) {
      for (const row of batch) {
        if (doc.y > doc.page.height - doc.page.margins.bottom - ROW_HEIGHT) {
          doc.addPage();
          header();
        }
        drawCells(doc, options.columns, options.cells(row));
        rows += 1;
      }
      while (doc.readableLength > PDF_BACKLOG_BYTES) await new Promise((resolve) => setTimeout(resolve, 10));
    }
    if (rows === 0 && options.empty) doc.text(options.empty);
    doc.end();
  };
  draw().catch((error) => doc.destroy(error instanceof Error ? error : new Error(String(error))));
  return Readable.toWeb(doc) as ReadableStream<Uint8Array>;
}

function drawCells(doc: PDFKit.PDFDocument, columns: readonly PdfColumn[], values: readonly string[]): void {
  const y = doc.y;
  let x = doc.page.margins.left;
  values.forEach((value, index) => {
    const width = columns[index]?.width ?? 60;
    doc.text(value, x, y, { width: width - 4, height: ROW_HEIGHT, lineBreak: false, ellipsis: true });
    x += width;
  });
  doc.x = doc.page.margins.left;
  doc.y = y + ROW_HEIGHT;
}
