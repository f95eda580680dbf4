import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Role } from '@opvolging/shared';

export type Locale = 'nl' | 'en';

@Entity('users')
export class User {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column() email: string;
  @Column() displayName: string;
  @Column({ type: 'text', nullable: true, select: false }) passwordHash: string | null;
  @Column({ type: 'text' }) role: Role;
  @Column({ type: 'uuid', nullable: true }) organisationId: string | null;
  @Column({ type: 'text' }) locale: Locale;
  @Column() active: boolean;
  /** Raised to revoke every token issued before ("sign out everywhere"). */
  @Column() tokenVersion: number;
  /** IMMEDIATE: one mail per notification; DAILY_DIGEST: one mail a day listing them. */
  @Column({ type: 'text' }) notificationMode: 'IMMEDIATE' | 'DAILY_DIGEST';
  /** Event kinds (EventKind) this user gets no mail for, only the in-app notice. Deadline notices are always mailed. */
  @Column({ type: 'text', array: true }) mutedEventKinds: string[];
  /** SHA-256 of the secret in the user's calendar feed URL; null when there is no feed. */
  @Column({ type: 'text', nullable: true, select: false }) calendarTokenHash: string | null;
  /** Failed sign-ins in a row; reset by a successful one. */
  @Column({ select: false }) failedSignIns: number;
  @Column({ type: 'timestamptz', nullable: true, select: false }) lockedUntil: Date | null;
  /** The external OpenID Connect identity (issuer + subject) linked to this account; null when none. */
  @Column({ type: 'text', nullable: true, select: false }) oidcIssuer: string | null;
  @Column({ type: 'text', nullable: true, select: false }) oidcSubject: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
  @Column() version: number;
}

/** This library's TypeORM entities; the apps put the lists together where they start. */
export const IDENTITY_ENTITIES = [User];
