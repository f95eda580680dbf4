import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export enum InternalAuditStatus {
  DRAFT = 'DRAFT',
  SUBMITTED = 'SUBMITTED',
  REVISION_REQUESTED = 'REVISION_REQUESTED',
  JUDGED = 'JUDGED',
}

export enum Implementation {
  IMPLEMENTED = 'IMPLEMENTED',
  PARTLY_IMPLEMENTED = 'PARTLY_IMPLEMENTED',
  NOT_IMPLEMENTED = 'NOT_IMPLEMENTED',
}

export enum AuditQuality {
  SUFFICIENT = 'SUFFICIENT',
  INSUFFICIENT = 'INSUFFICIENT',
}

/** What follows an insufficient audit: the organisation revises it, or the inspectorate checks itself. */
export enum InsufficientAuditFollowUp {
  REVISED_AUDIT = 'REVISED_AUDIT',
  OWN_VERIFICATION = 'OWN_VERIFICATION',
}

export enum VerificationMethod {
  DESK_REVIEW = 'DESK_REVIEW',
  SITE_VISIT = 'SITE_VISIT',
  REGULAR_VISIT = 'REGULAR_VISIT',
}

/** Implementation grade per improvement point (European Court of Auditors' scale). */
export enum ImplementationGrade {
  FULLY = 'FULLY',
  MOSTLY = 'MOSTLY',
  PARTLY = 'PARTLY',
  NOT_IMPLEMENTED = 'NOT_IMPLEMENTED',
  NO_LONGER_RELEVANT = 'NO_LONGER_RELEVANT',
}

@Entity('internal_audits')
export class InternalAudit {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') planId: string;
  @Column({ type: 'text' }) status: InternalAuditStatus;
  @Column({ type: 'date' }) dueDate: string;
  @Column({ type: 'date' }) originalDueDate: string;
  @Column({ type: 'text', nullable: true }) conclusion: string | null;
  @Column({ type: 'timestamptz', nullable: true }) submittedAt: Date | null;
  /** Own verification planned after an insufficient audit: how, and on which date (the inspector's deadline). */
  @Column({ type: 'text', nullable: true }) verificationMethod: VerificationMethod | null;
  @Column({ type: 'date', nullable: true }) verificationDueDate: string | null;
  @Column({ type: 'date', nullable: true }) originalVerificationDueDate: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
  @Column() version: number;
}

@Entity('internal_audit_results')
export class InternalAuditResult {
  @PrimaryColumn('uuid') auditId: string;
  @PrimaryColumn('uuid') measureId: string;
  @Column({ type: 'text' }) implementation: Implementation;
  @Column() evidence: string;
}

@Entity('internal_audit_judgements')
export class InternalAuditJudgement {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') auditId: string;
  @Column({ type: 'text' }) quality: AuditQuality;
  @Column() rationale: string;
  @Column('uuid') inspectorId: string;
  @Column({ type: 'timestamptz' }) judgedAt: Date;
  @Column({ type: 'text', nullable: true }) followUp: InsufficientAuditFollowUp | null;
  @Column({ type: 'date', nullable: true }) revisedDueDate: string | null;
  @Column({ type: 'text', nullable: true }) verificationMethod: VerificationMethod | null;
  @Column({ type: 'date', nullable: true }) verificationPlannedOn: string | null;
}

@Entity('verifications')
export class Verification {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') planId: string;
  @Column({ type: 'text' }) method: VerificationMethod;
  @Column({ type: 'date' }) verifiedOn: string;
  @Column() summary: string;
  @Column('uuid') inspectorId: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}

@Entity('verification_grades')
export class VerificationGrade {
  @PrimaryColumn('uuid') verificationId: string;
  @PrimaryColumn('uuid') pointId: string;
  @Column({ type: 'text' }) grade: ImplementationGrade;
  @Column({ type: 'text', nullable: true }) reason: string | null;
}

/** This library's TypeORM entities; the apps put the lists together where they start. */
export const AUDITS_ENTITIES = [InternalAudit, InternalAuditResult, InternalAuditJudgement, Verification, VerificationGrade];
