import pdfmake, { type PdfContent, type PdfDocument } from 'pdfmake';

export type { PdfContent, PdfDocument };

/** The CJK font ships with an npm package, so no system font is needed (a subset of it is embedded). */
const FONT = require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf');
/** The font's name in a document's `defaultStyle`. */
export const CJK_FONT = 'NotoSansSC';
pdfmake.setFonts({ [CJK_FONT]: { normal: FONT, bold: FONT, italics: FONT, bolditalics: FONT } });
// Documents are built from data only: no URL or file besides the font is ever read.
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy((path) => path === FONT);

/** Renders a pdfmake document definition (pdfmake's docs, "Document definition object") to PDF bytes. */
export function renderPdf(document: PdfDocument): Promise<Buffer> {
  return pdfmake.createPdf(document).getBuffer();
}
