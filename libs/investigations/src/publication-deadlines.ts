import { addDays, addMonths } from '@opvolging/shared';
import { Investigation } from './investigation.entity';

/** The dates publishing derives from the publication date and the investigation's deadline policy. */
export interface PublicationDeadlines {
  /** Due date of each addressed organisation's improvement plan: publication + planDueDays. */
  planDueDate: string;
  /** End of the trajectory: publication + trajectoryMonths. */
  trajectoryEndDate: string;
}

/**
 * The one definition of the deadlines a publication creates: used by `publish` (trajectory end),
 * by `PlansService` when it creates the plans (plan due date) and by the publication preview.
 */
export function publicationDeadlines(
  policy: Pick<Investigation, 'planDueDays' | 'trajectoryMonths' | 'deadlineUnit'>,
  publicationDate: string,
): PublicationDeadlines {
  return {
    planDueDate: addDays(publicationDate, policy.planDueDays, policy.deadlineUnit),
    trajectoryEndDate: addMonths(publicationDate, policy.trajectoryMonths, policy.deadlineUnit),
  };
}
