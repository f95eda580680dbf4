import { useQuery } from '@apollo/client/react';
import { Button, Heading2, Paragraph } from '@utrecht/component-library-react';
import { DateTime } from '@web/shared/components/dates';
import { QueryState } from '@web/shared/components/query-state';
import { domainMessages } from '@web/shared/i18n/domain-messages';
import { useT } from '@web/shared/i18n/use-t';
import { InvestigationTimelineQuery } from '../api/operations';
import { historyWords, investigationMessages } from '../messages';
import { entityKey, fieldKeys, statusChange } from './history-words';

const STATUS_SETS: Record<string, string> = {
  improvement_plan: 'planStatus',
  measure: 'measureStatus',
  internal_audit: 'auditStatus',
  extension_request: 'extensionStatus',
};

/** `investigationTimeline` in words: who did what when, field names in the reader's language. */
export function HistoryList({ investigationId }: { investigationId: string }) {
  const t = useT(investigationMessages);
  const w = useT(historyWords);
  const d = useT(domainMessages);
  const { data, loading, error, refetch, fetchMore } = useQuery(InvestigationTimelineQuery, {
    variables: { id: investigationId },
    fetchPolicy: 'cache-and-network',
  });
  const statusLabel = (entityType: string, status: string) => {
    if (entityType === 'investigation') return d(`investigationStatus.${status}` as never);
    const set = STATUS_SETS[entityType];
    return set ? d(`${set}.${status}` as never) : status.toLowerCase().replace(/_/g, ' ');
  };
  return (
    <section className="ov-section" aria-labelledby="history-title">
      <Heading2 id="history-title">{t('investigations.history.title')}</Heading2>
      <QueryState loading={loading && !data} error={error} retry={() => void refetch()}>
        {() => {
          const page = data!.investigationTimeline;
          if (!page.entries.length) return <Paragraph>{t('investigations.history.empty')}</Paragraph>;
          return (
            <>
              <ol className="ov-history">
                {page.entries.map((e) => {
                  const who =
                    e.actor?.displayName ??
                    (e.onBehalfOf ? t('investigations.history.process', { process: e.onBehalfOf }) : t('investigations.history.system'));
                  const op = e.operation === 'INSERT' || e.operation === 'DELETE' ? e.operation : 'UPDATE';
                  const fields = op === 'UPDATE' ? fieldKeys(e.changedFields) : [];
                  const change = statusChange(e);
                  return (
                    <li key={e.id}>
                      <Paragraph>
                        <DateTime value={e.occurredAt} />: {t(`investigations.history.${op}`, { who, what: w(entityKey(e.entityType)) })}
                      </Paragraph>
                      {fields.length > 0 && (
                        <Paragraph className="ov-meta">
                          {t('investigations.history.fields', {
                            fields: fields.map((f) => (f ? w(f) : t('investigations.history.otherField'))).join(', '),
                          })}
                          {change && (
                            <>
                              {' '}
                              —{' '}
                              {t('investigations.history.statusChange', {
                                from: statusLabel(e.entityType, change.from),
                                to: statusLabel(e.entityType, change.to),
                              })}
                            </>
                          )}
                        </Paragraph>
                      )}
                    </li>
                  );
                })}
              </ol>
              {page.nextCursor && (
                <Button
                  appearance="secondary-action-button"
                  onClick={() =>
                    void fetchMore({
                      variables: { after: page.nextCursor },
                      updateQuery: (prev, { fetchMoreResult }) => ({
                        investigationTimeline: {
                          ...fetchMoreResult.investigationTimeline,
                          entries: [...prev.investigationTimeline.entries, ...fetchMoreResult.investigationTimeline.entries],
                        },
                      }),
                    })
                  }
                >
                  {t('investigations.history.more')}
                </Button>
              )}
            </>
          );
        }}
      </QueryState>
    </section>
  );
}
