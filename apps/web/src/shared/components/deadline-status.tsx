import { domainMessages } from '../i18n/domain-messages';
import { formatDay } from '../i18n/format';
import { useLocale, useT } from '../i18n/use-t';
import { StatusTag, type Tone } from './status-tag';

/** How urgent a deadline looks: late is danger, within a week a warning. */
export function deadlineTone(daysLeft: number, overdue: boolean): Tone {
  if (overdue || daysLeft < 0) return 'danger';
  if (daysLeft <= 7) return 'warning';
  return 'info';
}

/** Due date, the original one beside a moved one, and days left or late (colour and words). */
export function DeadlineStatus({
  dueDate,
  originalDueDate,
  daysLeft,
  overdue,
}: {
  dueDate: string;
  originalDueDate: string;
  daysLeft: number;
  overdue: boolean;
}) {
  const t = useT(domainMessages);
  const { locale } = useLocale();
  const late = overdue || daysLeft < 0;
  return (
    <span className="ov-deadline">
      <time dateTime={dueDate}>{t('deadline.due', { date: formatDay(dueDate, locale) })}</time>
      {originalDueDate !== dueDate && (
        <>
          {' '}
          (
          <del>
            <time dateTime={originalDueDate}>{t('deadline.original', { date: formatDay(originalDueDate, locale) })}</time>
          </del>
          )
        </>
      )}{' '}
      <StatusTag tone={deadlineTone(daysLeft, overdue)}>
        {late ? t('deadline.daysLate', { days: Math.abs(daysLeft) }) : t('deadline.daysLeft', { days: daysLeft })}
      </StatusTag>
    </span>
  );
}
