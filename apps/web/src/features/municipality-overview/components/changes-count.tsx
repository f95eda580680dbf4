import { useQuery } from '@apollo/client/react';
import { useT } from '@web/shared/i18n/use-t';
import { OverviewChangesCountQuery } from '../api/operations';
import { municipalityOverviewMessages } from '../messages';

/** The count of changes since the last visit, beside the menu entry (updates after "mark as seen"). */
export function ChangesCount() {
  const t = useT(municipalityOverviewMessages);
  const { data } = useQuery(OverviewChangesCountQuery, { pollInterval: 60_000, fetchPolicy: 'cache-and-network' });
  if (!data) return null;
  const count = data.municipalityOverview.changesSinceLastVisit.count;
  return (
    <>
      {' '}
      <span className="ov-badge" aria-hidden="true" data-testid="changes-count">
        {count}
      </span>
      <span className="ov-visually-hidden">({t('overview.nav.changes', { count })})</span>
    </>
  );
}
