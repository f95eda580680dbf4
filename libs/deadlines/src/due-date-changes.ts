import { EntityManager } from 'typeorm';
import { DueDateChange } from './deadline.entity';

export interface DueDateChangeRecord {
  kind: DueDateChange['kind'];
  subjectId: string;
  investigationId: string;
  fromDate: string;
  toDate: string;
  reason: string;
  decidedBy: string;
  extensionRequestId?: string | null;
  extensionDecisionId?: string | null;
}

/**
 * Records a moved due date (never silent). The one way into due_date_changes, for the libraries
 * that move their own rows' dates (a revision, a revised audit, an enforcement step) and for this one.
 */
export async function recordDueDateChange(em: EntityManager, change: DueDateChangeRecord): Promise<void> {
  await em.insert(DueDateChange, change);
}
