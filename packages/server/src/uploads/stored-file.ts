/**
 * What every stored upload records beside its owner: a clean name, the sniffed content type, size, SHA-256, the
 * bytes, when and by whom. Agreement documents and milestone evidence files both store these fields.
 */
import { createHash } from 'node:crypto';
import type { ServiceContext } from '../context.ts';
import type { UploadedFile } from './multipart.ts';

const PDF_MAGIC = Buffer.from('%PDF-', 'latin1');

/** True when the bytes start with the PDF signature `%PDF-` (the declared content type is not trusted). */
export function isPdf(bytes: Buffer): boolean {
  return bytes.length >= PDF_MAGIC.length && bytes.subarray(0, PDF_MAGIC.length).equals(PDF_MAGIC);
}

/** A file name safe for storage and the Content-Disposition header. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? 'document.pdf';
  const cleaned = [...base]
    .filter((c) => c.charCodeAt(0) >= 32 && c !== '"')
    .join('')
    .slice(0, 200)
    .trim();
  return cleaned || 'document.pdf';
}

/** The stored fields of an upload whose bytes were checked to be `contentType`, uploaded now by the actor. */
export function storedFileFields(ctx: ServiceContext, file: UploadedFile, contentType: string) {
  return {
    fileName: cleanFileName(file.fileName),
    contentType,
    sizeBytes: file.buffer.length,
    sha256: createHash('sha256').update(file.buffer).digest('hex'),
    content: file.buffer,
    uploadedAt: ctx.now(),
    uploadedBy: ctx.actor.userId > 0 ? ctx.actor.userId : null,
  };
}
