import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

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

export type EmailStatus = 'PENDING' | 'SENDING' | 'SENT' | 'IN_DIGEST' | 'DIGEST_SENT';

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

@Entity('notifications')
export class Notification {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') userId: string;
  @Column({ type: 'uuid', nullable: true }) noticeId: string | null;
  @Column({ type: 'text' }) kind: string;
  @Column({ type: 'jsonb' }) params: NotificationParams;
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
