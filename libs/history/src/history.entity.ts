import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One recorded change, written by database triggers only (see migrations/1764000000000-trust.ts). */
@Entity('history')
export class HistoryEntry {
  @PrimaryColumn({ type: 'bigint' }) id: string;
  @Column({ type: 'timestamptz' }) occurredAt: Date;
  @Column({ type: 'uuid', nullable: true }) actorUserId: string | null;
  @Column({ type: 'text', nullable: true }) actorRole: string | null;
  @Column({ type: 'text', nullable: true }) onBehalfOf: string | null;
  @Column({ type: 'text' }) entityType: string;
  @Column('uuid') entityId: string;
  @Column({ type: 'uuid', nullable: true }) investigationId: string | null;
  @Column({ type: 'uuid', nullable: true }) organisationId: string | null;
  @Column({ type: 'text' }) operation: 'INSERT' | 'UPDATE' | 'DELETE';
  @Column('text', { array: true, nullable: true }) changedFields: string[] | null;
  @Column({ type: 'jsonb', nullable: true }) before: Record<string, unknown> | null;
  @Column({ type: 'jsonb', nullable: true }) after: Record<string, unknown> | null;
}

/** This library's TypeORM entities; the apps put the lists together where they start. */
export const HISTORY_ENTITIES = [HistoryEntry];
