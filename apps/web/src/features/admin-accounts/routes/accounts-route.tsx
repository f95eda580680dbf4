import { useMutation, useQuery } from '@apollo/client/react';
import { Button, Paragraph, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useState } from 'react';
import { Link, useLocation } from 'react-router';
import type { AdminUsersQuery as AdminUsersData, Role, UserFilterInput } from '@web/gql/graphql';
import { toUiError, type UiError } from '@web/shared/api/errors';
import { ErrorSummary, type SummaryItem } from '@web/shared/components/error-summary';
import { SelectField, TextField } from '@web/shared/components/fields';
import { Page } from '@web/shared/components/page';
import { QueryState } from '@web/shared/components/query-state';
import { StatusTag } from '@web/shared/components/status-tag';
import { useT } from '@web/shared/i18n/use-t';
import { useSession } from '@web/shared/session/session-context';
import { AccountOrganisationsQuery, AdminUsersQuery, SendPasswordResetMutation, UpdateUserMutation } from '../api/operations';
import { adminAccountMessages, ROLES } from '../messages';

type Account = AdminUsersData['users']['nodes'][number];

export function AccountsRoute() {
  const t = useT(adminAccountMessages);
  const { state } = useLocation() as { state?: { created?: string } };
  const [search, setSearch] = useState('');
  const [role, setRole] = useState('');
  const [organisationId, setOrganisationId] = useState('');
  const [active, setActive] = useState('');
  const [filter, setFilter] = useState<UserFilterInput>({});
  const [notice, setNotice] = useState<string | null>(state?.created ? t('adminAccounts.done.created', { name: state.created }) : null);
  const [failure, setFailure] = useState<UiError | null>(null);
  const [failureItems, setFailureItems] = useState<SummaryItem[]>([]);
  const orgs = useQuery(AccountOrganisationsQuery);
  const { data, loading, error, refetch } = useQuery(AdminUsersQuery, { variables: { filter }, fetchPolicy: 'cache-and-network' });
  const report = (message: string | null, err: UiError | null, items: SummaryItem[] = []) => {
    setNotice(message);
    setFailure(err);
    setFailureItems(items);
  };
  return (
    <Page title={t('adminAccounts.title')}>
      {failure && <ErrorSummary items={failureItems} error={failure} />}
      {notice && (
        <Paragraph role="status" className="ov-notice">
          {notice}
        </Paragraph>
      )}
      <Paragraph>
        <Link to="/admin/accounts/new" className="utrecht-link">
          {t('adminAccounts.new')}
        </Link>
      </Paragraph>
      <form
        role="search"
        className="ov-compare-pickers"
        onSubmit={(e) => {
          e.preventDefault();
          setFilter({
            search: search.trim() || undefined,
            role: (role || undefined) as Role | undefined,
            organisationId: organisationId || undefined,
            active: active === '' ? undefined : active === 'true',
          });
        }}
      >
        <TextField id="accounts-search" label={t('adminAccounts.search')} value={search} onChange={setSearch} />
        <SelectField
          id="accounts-role"
          label={t('adminAccounts.role')}
          value={role}
          onChange={setRole}
          placeholder={t('adminAccounts.allRoles')}
          options={ROLES.map((r) => ({ value: r, label: t(`adminAccounts.role.${r}`) }))}
        />
        <SelectField
          id="accounts-organisation"
          label={t('adminAccounts.organisation')}
          value={organisationId}
          onChange={setOrganisationId}
          placeholder={t('adminAccounts.allOrganisations')}
          options={(orgs.data?.organisations.nodes ?? []).map((o) => ({ value: o.id, label: o.name }))}
        />
        <SelectField
          id="accounts-active"
          label={t('adminAccounts.activeFilter')}
          value={active}
          onChange={setActive}
          placeholder={t('adminAccounts.allStatuses')}
          options={[
            { value: 'true', label: t('adminAccounts.active') },
            { value: 'false', label: t('adminAccounts.disabled') },
          ]}
        />
        <Button type="submit" appearance="secondary-action-button">
          {t('adminAccounts.apply')}
        </Button>
      </form>
      <QueryState loading={loading && !data} error={error} retry={() => void refetch()}>
        {() => {
          const c = data!.users;
          return (
            <>
              <Paragraph>
                {t('adminAccounts.count', { count: c.totalCount })} {c.totalCount > c.nodes.length && t('adminAccounts.more')}
              </Paragraph>
              <Paragraph>{t('adminAccounts.sessionsNote')}</Paragraph>
              {c.nodes.length > 0 && (
                <div className="ov-table-scroll">
                  <Table className="ov-table">
                    <caption>{t('adminAccounts.table')}</caption>
                    <TableHeader>
                      <TableRow>
                        <TableHeaderCell scope="col">{t('adminAccounts.col.name')}</TableHeaderCell>
                        <TableHeaderCell scope="col">{t('adminAccounts.col.role')}</TableHeaderCell>
                        <TableHeaderCell scope="col">{t('adminAccounts.col.organisation')}</TableHeaderCell>
                        <TableHeaderCell scope="col">{t('adminAccounts.col.status')}</TableHeaderCell>
                        <TableHeaderCell scope="col">{t('adminAccounts.col.actions')}</TableHeaderCell>
                      </TableRow>
                    </TableHeader>
                    <TableBody>
                      {c.nodes.map((u) => (
                        <TableRow key={u.id}>
                          <TableHeaderCell scope="row">
                            {u.displayName}
                            <div className="ov-meta">{u.email}</div>
                          </TableHeaderCell>
                          <TableCell>{t(`adminAccounts.role.${u.role}`)}</TableCell>
                          <TableCell>{u.organisation?.name ?? ''}</TableCell>
                          <TableCell>
                            {u.active ? (
                              <StatusTag tone="ok">{t('adminAccounts.active')}</StatusTag>
                            ) : (
                              <StatusTag tone="neutral">{t('adminAccounts.disabled')}</StatusTag>
                            )}
                          </TableCell>
                          <TableCell>
                            <AccountActions account={u} report={report} />
                          </TableCell>
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

/** Role change, disable/enable and a reset mail; every outcome (or the API's refusal) is reported at the top. */
function AccountActions({
  account: u,
  report,
}: {
  account: Account;
  report: (message: string | null, error: UiError | null, items?: SummaryItem[]) => void;
}) {
  const t = useT(adminAccountMessages);
  const { me } = useSession();
  const [role, setRole] = useState<string>(u.role);
  const [update, { loading }] = useMutation(UpdateUserMutation, { refetchQueries: [AdminUsersQuery] });
  const [sendReset, { loading: sending }] = useMutation(SendPasswordResetMutation);
  const run = async (action: () => Promise<unknown>, message: string) => {
    report(null, null);
    try {
      await action();
      report(message, null);
    } catch (e) {
      const ui = toUiError(e);
      // The API's refusal per field, next to the control it is about; one's own account gets the sentence in the page's language.
      const items =
        ui.kind === 'input'
          ? ui.fields.map((f) => ({
              target: `role-${u.id}`,
              message: u.id === me?.id ? t('adminAccounts.refused.self') : `${ui.message} (${f.message})`,
            }))
          : [];
      report(null, ui, items);
    }
  };
  return (
    <details className="ov-account-actions">
      <summary>{t('adminAccounts.manage', { name: u.displayName })}</summary>
      <SelectField
        id={`role-${u.id}`}
        label={t('adminAccounts.newRole', { name: u.displayName })}
        value={role}
        onChange={setRole}
        options={ROLES.map((r) => ({ value: r, label: t(`adminAccounts.role.${r}`) }))}
      />
      <div className="ov-actions">
        <Button
          appearance="secondary-action-button"
          disabled={loading || role === u.role}
          onClick={() =>
            void run(
              () => update({ variables: { input: { id: u.id, expectedVersion: u.version, role: role as Role } } }),
              t('adminAccounts.done.role', { name: u.displayName }),
            )
          }
        >
          {t('adminAccounts.changeRole')}
        </Button>
        <Button
          appearance="secondary-action-button"
          disabled={loading}
          onClick={() =>
            void run(
              () => update({ variables: { input: { id: u.id, expectedVersion: u.version, active: !u.active } } }),
              t(u.active ? 'adminAccounts.done.disabled' : 'adminAccounts.done.enabled', { name: u.displayName }),
            )
          }
        >
          {t(u.active ? 'adminAccounts.disable' : 'adminAccounts.enable', { name: u.displayName })}
        </Button>
        <Button
          appearance="subtle-button"
          disabled={sending || !u.active}
          onClick={() =>
            void run(() => sendReset({ variables: { input: { email: u.email } } }), t('adminAccounts.done.reset', { email: u.email }))
          }
        >
          {t('adminAccounts.sendReset', { name: u.displayName })}
        </Button>
      </div>
    </details>
  );
}
