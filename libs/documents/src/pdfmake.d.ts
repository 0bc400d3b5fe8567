/*
 * The few pdfmake calls the package renderer makes. @types/pdfmake is not used: it pulls the DOM library
 * into every file of the project (its `/// <reference lib="dom" />`), which changes Node's own types.
 */
declare module 'pdfmake' {
  /** A document definition (pdfmake's docs, "Document definition object"): content, styles, page settings. */
  export type PdfDocument = Record<string, unknown>;
  export type PdfContent = string | Record<string, unknown>;
  interface PdfMake {
    setFonts(fonts: Record<string, { normal: string; bold: string; italics: string; bolditalics: string }>): void;
    setUrlAccessPolicy(allow: (url: string) => boolean): void;
    setLocalAccessPolicy(allow: (path: string) => boolean): void;
    createPdf(document: PdfDocument): { getBuffer(): Promise<Buffer> };
  }
  const pdfmake: PdfMake;
  export default pdfmake;
}
