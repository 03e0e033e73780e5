import { createRequire } from "node:module";
import PDFDocument from "pdfkit";
import { dateJa } from "./document-facts.ts";
import { yen, type PrintDocument } from "./print-model.ts";

/**
 * A printed document (print-model.ts) as a PDF with selectable Japanese text, made without a
 * browser: pdfkit embeds a subset of Noto Sans JP (static TrueType from npm; WOFF2 and CFF subsets
 * render blank in some readers). The same inputs give the same bytes: the dates in the file are
 * the document's own issue date, and nothing else varies between runs.
 */
const require = createRequire(import.meta.url);
const REGULAR = require.resolve("@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf");
const BOLD = require.resolve("@expo-google-fonts/noto-sans-jp/700Bold/NotoSansJP_700Bold.ttf");

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 40;
const WIDTH = A4.width - 2 * MARGIN;
const BOTTOM = A4.height - MARGIN;

export function documentPdf(d: PrintDocument): Promise<Buffer> {
  const issued = new Date(`${d.issuedOn}T00:00:00+09:00`);
  const pdf = new PDFDocument({
    size: "A4",
    margin: MARGIN,
    lang: "ja-JP",
    displayTitle: true,
    info: { Title: d.pageTitle, Creator: "kawaraban", Producer: "kawaraban", CreationDate: issued, ModDate: issued },
  });
  const chunks: Buffer[] = [];
  pdf.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => pdf.on("end", () => resolve(Buffer.concat(chunks))));
  pdf.registerFont("jp", REGULAR);
  pdf.registerFont("jp-bold", BOLD);
  draw(pdf, d);
  pdf.end();
  return done;
}

type Pdf = InstanceType<typeof PDFDocument>;

function draw(pdf: Pdf, d: PrintDocument): void {
  pdf.font("jp-bold").fontSize(17).text(d.title, MARGIN, MARGIN, { width: WIDTH, align: "center" });
  let y = pdf.y + 3;
  pdf
    .moveTo(MARGIN, y)
    .lineTo(MARGIN + WIDTH, y)
    .lineWidth(1.5)
    .stroke();
  pdf
    .font("jp")
    .fontSize(9)
    .text(`発行日 ${dateJa(d.issuedOn)}`, MARGIN, y + 6, { width: WIDTH, align: "right" });
  pdf.text(`番号 ${d.number}`, { width: WIDTH, align: "right" });
  y = parties(pdf, d, pdf.y + 8);
  pdf
    .font("jp")
    .fontSize(10)
    .text(d.lead, MARGIN, y + 6, { width: WIDTH });
  y = pdf.y + 6;
  pdf.rect(MARGIN, y, WIDTH, 30).lineWidth(1.5).stroke();
  pdf.fontSize(13).text(d.amount.label, MARGIN + 12, y + 8, { width: WIDTH / 2 });
  pdf
    .font("jp-bold")
    .fontSize(14)
    .text(yen(d.amount.value), MARGIN, y + 7, { width: WIDTH - 12, align: "right" });
  pdf
    .font("jp")
    .fontSize(10)
    .text(d.due, MARGIN, y + 38, { width: WIDTH });
  y = table(pdf, d, pdf.y + 6);
  pdf.font("jp").fontSize(10);
  for (const line of d.after) {
    pdf.text(line, MARGIN, y + 4, { width: WIDTH });
    y = pdf.y;
  }
  pdf.fontSize(8).fillColor("#333");
  for (const note of d.notes.filter((n) => !n.screenOnly)) {
    pdf.text(note.text, MARGIN, y + 4, { width: WIDTH, lineGap: 1 });
    y = pdf.y;
  }
  pdf.fillColor("black");
}

/** Addressee on the left, issuer on the right; returns the y below both. */
function parties(pdf: Pdf, d: PrintDocument, top: number): number {
  const half = WIDTH / 2 - 10;
  pdf.font("jp").fontSize(13).text(d.to.line, MARGIN, top, { width: half });
  const under = pdf.y + 1;
  pdf
    .moveTo(MARGIN, under)
    .lineTo(MARGIN + half, under)
    .lineWidth(0.8)
    .stroke();
  pdf.fontSize(9);
  let left = under + 3;
  for (const e of d.to.extra) {
    pdf.text(e, MARGIN, left, { width: half });
    left = pdf.y;
  }
  let right = top;
  for (const line of d.from) {
    pdf.font(line.strong ? "jp-bold" : "jp").fillColor(line.blank ? "#555" : "black");
    pdf.text(line.text, MARGIN + WIDTH / 2, right, { width: WIDTH / 2, align: "right" });
    right = pdf.y;
  }
  pdf.font("jp").fillColor("black");
  return Math.max(left, right);
}

/** The lines and their totals, with borders; a row that would cross the bottom starts a new page under the header again. */
function table(pdf: Pdf, d: PrintDocument, top: number): number {
  const widths = columnWidths(d);
  const xs = widths.map((_, i) => MARGIN + widths.slice(0, i).reduce((a, b) => a + b, 0));
  const pad = 4;
  const header = () => {
    const h = 16;
    pdf.rect(MARGIN, y, WIDTH, h).fillAndStroke("#eeeeee", "#555555");
    pdf.fillColor("black").font("jp").fontSize(9);
    d.columns.forEach((c, i) => {
      pdf.text(c.label, xs[i]! + pad, y + 3, { width: widths[i]! - 2 * pad, align: c.numeric ? "right" : "left" });
    });
    y += h;
  };
  let y = top;
  header();
  for (const row of d.rows) {
    pdf.fontSize(9);
    const noteText = (row.notes ?? []).join("\n");
    const heights = row.cells.map((text, i) => pdf.heightOfString(text, { width: widths[i]! - 2 * pad }));
    const notesHeight = noteText ? pdf.fontSize(7.5).heightOfString(noteText, { width: widths[1]! - 2 * pad }) : 0;
    const h = Math.max(...heights.map((v, i) => v + (i === 1 ? notesHeight : 0))) + 2 * pad - 2;
    if (y + h > BOTTOM) {
      pdf.addPage();
      y = MARGIN;
      header();
    }
    row.cells.forEach((text, i) => {
      pdf.rect(xs[i]!, y, widths[i]!, h).lineWidth(0.6).stroke("#555555");
      pdf
        .fillColor("black")
        .fontSize(9)
        .text(text, xs[i]! + pad, y + pad - 1, { width: widths[i]! - 2 * pad, align: d.columns[i]?.numeric ? "right" : "left" });
      if (i === 1 && noteText)
        pdf
          .fillColor("#333")
          .fontSize(7.5)
          .text(noteText, { width: widths[i]! - 2 * pad });
    });
    y += h;
  }
  for (const t of d.totals) {
    const h = 16;
    const labelWidth = WIDTH - widths.at(-1)!;
    pdf
      .rect(MARGIN, y, labelWidth, h)
      .rect(MARGIN + labelWidth, y, widths.at(-1)!, h)
      .lineWidth(0.6)
      .stroke("#555555");
    pdf
      .fillColor("black")
      .font(t.strong ? "jp-bold" : "jp")
      .fontSize(9);
    pdf.text(t.label, MARGIN + pad, y + 3, { width: labelWidth - 2 * pad, align: "right" });
    pdf.text(`${t.negative ? "−" : ""}${yen(t.amount)}`, MARGIN + labelWidth + pad, y + 3, { width: widths.at(-1)! - 2 * pad, align: "right" });
    y += h;
  }
  pdf.font("jp");
  return y + 4;
}

/** A narrow date and amount around a wide content column; numbers keep their width. */
function columnWidths(d: PrintDocument): number[] {
  if (d.columns.length === 3 && d.columns[2]?.numeric && !d.columns[1]?.numeric) return [72, WIDTH - 72 - 82, 82];
  const fixed = d.columns.map((c): number => (c.numeric ? 90 : 0));
  const free = (WIDTH - fixed.reduce((a, b) => a + b, 0)) / Math.max(1, fixed.filter((w) => w === 0).length);
  return fixed.map((w) => w || free);
}
