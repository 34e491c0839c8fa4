/**
 * Evidence files of milestones (issue 13 item 5): uploaded by the project's writers (admin, coordinators) or the
 * milestone's owner, read by staff and the owner, each upload and deletion audited (`milestone_file`). The bytes
 * are checked, not the declared type: PDF, PNG or JPEG only; the size limit is the uploads module's.
 */
import type { MilestoneFile } from '@kadr/contracts';
import {
  type MilestoneFileRecord,
  type MilestoneRecord,
  milestoneFilesRepository,
  milestonesRepository,
} from '@kadr/db';
import type { Attachment } from '../attachment.ts';
import { recordChange } from '../audit/audit.service.ts';
import { inTransaction, type ServiceContext } from '../context.ts';
import { AppError, notFound } from '../errors.ts';
import type { UploadedFile } from '../uploads/multipart.ts';
import { isPdf, storedFileFields } from '../uploads/stored-file.ts';

/** The most files one milestone keeps. */
export const MAX_MILESTONE_FILES = 20;

/** Admin and coordinators write projects and milestones. */
export const isWriter = (ctx: ServiceContext) =>
  ctx.actor.role === 'admin' || ctx.actor.role === 'coordinator';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const JPEG = Buffer.from([0xff, 0xd8, 0xff]);
const startsWith = (bytes: Buffer, magic: Buffer) =>
  bytes.length >= magic.length && bytes.subarray(0, magic.length).equals(magic);

/** The type of an evidence file told by its first bytes: PDF, PNG or JPEG; undefined for anything else. */
export function evidenceTypeOf(bytes: Buffer): MilestoneFile['contentType'] | undefined {
  if (isPdf(bytes)) return 'application/pdf';
  if (startsWith(bytes, PNG)) return 'image/png';
  if (startsWith(bytes, JPEG)) return 'image/jpeg';
  return undefined;
}

/** A stored file as the API answers it. */
export function presentMilestoneFile(f: MilestoneFileRecord): MilestoneFile {
  return {
    ...f,
    contentType: f.contentType as MilestoneFile['contentType'],
    uploadedAt: f.uploadedAt.toISOString(),
  };
}

/**
 * The milestone if the actor may see it (writers, officers, its owner), else NOT_FOUND; with `write`, FORBIDDEN for
 * staff who may see but not change it.
 */
async function visibleMilestone(
  ctx: ServiceContext,
  db: ServiceContext['db'],
  id: number,
  write: boolean,
): Promise<MilestoneRecord> {
  const milestone = await milestonesRepository.findById(db, id);
  const isOwner = milestone?.ownerId === ctx.actor.userId;
  if (!milestone || (!isWriter(ctx) && !isOwner && ctx.actor.role !== 'officer'))
    throw notFound('milestone', id);
  if (write && !isWriter(ctx) && !isOwner)
    throw new AppError('FORBIDDEN', {
      message: "Only the milestone's owner, an admin or a coordinator may change its evidence",
    });
  return milestone;
}

/** Stores a file as evidence of a milestone; UNSUPPORTED_FILE_TYPE unless PDF, PNG or JPEG. */
export async function storeMilestoneFile(
  ctx: ServiceContext,
  milestoneId: number,
  file: UploadedFile,
): Promise<MilestoneFile> {
  const contentType = evidenceTypeOf(file.buffer);
  return inTransaction(ctx, async (tx) => {
    await visibleMilestone(ctx, tx, milestoneId, true);
    if (!contentType)
      throw new AppError('UNSUPPORTED_FILE_TYPE', {
        message: 'Evidence files are PDF, PNG or JPEG (told by the first bytes of the file)',
      });
    if ((await milestoneFilesRepository.ofMilestones(tx, [milestoneId])).length >= MAX_MILESTONE_FILES)
      throw new AppError('CONFLICT', {
        message: `A milestone keeps at most ${MAX_MILESTONE_FILES} files; delete one first`,
      });
    const stored = await milestoneFilesRepository.create(tx, {
      milestoneId,
      ...storedFileFields(ctx, file, contentType),
    });
    await recordChange(tx, ctx, {
      action: 'create',
      entity: 'milestone_file',
      entityId: stored.id,
      before: null,
      after: stored,
    });
    return presentMilestoneFile(stored);
  });
}

/** A file as a download (its SHA-256 in x-content-sha256), if the actor may see its milestone; else NOT_FOUND. */
export async function readMilestoneFile(ctx: ServiceContext, id: number): Promise<Attachment> {
  const found = await milestoneFilesRepository.findContent(ctx.db, id);
  if (!found) throw notFound('file', id);
  await visibleMilestone(ctx, ctx.db, found.milestoneId, false).catch(() => {
    throw notFound('file', id);
  });
  const headers = { 'x-content-sha256': found.sha256 };
  return { body: found.content, type: found.contentType, fileName: found.fileName, headers };
}

/** Deletes a file (writers and the milestone's owner), audited. */
export async function deleteMilestoneFile(ctx: ServiceContext, id: number): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const before = await milestoneFilesRepository.findById(tx, id);
    if (!before) throw notFound('file', id);
    await visibleMilestone(ctx, tx, before.milestoneId, true);
    await milestoneFilesRepository.delete(tx, id);
    await recordChange(tx, ctx, {
      action: 'delete',
      entity: 'milestone_file',
      entityId: id,
      before,
      after: null,
    });
  });
}
