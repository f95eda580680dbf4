import { dates } from './dates';
import { FieldProblem } from './domain-error';

/**
 * A report is entered around its publication: at most a year after it (a case taken on late) and
 * at most 90 days before it (prepared ahead). Every deadline derived from it then stays within the
 * dates the API accepts.
 */
export const PUBLICATION_WINDOW = { daysBefore: 365, daysAfter: 90 } as const;

/** The first and last publication date accepted today. */
export function publicationWindow(today: string): { earliest: string; latest: string } {
  return { earliest: dates.addDays(today, -PUBLICATION_WINDOW.daysBefore), latest: dates.addDays(today, PUBLICATION_WINDOW.daysAfter) };
}

export function publicationDateProblem(path: string, date: string, today: string): FieldProblem | null {
  const { earliest, latest } = publicationWindow(today);
  if (date < earliest) return { path, message: `more than ${PUBLICATION_WINDOW.daysBefore} days ago (before ${earliest})` };
  if (date > latest) return { path, message: `more than ${PUBLICATION_WINDOW.daysAfter} days ahead (after ${latest})` };
  return null;
}

/**
 * The date of a step that has happened (a verification): not in the future, and not before the
 * steps it follows (`after`: what and when, in process order). The first violated bound is named.
 */
export function pastStepDateProblem(
  path: string,
  date: string,
  today: string,
  after: Array<{ what: string; on: string | null }>,
): FieldProblem | null {
  if (date > today) return { path, message: `after today (${today})` };
  for (const step of after) if (step.on && date < step.on) return { path, message: `before ${step.what} (${step.on})` };
  return null;
}
