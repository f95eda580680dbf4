import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Button, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { DateTime } from '@web/shared/components/dates';
import { Page } from '@web/shared/components/page';
import { QueryState } from '@web/shared/components/query-state';
import { ErrorSummary } from '@web/shared/components/error-summary';
import { toUiError, type UiError } from '@web/shared/api/errors';
import { formatDateTime } from '@web/shared/i18n/format';
import { useLocale, useT } from '@web/shared/i18n/use-t';
import { MarkOverviewSeenMutation, MunicipalityOverviewQuery, OverviewChangesCountQuery } from '../api/operations';
import { changeKey } from '../components/change-text';
import { municipalityOverviewMessages } from '../messages';

export function ChangesRoute() {
  const t = useT(municipalityOverviewMessages);
  const { locale } = useLocale();
  const { data, loading, error, refetch } = useQuery(MunicipalityOverviewQuery, { fetchPolicy: 'cache-and-network' });
  const [markSeen, { loading: marking }] = useMutation(MarkOverviewSeenMutation, {
    refetchQueries: [MunicipalityOverviewQuery, OverviewChangesCountQuery],
    awaitRefetchQueries: true,
  });
  const [marked, setMarked] = useState(false);
  const [failure, setFailure] = useState<UiError | null>(null);
  return (
    <Page title={t('overview.changes.title')}>
      <QueryState loading={loading && !data} error={error} retry={() => void refetch()}>
        {() => {
          const o = data!.municipalityOverview;
          const c = o.changesSinceLastVisit;
          return (
            <>
              {failure && <ErrorSummary items={[]} error={failure} />}
              {marked && (
                <Alert type="ok" role="status">
                  <Paragraph>{t('overview.changes.marked')}</Paragraph>
                </Alert>
              )}
              <Paragraph>
                {c.since ? t('overview.changes.since', { date: formatDateTime(c.since, locale) }) : t('overview.changes.never')}
              </Paragraph>
              <Paragraph data-count={c.count}>
                {t('overview.changes.count', { count: c.count })}
                {c.count > c.entries.length && <> {t('overview.changes.latest', { shown: c.entries.length })}</>}
              </Paragraph>
              {c.entries.length > 0 && (
                <ul className="ov-cards">
                  {c.entries.map((e, i) => (
                    <li key={`${e.entityType}-${e.entityId}-${e.occurredAt}-${i}`} className="ov-card">
                      {t('overview.changes.entry', {
                        organisation: e.organisation?.name ?? t('overview.changes.noOrganisation'),
                        what: t(changeKey(e)),
                      })}
                      <div className="ov-meta">
                        <DateTime value={e.occurredAt} />
                      </div>
                    </li>
                  ))}
                </ul>
              )}
              <div className="ov-actions">
                <Button
                  appearance="primary-action-button"
                  disabled={marking}
                  onClick={async () => {
                    setFailure(null);
                    try {
                      await markSeen({ variables: { subjectId: o.municipality.id } });
                      setMarked(true);
                    } catch (e) {
                      setFailure(toUiError(e));
                    }
                  }}
                >
                  {t('overview.changes.markSeen')}
                </Button>
                <Link to="/overview" className="utrecht-link">
                  {t('overview.investigation.back')}
                </Link>
              </div>
            </>
          );
        }}
      </QueryState>
    </Page>
  );
}
