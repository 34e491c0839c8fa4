/**
 * A file a download route answers (`api.download` in plugins/declare-routes.ts): its bytes, its content type,
 * the file name of its attachment disposition and any extra headers (a SHA-256, say).
 */
export interface Attachment {
  body: Buffer;
  type: string;
  fileName: string;
  headers?: Record<string, string>;
}

/** The content type of a PDF. */
export const PDF_TYPE = 'application/pdf';
/** The content type of an XLSX workbook. */
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
