import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export enum ImprovementPlanStatus {
  DRAFT = 'DRAFT',
  SUBMITTED = 'SUBMITTED',
  REVISION_REQUESTED = 'REVISION_REQUESTED',
  ACCEPTED = 'ACCEPTED',
  CLOSED = 'CLOSED',
}

export enum MeasureStatus {
  PLANNED = 'PLANNED',
  IN_PROGRESS = 'IN_PROGRESS',
  COMPLETED = 'COMPLETED',
  CANCELLED = 'CANCELLED',
}

export enum Judgement {
  SUFFICIENT = 'SUFFICIENT',
  INSUFFICIENT = 'INSUFFICIENT',
}

export enum AssessmentOutcome {
  ACCEPTED = 'ACCEPTED',
  REVISION_REQUESTED = 'REVISION_REQUESTED',
}

@Entity('improvement_plans')
export class ImprovementPlan {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') investigationId: string;
  @Column('uuid') organisationId: string;
  @Column({ type: 'text' }) status: ImprovementPlanStatus;
  @Column({ type: 'date' }) dueDate: string;
  @Column({ type: 'date' }) originalDueDate: string;
  /** How many versions were submitted; version N is frozen in plan_versions. */
  @Column() submittedVersions: number;
  @Column({ type: 'timestamptz', nullable: true }) submittedAt: Date | null;
  @Column({ type: 'date', nullable: true }) assessmentDueDate: string | null;
  /** The assessment due date set at the latest submission; moves change only assessmentDueDate. */
  @Column({ type: 'date', nullable: true }) originalAssessmentDueDate: string | null;
  @Column({ type: 'timestamptz', nullable: true }) acceptedAt: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) closedAt: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
  @Column() version: number;
}

/** What a submitted version contained, frozen at submission. */
export interface PlanSnapshot {
  measures: Array<{
    id: string;
    description: string;
    successIndicator: string;
    ownerId: string;
    dueDate: string;
    pointIds: string[];
  }>;
}

@Entity('plan_versions')
export class PlanVersion {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') planId: string;
  @Column() number: number;
  @Column({ type: 'timestamptz' }) submittedAt: Date;
  @Column('uuid') submittedBy: string;
  @Column({ type: 'jsonb' }) snapshot: PlanSnapshot;
}

@Entity('measures')
export class Measure {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') planId: string;
  @Column() description: string;
  @Column() successIndicator: string;
  @Column('uuid') ownerId: string;
  @Column({ type: 'date' }) dueDate: string;
  @Column({ type: 'date' }) originalDueDate: string;
  @Column({ type: 'text' }) status: MeasureStatus;
  @Column({ type: 'text', nullable: true }) evidence: string | null;
  @Column({ type: 'text', nullable: true }) cancellationReason: string | null;
  @Column({ type: 'timestamptz', nullable: true }) startedAt: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) completedAt: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) cancelledAt: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
  @Column() version: number;
}

@Entity('measure_points')
export class MeasurePoint {
  @PrimaryColumn('uuid') measureId: string;
  @PrimaryColumn('uuid') pointId: string;
}

@Entity('plan_assessments')
export class PlanAssessment {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') planId: string;
  @Column() planVersionNumber: number;
  @Column('uuid') inspectorId: string;
  @Column({ type: 'text' }) aimedAtShortcomings: Judgement;
  @Column() aimedAtShortcomingsRationale: string;
  @Column({ type: 'text' }) chanceOfSuccess: Judgement;
  @Column() chanceOfSuccessRationale: string;
  @Column({ type: 'text' }) pace: Judgement;
  @Column() paceRationale: string;
  @Column({ type: 'text' }) outcome: AssessmentOutcome;
  @Column({ type: 'timestamptz' }) assessedAt: Date;
}

/** This library's TypeORM entities; the apps put the lists together where they start. */
export const PLANS_ENTITIES = [ImprovementPlan, PlanVersion, Measure, MeasurePoint, PlanAssessment];
