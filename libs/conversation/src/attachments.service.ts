import { createReadStream } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AppConfig } from '@opvolging/config';
import { Database } from '@opvolging/database';
import { Actor, Clock, DomainError, ErrorCode, Role } from '@opvolging/shared';
import { attachmentRepository, AttachmentRow } from './attachments.repository';
import { checkContent } from './content-type';
import { BlobStorage } from './storage';
import { inspectorsSee, readableVisibilities, requireParticipantRole, resolveThread, SubjectType, Thread, Visibility } from './thread';
import { VirusScanner } from './virus-scanner';

/** A file received in full (spooled to a temporary file while hashing and counting). */
export interface ReceivedFile {
  path: string;
  fileName: string;
  size: number;
  sha256: string;
}

export interface ConsistencyReport {
  /** Rows (not deleted) whose bytes are not in storage. */
  missingBytes: Array<{ id: string; fileName: string; storageKey: string }>;
  /** Objects in storage without any row (an upload cut off between storing and recording), older than the grace period. */
  orphans: string[];
  /** Deleted rows whose bytes are still in storage (a removal that failed). */
  undeletedBytes: string[];
  repaired: number;
}

/** Who may attach evidence to what: the organisation to its measures and audit, inspectors to a verification, an author to a comment. */
const UPLOADERS: Record<Exclude<SubjectType, SubjectType.PLAN | SubjectType.COMMENT>, Role[]> = {
  [SubjectType.MEASURE]: [Role.ORGANISATION_MEMBER],
  [SubjectType.INTERNAL_AUDIT]: [Role.ORGANISATION_MEMBER],
  [SubjectType.VERIFICATION]: [Role.INSPECTOR],
  // The decision and the organisation's progress reports and proof of compliance.
  [SubjectType.ENFORCEMENT_MEASURE]: [Role.INSPECTOR, Role.ORGANISATION_MEMBER],
};

/**
 * Evidence files: metadata in PostgreSQL, bytes in BlobStorage. An upload stores the bytes first
 * and records the row after; if recording fails the bytes are removed again, and bytes left by a
 * crash in between are orphans that `check-storage` reports and removes. Nothing is half-visible.
 */
@Injectable()
export class AttachmentsService {
  private readonly logger = new Logger(AttachmentsService.name);

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly config: AppConfig,
    readonly storage: BlobStorage,
    private readonly scanner: VirusScanner,
  ) {}

  /** Checked before the bytes are read, and again when they are recorded. */
  async mayUpload(actor: Actor, subjectType: SubjectType, subjectId: string): Promise<void> {
    await this.db.transaction(actor, ({ em }) => this.uploadTarget(em, actor, subjectType, subjectId));
  }

  async upload(actor: Actor, subjectType: SubjectType, subjectId: string, file: ReceivedFile): Promise<AttachmentRow> {
    await this.mayUpload(actor, subjectType, subjectId);
    const content = await checkContent(file.path, file.fileName);
    if (!content.ok) throw DomainError.badInput(`The file was refused: ${content.reason}.`, [{ path: 'file', message: content.reason }]);
    let scan;
    try {
      scan = await this.scanner.scan(file.path);
    } catch (error) {
      this.logger.error(`virus scan failed: ${(error as Error).message}`);
      throw new DomainError(
        ErrorCode.SERVICE_UNAVAILABLE,
        'The virus scanner does not answer; the file was not accepted. Try again later.',
      );
    }
    if (scan.scanned && !scan.clean)
      throw DomainError.badInput(`The file was refused: the virus scanner found ${scan.signature}.`, [
        { path: 'file', message: 'virus found' },
      ]);
    const id = randomUUID();
    const key = `${id.slice(0, 2)}/${id}`;
    await this.storage.put(key, () => createReadStream(file.path), file.size);
    try {
      return await this.db.transaction(actor, async ({ em }) => {
        const { thread, visibility } = await this.uploadTarget(em, actor, subjectType, subjectId);
        // One upload at a time per item, so two cannot both slip under the per-item limit.
        await attachmentRepository.lockItem(em, subjectId);
        const used = await attachmentRepository.usedBytes(em, subjectId);
        const max = this.config.ATTACHMENT_MAX_BYTES_PER_ITEM;
        if (used + file.size > max)
          throw DomainError.badInput(`This item already holds ${megabytes(used)} of files; together at most ${megabytes(max)}.`, [
            { path: 'file', message: `at most ${megabytes(max)} per item` },
          ]);
        return attachmentRepository.insert(em, {
          id,
          investigationId: thread.investigationId,
          planId: thread.planId,
          organisationId: thread.organisationId,
          subjectType,
          subjectId,
          visibility,
          fileName: file.fileName,
          contentType: content.contentType,
          sizeBytes: file.size,
          sha256: file.sha256,
          storageKey: key,
          scanned: scan.scanned ? 'CLEAN' : 'NOT_SCANNED',
          uploadedBy: actor.userId,
          uploadedAt: this.clock.now(),
        });
      });
    } catch (error) {
      await this.storage.delete(key).catch((e) => this.logger.error(`could not remove the bytes of a refused upload ${key}: ${e.message}`));
      throw error;
    }
  }

  /** The files of an item the actor may see (deleted ones as tombstones, without bytes). */
  async ofSubject(actor: Actor, subjectType: SubjectType, subjectId: string): Promise<AttachmentRow[]> {
    requireParticipantRole(actor, 'see evidence files');
    return this.db.transaction(actor, async ({ em }) => {
      const thread = await this.readableThread(em, actor, subjectType, subjectId);
      return attachmentRepository.ofSubject(em, subjectType, subjectId, readableVisibilities(actor), thread.organisationId);
    });
  }

  /** One file for download; NOT_FOUND for anyone who may not see its item (reviewers included), and for deleted files. */
  async open(actor: Actor, id: string): Promise<{ row: AttachmentRow; body: Readable }> {
    if (actor.role !== Role.INSPECTOR && actor.role !== Role.ORGANISATION_MEMBER) throw DomainError.notFound('Attachment', id);
    const row = await this.db.transaction(actor, async ({ em }) => {
      const r = await attachmentRepository.live(em, id, readableVisibilities(actor));
      if (!r) throw DomainError.notFound('Attachment', id);
      await this.readableThread(em, actor, r.subjectType, r.subjectId).catch(() => {
        throw DomainError.notFound('Attachment', id);
      });
      return r;
    });
    const body = await this.storage.get(row.storageKey);
    if (!body) {
      this.logger.error(`attachment ${row.id}: bytes missing from storage (${row.storageKey}); run check-storage`);
      throw new DomainError(
        ErrorCode.NOT_FOUND,
        `The content of attachment ${id} is missing from storage; the administrators can find it with check-storage.`,
      );
    }
    return { row, body };
  }

  /** The uploader deletes a file: the row becomes a tombstone (name, size, SHA-256 kept), the bytes are removed after commit. */
  async remove(actor: Actor, data: { id: string; expectedVersion: number }): Promise<AttachmentRow> {
    requireParticipantRole(actor, 'delete evidence files');
    return this.db.transaction(actor, async (tx) => {
      const current = await attachmentRepository.lock(tx.em, data.id, readableVisibilities(actor));
      if (!current) throw DomainError.notFound('Attachment', data.id);
      await this.readableThread(tx.em, actor, current.subjectType, current.subjectId).catch(() => {
        throw DomainError.notFound('Attachment', data.id);
      });
      if (current.uploadedBy !== actor.userId) throw DomainError.forbidden('Only the person who uploaded a file may delete it.');
      if (current.deletedAt)
        throw new DomainError(ErrorCode.INVALID_TRANSITION, 'This file was deleted already.', {
          aggregate: 'attachment',
          action: 'delete',
          from: 'DELETED',
          allowedFrom: ['ACTIVE'],
        });
      if (current.version !== data.expectedVersion)
        throw DomainError.conflict('Attachment', data.id, data.expectedVersion, current.version);
      const row = await attachmentRepository.tombstone(tx.em, data.id, this.clock.now(), actor.userId);
      tx.afterCommit(() => this.storage.delete(current.storageKey));
      return row;
    });
  }

  /** Attachments of many items at once, for exports and the progress report (read as the requesting user). */
  async ofPlans(actor: Actor, planIds: readonly string[]): Promise<AttachmentRow[]> {
    if (!planIds.length || (actor.role !== Role.INSPECTOR && actor.role !== Role.ORGANISATION_MEMBER)) return [];
    const rows = await this.db.transaction(actor, ({ em }) => attachmentRepository.ofPlans(em, planIds, readableVisibilities(actor)));
    const visible: AttachmentRow[] = [];
    await this.db.transaction(actor, async ({ em }) => {
      for (const r of rows)
        if (
          await this.readableThread(em, actor, r.subjectType, r.subjectId).then(
            () => true,
            () => false,
          )
        )
          visible.push(r);
    });
    return visible;
  }

  /**
   * Rows without bytes, bytes without rows (older than an hour, so uploads in flight are left
   * alone) and deleted rows whose bytes remain. With `repair`, removes the last two kinds; rows
   * without bytes are only reported (the file must come from a backup or the uploader).
   */
  async checkConsistency(repair = false, graceMs = 3_600_000): Promise<ConsistencyReport> {
    const rows = await this.db.transaction(null, ({ em }) => attachmentRepository.storageKeys(em));
    const byKey = new Map(rows.map((r) => [r.storageKey, r]));
    const report: ConsistencyReport = { missingBytes: [], orphans: [], undeletedBytes: [], repaired: 0 };
    const present = new Set<string>();
    // Storage stamps objects with the wall clock, not the product's Clock.
    const now = Date.now();
    for await (const { key, modifiedAt } of this.storage.list()) {
      present.add(key);
      const row = byKey.get(key);
      if (!row && now - modifiedAt.getTime() > graceMs) report.orphans.push(key);
      else if (row?.deleted) report.undeletedBytes.push(key);
    }
    for (const r of rows)
      if (!r.deleted && !present.has(r.storageKey)) report.missingBytes.push({ id: r.id, fileName: r.fileName, storageKey: r.storageKey });
    if (repair) {
      for (const key of [...report.orphans, ...report.undeletedBytes]) {
        await this.storage.delete(key);
        report.repaired++;
      }
    }
    return report;
  }

  private async readableThread(em: EntityManager, actor: Actor, subjectType: SubjectType, subjectId: string): Promise<Thread> {
    const thread = await resolveThread(em, actor, subjectType, subjectId);
    // An internal audit's evidence is the organisation's draft until the audit is submitted, like its results.
    if (subjectType === SubjectType.INTERNAL_AUDIT && actor.role !== Role.ORGANISATION_MEMBER) {
      if ((await attachmentRepository.internalAuditStatus(em, subjectId)) === 'DRAFT')
        throw DomainError.notFound('Internal audit', subjectId);
    }
    return thread;
  }

  private async uploadTarget(em: EntityManager, actor: Actor, subjectType: SubjectType, subjectId: string) {
    requireParticipantRole(actor, 'upload evidence files');
    if (subjectType === SubjectType.PLAN)
      throw DomainError.badInput('Attach files to a measure, an internal audit, a verification or a comment, not to the plan itself.', [
        { path: 'subjectType', message: 'MEASURE, INTERNAL_AUDIT, VERIFICATION or COMMENT' },
      ]);
    const thread = await resolveThread(em, actor, subjectType, subjectId);
    if (subjectType === SubjectType.COMMENT) {
      const c = await attachmentRepository.comment(em, subjectId);
      if (c.author_id !== actor.userId) throw DomainError.forbidden('Only the author of a comment may attach files to it.');
      if (c.deleted_at) throw DomainError.badInput('The comment was deleted.', [{ path: 'subjectId', message: 'deleted comment' }]);
      return { thread, visibility: c.visibility as Visibility };
    }
    const roles = UPLOADERS[subjectType];
    if (!roles.includes(actor.role))
      throw DomainError.forbidden(
        roles.includes(Role.INSPECTOR)
          ? 'Only inspectors attach files to a verification.'
          : 'Only the organisation attaches evidence to its measures and internal audit.',
      );
    const visibility = subjectType === SubjectType.MEASURE && !inspectorsSee(thread) ? Visibility.ORGANISATION : Visibility.PUBLIC;
    return { thread, visibility };
  }
}

export function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toLocaleString('en', { maximumFractionDigits: 1 })} MB`;
}
