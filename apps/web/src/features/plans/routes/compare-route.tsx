import { useQuery } from '@apollo/client/react';
import { Heading2, Paragraph, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useParams, useSearchParams } from 'react-router';
import { Day } from '@web/shared/components/dates';
import { SelectField } from '@web/shared/components/fields';
import { Page } from '@web/shared/components/page';
import { QueryState } from '@web/shared/components/query-state';
import { formatDay } from '@web/shared/i18n/format';
import { useLocale, useT } from '@web/shared/i18n/use-t';
import { CompareVersionsQuery } from '../api/operations';
import { planMessages } from '../messages';

const FIELDS = ['description', 'successIndicator', 'ownerId', 'dueDate', 'pointIds'] as const;
type Field = (typeof FIELDS)[number];

/** Two submitted versions side by side: measures added, removed, and changed field by field. */
export function CompareRoute() {
  const { planId = '' } = useParams();
  const t = useT(planMessages);
  const { locale } = useLocale();
  const [params, setParams] = useSearchParams();
  const head = useQuery(CompareVersionsQuery, { variables: { planId, from: 1, to: 1 } });
  const versions = head.data?.improvementPlan.submittedVersions ?? 0;
  const to = Number(params.get('to') ?? versions);
  const from = Number(params.get('from') ?? Math.max(1, to - 1));
  const diff = useQuery(CompareVersionsQuery, { variables: { planId, from, to }, skip: versions < 2 || !from || !to });
  const data = diff.data ?? head.data;
  const users = new Map((data?.users.nodes ?? []).map((u) => [u.id, u.displayName]));
  const positions = new Map((data?.improvementPlan.investigation.improvementPoints ?? []).map((p) => [p.id, p.position]));

  // The API gives ids for owner and points, dates as days: show what a person reads.
  const show = (field: Field, value: string) => {
    if (!value) return '—';
    if (field === 'ownerId') return users.get(value) ?? '—';
    if (field === 'pointIds')
      return value
        .split(/[,\s]+/)
        .filter(Boolean)
        .map((id) => t('plans.point', { position: positions.get(id) ?? 0 }))
        .join(', ');
    if (field === 'dueDate' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDay(value, locale);
    return value;
  };
  const options = Array.from({ length: versions }, (_, i) => ({ value: String(i + 1), label: String(i + 1) }));

  return (
    <Page title={t('plans.compare.title')} preHeading={head.data?.improvementPlan.investigation.title}>
      <QueryState loading={head.loading && !head.data} error={head.error ?? diff.error} retry={() => void head.refetch()}>
        {() =>
          versions < 2 ? (
            <Paragraph>{t('plans.compare.onlyOne')}</Paragraph>
          ) : (
            <>
              <div className="ov-compare-pickers">
                <SelectField
                  id="from-version"
                  label={t('plans.compare.from')}
                  value={String(from)}
                  options={options}
                  onChange={(v) => setParams({ from: v, to: String(to) })}
                />
                <SelectField
                  id="to-version"
                  label={t('plans.compare.to')}
                  value={String(to)}
                  options={options}
                  onChange={(v) => setParams({ from: String(from), to: v })}
                />
              </div>
              {diff.data && (
                <>
                  <section className="ov-section" aria-labelledby="added-title">
                    <Heading2 id="added-title">{t('plans.compare.added')}</Heading2>
                    {diff.data.comparePlanVersions.added.length === 0 ? (
                      <Paragraph>{t('plans.compare.nothing')}</Paragraph>
                    ) : (
                      <ul>
                        {diff.data.comparePlanVersions.added.map((m) => (
                          <li key={m.id}>
                            <ins>{m.description}</ins> · {m.owner?.displayName} · <Day value={m.dueDate} /> ·{' '}
                            {m.points.map((p) => t('plans.point', { position: p.position })).join(', ')}
                          </li>
                        ))}
                      </ul>
                    )}
                  </section>
                  <section className="ov-section" aria-labelledby="removed-title">
                    <Heading2 id="removed-title">{t('plans.compare.removed')}</Heading2>
                    {diff.data.comparePlanVersions.removed.length === 0 ? (
                      <Paragraph>{t('plans.compare.nothing')}</Paragraph>
                    ) : (
                      <ul>
                        {diff.data.comparePlanVersions.removed.map((m) => (
                          <li key={m.id}>
                            <del>{m.description}</del>
                          </li>
                        ))}
                      </ul>
                    )}
                  </section>
                  <section className="ov-section" aria-labelledby="changed-title">
                    <Heading2 id="changed-title">{t('plans.compare.changed')}</Heading2>
                    {diff.data.comparePlanVersions.changed.length === 0 ? (
                      <Paragraph>{t('plans.compare.nothing')}</Paragraph>
                    ) : (
                      diff.data.comparePlanVersions.changed.map((c) => (
                        <Table key={c.measureId} className="ov-table">
                          <caption>{c.description}</caption>
                          <TableHeader>
                            <TableRow>
                              <TableHeaderCell scope="col">{t('plans.compare.field')}</TableHeaderCell>
                              <TableHeaderCell scope="col">{t('plans.compare.before', { version: from })}</TableHeaderCell>
                              <TableHeaderCell scope="col">{t('plans.compare.before', { version: to })}</TableHeaderCell>
                            </TableRow>
                          </TableHeader>
                          <TableBody>
                            {c.changes.map((ch) => {
                              const field = (FIELDS as readonly string[]).includes(ch.field) ? (ch.field as Field) : null;
                              return (
                                <TableRow key={ch.field}>
                                  <TableHeaderCell scope="row">{field ? t(`plans.compare.field.${field}`) : ch.field}</TableHeaderCell>
                                  <TableCell>{field ? show(field, ch.from) : ch.from}</TableCell>
                                  <TableCell>{field ? show(field, ch.to) : ch.to}</TableCell>
                                </TableRow>
                              );
                            })}
                          </TableBody>
                        </Table>
                      ))
                    )}
                  </section>
                </>
              )}
            </>
          )
        }
      </QueryState>
    </Page>
  );
}
