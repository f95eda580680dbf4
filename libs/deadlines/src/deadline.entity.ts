import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, ViewColumn, ViewEntity } from 'typeorm';
import { DeadlineKind } from './reminder-policy';

/** A deadline as the view `open_deadlines` derives it from the rows that carry due dates. */
@ViewEntity({ name: 'open_deadlines', synchronize: false })
export class OpenDeadline {
  /** The plan, measure, audit or investigation the deadline belongs to. */
  @ViewColumn({ name: 'subject_id' }) id: string;
  @ViewColumn() kind: DeadlineKind;
  @ViewColumn({ name: 'investigation_id' }) investigationId: string;
  @ViewColumn({ name: 'organisation_id' }) organisationId: string | null;
  @ViewColumn({ name: 'owner_id' }) ownerId: string | null;
  @ViewColumn({ name: 'due_date' }) dueDate: string;
  @ViewColumn({ name: 'original_due_date' }) originalDueDate: string;
}

export enum ExtensionStatus {
  PENDING = 'PENDING',
  GRANTED = 'GRANTED',
  REFUSED = 'REFUSED',
  WITHDRAWN = 'WITHDRAWN',
}

@Entity('extension_requests')
export class ExtensionRequest {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text' }) kind: DeadlineKind;
  @Column('uuid') subjectId: string;
  @Column('uuid') investigationId: string;
  @Column('uuid') organisationId: string;
  @Column('uuid') requestedBy: string;
  @Column({ type: 'date' }) currentDueDate: string;
  @Column({ type: 'date' }) requestedDueDate: string;
  @Column() reason: string;
  @Column({ type: 'text' }) status: ExtensionStatus;
  @Column({ type: 'date', nullable: true }) grantedDueDate: string | null;
  @Column({ type: 'uuid', nullable: true }) decidedBy: string | null;
  @Column({ type: 'timestamptz', nullable: true }) decidedAt: Date | null;
  @Column({ type: 'text', nullable: true }) decisionNote: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @Column() version: number;
}

@Entity('extension_decisions')
export class ExtensionDecision {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') investigationId: string;
  @Column({ type: 'text' }) kind: DeadlineKind;
  @Column({ type: 'date' }) newDueDate: string;
  @Column() reason: string;
  @Column('uuid') inspectorId: string;
  @Column('uuid', { array: true }) excludedOrganisationIds: string[];
  @Column() affected: number;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}

/** Every move of a due date: who decided, when, why. */
@Entity('due_date_changes')
export class DueDateChange {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text' }) kind: DeadlineKind;
  @Column('uuid') subjectId: string;
  @Column('uuid') investigationId: string;
  @Column({ type: 'date' }) fromDate: string;
  @Column({ type: 'date' }) toDate: string;
  @Column() reason: string;
  @Column('uuid') decidedBy: string;
  @Column({ type: 'uuid', nullable: true }) extensionRequestId: string | null;
  @Column({ type: 'uuid', nullable: true }) extensionDecisionId: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}

/** This library's TypeORM entities; the apps put the lists together where they start. */
export const DEADLINES_ENTITIES = [OpenDeadline, ExtensionRequest, ExtensionDecision, DueDateChange];
