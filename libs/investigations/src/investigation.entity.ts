import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { DeadlineUnit, Theme } from '@opvolging/shared';

export enum InvestigationStatus {
  DRAFT = 'DRAFT',
  FOLLOW_UP = 'FOLLOW_UP',
  CLOSED = 'CLOSED',
}

@Entity('investigations')
export class Investigation {
  @PrimaryGeneratedColumn('uuid') id: string;
  /** Named by place and year ("Casus Heerlen 2015"): never personal data about the family. */
  @Column() title: string;
  @Column() summary: string;
  @Column('uuid') municipalityId: string;
  @Column('uuid') leadInspectorateId: string;
  @Column({ type: 'text' }) status: InvestigationStatus;
  @Column({ type: 'date', nullable: true }) publicationDate: string | null;
  @Column({ type: 'date', nullable: true }) trajectoryEndDate: string | null;
  @Column() planDueDays: number;
  @Column() assessmentDueDays: number;
  @Column() revisionDueDays: number;
  @Column() auditDueMonths: number;
  @Column() trajectoryMonths: number;
  /** Whether day counts in the policy are calendar days or Dutch working days. */
  @Column({ type: 'text' }) deadlineUnit: DeadlineUnit;
  /** Per deadline kind: reminder offsets and escalation days; absent keys take the defaults. */
  @Column({ type: 'jsonb' }) reminderPolicy: Record<string, unknown>;
  @Column({ type: 'text', nullable: true }) closureReason: string | null;
  @Column({ type: 'timestamptz', nullable: true }) closedAt: Date | null;
  @Column({ type: 'uuid', nullable: true }) createdBy: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
  @Column() version: number;
}

@Entity('investigation_inspectorates')
export class InvestigationInspectorate {
  @PrimaryColumn('uuid') investigationId: string;
  @PrimaryColumn('uuid') inspectorateId: string;
}

@Entity('investigation_organisations')
export class InvestigationOrganisation {
  @PrimaryColumn('uuid') investigationId: string;
  @PrimaryColumn('uuid') organisationId: string;
}

@Entity('findings')
export class Finding {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') investigationId: string;
  @Column() position: number;
  @Column() text: string;
  @Column('text', { array: true }) themes: Theme[];
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
  @Column() version: number;
}

@Entity('improvement_points')
export class ImprovementPoint {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') investigationId: string;
  @Column({ type: 'uuid', nullable: true }) findingId: string | null;
  @Column() position: number;
  @Column() text: string;
  @Column('text', { array: true }) themes: Theme[];
  @Column() collective: boolean;
  @Column({ type: 'uuid', nullable: true }) coordinatingOrganisationId: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
  @Column() version: number;
}

@Entity('improvement_point_addressees')
export class ImprovementPointAddressee {
  @PrimaryColumn('uuid') pointId: string;
  @PrimaryColumn('uuid') organisationId: string;
}

/** This library's TypeORM entities; the apps put the lists together where they start. */
export const INVESTIGATIONS_ENTITIES = [
  Investigation,
  InvestigationInspectorate,
  InvestigationOrganisation,
  Finding,
  ImprovementPoint,
  ImprovementPointAddressee,
];
