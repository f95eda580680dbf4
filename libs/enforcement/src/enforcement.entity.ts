import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export enum EnforcementType {
  /** Verscherpt toezicht: a period with monthly progress reports. */
  INTENSIFIED_SUPERVISION = 'INTENSIFIED_SUPERVISION',
  /** Aanwijzing: what must be done, by a compliance deadline. */
  BINDING_INSTRUCTION = 'BINDING_INSTRUCTION',
  /** Last onder dwangsom: an amount per period or in total, up to a maximum, forfeited when not complied. */
  PENALTY_ORDER = 'PENALTY_ORDER',
  /** Bestuurlijke boete: an amount and a decision; a record, no deadline. */
  ADMINISTRATIVE_FINE = 'ADMINISTRATIVE_FINE',
}

export enum EnforcementStatus {
  ACTIVE = 'ACTIVE',
  LIFTED = 'LIFTED',
  ESCALATED = 'ESCALATED',
  COMPLIED = 'COMPLIED',
  NOT_COMPLIED = 'NOT_COMPLIED',
  IMPOSED = 'IMPOSED',
}

export enum AmountBasis {
  PER_PERIOD = 'PER_PERIOD',
  TOTAL = 'TOTAL',
}

export enum ProgressReportStatus {
  DUE = 'DUE',
  SUBMITTED = 'SUBMITTED',
  ACCEPTED = 'ACCEPTED',
  MORE_NEEDED = 'MORE_NEEDED',
}

@Entity('enforcement_measures')
export class EnforcementMeasure {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') investigationId: string;
  @Column({ type: 'uuid', nullable: true }) planId: string | null;
  @Column('uuid') organisationId: string;
  @Column({ type: 'text' }) type: EnforcementType;
  @Column({ type: 'text' }) status: EnforcementStatus;
  @Column({ type: 'uuid', nullable: true }) previousId: string | null;
  @Column({ type: 'date' }) decisionDate: string;
  @Column() rationale: string;
  @Column('uuid') inspectorId: string;
  @Column({ type: 'date', nullable: true }) periodEndDate: string | null;
  @Column({ type: 'date', nullable: true }) originalPeriodEndDate: string | null;
  @Column({ type: 'text', nullable: true }) requirements: string | null;
  @Column({ type: 'date', nullable: true }) complianceDueDate: string | null;
  @Column({ type: 'date', nullable: true }) originalComplianceDueDate: string | null;
  /** Euro cents; bigint comes back as a string from PostgreSQL. */
  @Column({ type: 'bigint', nullable: true }) amountCents: string | null;
  @Column({ type: 'text', nullable: true }) amountBasis: AmountBasis | null;
  @Column({ type: 'bigint', nullable: true }) maximumCents: string | null;
  @Column({ type: 'text', nullable: true }) outcomeNote: string | null;
  @Column({ type: 'date', nullable: true }) decidedOn: string | null;
  @Column({ type: 'uuid', nullable: true }) decidedBy: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
  @Column() version: number;
}

@Entity('enforcement_progress_reports')
export class EnforcementProgressReport {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') measureId: string;
  @Column('uuid') investigationId: string;
  @Column({ type: 'uuid', nullable: true }) planId: string | null;
  @Column('uuid') organisationId: string;
  @Column() sequence: number;
  @Column({ type: 'date' }) dueDate: string;
  @Column({ type: 'date' }) originalDueDate: string;
  @Column({ type: 'text' }) status: ProgressReportStatus;
  @Column({ type: 'text', nullable: true }) report: string | null;
  @Column({ type: 'timestamptz', nullable: true }) submittedAt: Date | null;
  @Column({ type: 'uuid', nullable: true }) submittedBy: string | null;
  @Column({ type: 'text', nullable: true }) reviewNote: string | null;
  @Column({ type: 'timestamptz', nullable: true }) reviewedAt: Date | null;
  @Column({ type: 'uuid', nullable: true }) reviewedBy: string | null;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
  @Column() version: number;
}

@Entity('enforcement_forfeits')
export class EnforcementForfeit {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') measureId: string;
  @Column('uuid') investigationId: string;
  @Column({ type: 'uuid', nullable: true }) planId: string | null;
  @Column('uuid') organisationId: string;
  @Column({ type: 'date' }) forfeitedOn: string;
  @Column({ type: 'bigint' }) amountCents: string;
  @Column() note: string;
  @Column('uuid') recordedBy: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}

/** This library's TypeORM entities; the apps put the lists together where they start. */
export const ENFORCEMENT_ENTITIES = [EnforcementMeasure, EnforcementProgressReport, EnforcementForfeit];
