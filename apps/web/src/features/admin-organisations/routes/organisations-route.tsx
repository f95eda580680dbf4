import { useQuery } from '@apollo/client/react';
import { Button, Paragraph, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useState } from 'react';
import { Link, useLocation } from 'react-router';
import type { OrganisationKind } from '@web/gql/graphql';
import { SelectField, TextField } from '@web/shared/components/fields';
import { Page } from '@web/shared/components/page';
import { QueryState } from '@web/shared/components/query-state';
import { domainMessages, ORGANISATION_KINDS } from '@web/shared/i18n/domain-messages';
import { useT } from '@web/shared/i18n/use-t';
import { AdminOrganisationsQuery } from '../api/operations';
import { adminOrganisationMessages } from '../messages';

export function OrganisationsRoute() {
  const t = useT(adminOrganisationMessages);
  const td = useT(domainMessages);
  const { state } = useLocation() as { state?: { created?: string } };
  const [search, setSearch] = useState('');
  const [kind, setKind] = useState('');
  const [filter, setFilter] = useState<{ search?: string; kind?: OrganisationKind }>({});
  const { data, loading, error, refetch } = useQuery(AdminOrganisationsQuery, { variables: { filter }, fetchPolicy: 'cache-and-network' });
  return (
    <Page title={t('adminOrgs.title')}>
      {state?.created && (
        <Paragraph role="status" className="ov-notice">
          {t('adminOrgs.created', { name: state.created })}
        </Paragraph>
      )}
      <Paragraph>
        <Link to="/admin/organisations/new" className="utrecht-link">
          {t('adminOrgs.new')}
        </Link>
      </Paragraph>
      <form
        role="search"
        className="ov-compare-pickers"
        onSubmit={(e) => {
          e.preventDefault();
          setFilter({ search: search.trim() || undefined, kind: (kind || undefined) as OrganisationKind | undefined });
        }}
      >
        <TextField id="orgs-search" label={t('adminOrgs.search')} value={search} onChange={setSearch} />
        <SelectField
          id="orgs-kind"
          label={t('adminOrgs.kindFilter')}
          value={kind}
          onChange={setKind}
          placeholder={t('adminOrgs.allKinds')}
          options={ORGANISATION_KINDS.map((k) => ({ value: k, label: td(`orgKind.${k}`) }))}
        />
        <Button type="submit" appearance="secondary-action-button">
          {t('adminOrgs.apply')}
        </Button>
      </form>
      <QueryState loading={loading && !data} error={error} retry={() => void refetch()}>
        {() => {
          const c = data!.organisations;
          return (
            <>
              <Paragraph role="status">
                {t('adminOrgs.count', { count: c.totalCount })} {c.totalCount > c.nodes.length && t('adminOrgs.more')}
              </Paragraph>
              {c.nodes.length > 0 && (
                <div className="ov-table-scroll">
                  <Table className="ov-table">
                    <caption>{t('adminOrgs.table')}</caption>
                    <TableHeader>
                      <TableRow>
                        <TableHeaderCell scope="col">{t('adminOrgs.col.name')}</TableHeaderCell>
                        <TableHeaderCell scope="col">{t('adminOrgs.col.kind')}</TableHeaderCell>
                        <TableHeaderCell scope="col">{t('adminOrgs.col.municipality')}</TableHeaderCell>
                      </TableRow>
                    </TableHeader>
                    <TableBody>
                      {c.nodes.map((o) => (
                        <TableRow key={o.id}>
                          <TableHeaderCell scope="row">
                            <Link
                              to={`/admin/organisations/${o.id}`}
                              className="utrecht-link"
                              aria-label={t('adminOrgs.edit', { name: o.name })}
                            >
                              {o.name}
                            </Link>
                          </TableHeaderCell>
                          <TableCell>{td(`orgKind.${o.kind}`)}</TableCell>
                          <TableCell>{o.municipality?.name ?? ''}</TableCell>
                        </TableRow>
                      ))}
                    </TableBody>
                  </Table>
                </div>
              )}
            </>
          );
        }}
      </QueryState>
    </Page>
  );
}
