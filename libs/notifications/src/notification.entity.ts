import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { EventKind } from '@opvolging/shared';

/** The unique record that a deadline's step was noticed: at most one per (kind, subject, due date, step). */
@Entity('deadline_notices')
export class DeadlineNotice {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text' }) kind: string;
  @Column('uuid') subjectId: string;
  @Column({ type: 'date' }) dueDate: string;
  @Column({ type: 'text' }) step: string;
  @Column('uuid') investigationId: string;
  @Column() recipients: number;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}

/** NOT_MAILED: an event kind the user turned mail off for; in-app only. */
export type EmailStatus = 'PENDING' | 'SENDING' | 'SENT' | 'IN_DIGEST' | 'DIGEST_SENT' | 'NOT_MAILED';

export interface NotificationParams {
  kind: string;
  type: 'REMINDER' | 'OVERDUE';
  days: number;
  dueDate: string;
  investigationId: string;
  investigationTitle: string;
  organisationName: string | null;
  subjectId: string;
  subjectLabel: string | null;
  /** Set on the notices that reach an inspector because the organisation is late. */
  escalated: boolean;
}

/** A step of the process someone is told about (not a deadline). */
export interface EventParams {
  type: 'EVENT';
  kind: EventKind;
  /** Who took the step; the row-level policy lets only that user record it. */
  actorId: string;
  investigationId: string;
  investigationTitle: string;
  organisationName: string | null;
  subjectId: string;
  planId: string | null;
  /** Path in the web app (WEB_PATHS), relative to PUBLIC_URL. */
  link: string;
  details: Record<string, string | null>;
  dueDate?: undefined;
}

export type AnyNotificationParams = NotificationParams | EventParams;

export function isEvent(p: AnyNotificationParams): p is EventParams {
  return p.type === 'EVENT';
}

@Entity('notifications')
export class Notification {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') userId: string;
  @Column({ type: 'uuid', nullable: true }) noticeId: string | null;
  @Column({ type: 'uuid', nullable: true }) eventId: string | null;
  @Column({ type: 'text' }) kind: string;
  @Column({ type: 'jsonb' }) params: AnyNotificationParams;
  @Column({ type: 'timestamptz', nullable: true }) readAt: Date | null;
  @Column({ type: 'text' }) emailStatus: EmailStatus;
  @Column({ type: 'timestamptz', nullable: true }) emailClaimedAt: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) emailedAt: Date | null;
  @Column() emailAttempts: number;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}

@Entity('digests')
export class Digest {
  @PrimaryColumn('uuid') userId: string;
  @PrimaryColumn({ type: 'date' }) digestDate: string;
  @Column({ type: 'text' }) status: 'PENDING' | 'SENT';
  @Column({ type: 'timestamptz', nullable: true }) sentAt: Date | null;
}

/** This library's TypeORM entities; the apps put the lists together where they start. */
export const NOTIFICATIONS_ENTITIES = [DeadlineNotice, Notification, Digest];
