import type { AgreementDocument } from '@kadr/contracts';
import { agreementDocumentsRepository, obligationsRepository } from '@kadr/db';
import { type Attachment, PDF_TYPE } from '../attachment.ts';
import { recordChange } from '../audit/audit.service.ts';
import { inTransaction, type ServiceContext } from '../context.ts';
import { AppError, notFound } from '../errors.ts';
import type { UploadedFile } from '../uploads/multipart.ts';
import { isPdf, storedFileFields } from '../uploads/stored-file.ts';
import { requireVisibleAgreement } from './agreements.service.ts';
import { presentDocument } from './presenters.ts';

/**
 * Stores a PDF for an agreement, or as evidence of one of its obligations (admin). Refuses
 * anything that does not start with `%PDF-` with UNSUPPORTED_FILE_TYPE.
 */
export async function storeDocument(
  ctx: ServiceContext,
  target: { agreementId: number } | { obligationId: number },
  file: UploadedFile,
): Promise<AgreementDocument> {
  if (!isPdf(file.buffer))
    throw new AppError('UNSUPPORTED_FILE_TYPE', {
      message: 'Only PDF documents are accepted (the file does not start with %PDF-)',
    });
  let agreementId: number;
  let obligationId: number | null = null;
  if ('obligationId' in target) {
    const obligation = await obligationsRepository.findById(ctx.db, target.obligationId);
    if (!obligation) throw notFound('obligation', target.obligationId);
    agreementId = obligation.agreementId;
    obligationId = obligation.id;
  } else {
    agreementId = (await requireVisibleAgreement(ctx, target.agreementId)).id;
  }
  return inTransaction(ctx, async (tx) => {
    const stored = await agreementDocumentsRepository.create(tx, {
      agreementId,
      obligationId,
      ...storedFileFields(ctx, file, 'application/pdf'),
    });
    await recordChange(tx, ctx, {
      action: 'create',
      entity: 'agreement_document',
      entityId: stored.id,
      before: null,
      after: stored,
    });
    return presentDocument(stored);
  });
}

/** A document as a download (its SHA-256 in x-content-sha256), if the actor may see its agreement; else NOT_FOUND. */
export async function readDocument(ctx: ServiceContext, id: number): Promise<Attachment> {
  const found = await agreementDocumentsRepository.findContent(ctx.db, id);
  if (!found) throw notFound('document', id);
  await requireVisibleAgreement(ctx, found.agreementId).catch(() => {
    throw notFound('document', id);
  });
  const headers = { 'x-content-sha256': found.sha256 };
  return { body: found.content, type: PDF_TYPE, fileName: found.fileName, headers };
}

/** Deletes a document (admin). */
export async function deleteDocument(ctx: ServiceContext, id: number): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const before = await agreementDocumentsRepository.findById(tx, id);
    if (!before) throw notFound('document', id);
    await agreementDocumentsRepository.delete(tx, id);
    await recordChange(tx, ctx, {
      action: 'delete',
      entity: 'agreement_document',
      entityId: id,
      before,
      after: null,
    });
  });
}
