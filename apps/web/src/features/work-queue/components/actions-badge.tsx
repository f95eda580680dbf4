import { useQuery } from '@apollo/client/react';
import { useT } from '@web/shared/i18n/use-t';
import { ActionsNeededQuery } from '../api/operations';
import { workQueueMessages } from '../messages';

/** The number of actions waiting, beside the menu entry (polled with the unread badge's rhythm). */
export function ActionsBadge() {
  const t = useT(workQueueMessages);
  const { data } = useQuery(ActionsNeededQuery, { pollInterval: 15_000, fetchPolicy: 'cache-and-network' });
  const count = data?.actionsNeeded.length ?? 0;
  return (
    <>
      {' '}
      <span className="ov-badge">{count}</span>
      {/* The visible number is part of the link's name (WCAG 2.5.3); the words after it only for screen readers. */}
      <span className="ov-visually-hidden"> {t('workQueue.navCount', { count })}</span>
    </>
  );
}
