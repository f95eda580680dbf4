import { useMutation, useQuery } from '@apollo/client/react';
import { Button } from '@utrecht/component-library-react';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { Role } from '@web/gql/graphql';
import { toUiError, type UiError } from '@web/shared/api/errors';
import { ErrorSummary, summaryItems } from '@web/shared/components/error-summary';
import { SelectField, TextField } from '@web/shared/components/fields';
import { Page } from '@web/shared/components/page';
import { sharedMessages } from '@web/shared/i18n/messages';
import { useT } from '@web/shared/i18n/use-t';
import { AccountOrganisationsQuery, AdminUsersQuery, CreateUserMutation } from '../api/operations';
import { adminAccountMessages, ROLES } from '../messages';

const ID_OF: Record<string, string> = {
  displayName: 'account-name',
  email: 'account-email',
  password: 'account-password',
  role: 'account-role',
  organisationId: 'account-organisation',
  locale: 'account-locale',
};

export function NewAccountRoute() {
  const t = useT(adminAccountMessages);
  const ts = useT(sharedMessages);
  const navigate = useNavigate();
  const orgs = useQuery(AccountOrganisationsQuery);
  const [create, { loading }] = useMutation(CreateUserMutation, { refetchQueries: [AdminUsersQuery] });
  const [v, setV] = useState({ displayName: '', email: '', password: '', role: '', organisationId: '', locale: 'nl' });
  const [local, setLocal] = useState<Record<string, string>>({});
  const [error, setError] = useState<UiError | null>(null);
  const problems = summaryItems(local, error, (f) => ID_OF[f], 'account-name');
  const fieldError = (f: string) => problems.find((p) => p.target === ID_OF[f])?.message;
  const needsOrganisation = v.role !== '' && v.role !== 'ADMIN';
  return (
    <Page title={t('adminAccounts.new')}>
      <form
        className="ov-form"
        noValidate
        aria-label={t('adminAccounts.new')}
        onSubmit={async (e) => {
          e.preventDefault();
          const missing: Record<string, string> = {};
          if (!v.displayName.trim()) missing.displayName = ts('error.required', { field: t('adminAccounts.required.displayName') });
          if (!v.email.trim()) missing.email = ts('error.required', { field: t('adminAccounts.required.email') });
          if (!v.password) missing.password = ts('error.required', { field: t('adminAccounts.required.password') });
          if (!v.role) missing.role = ts('error.required', { field: t('adminAccounts.required.role') });
          if (needsOrganisation && !v.organisationId)
            missing.organisationId = ts('error.required', { field: t('adminAccounts.required.organisation') });
          setLocal(missing);
          setError(null);
          if (Object.keys(missing).length) return;
          try {
            const { data } = await create({
              variables: {
                input: {
                  displayName: v.displayName.trim(),
                  email: v.email.trim(),
                  password: v.password,
                  role: v.role as Role,
                  organisationId: needsOrganisation ? v.organisationId : undefined,
                  locale: v.locale,
                },
              },
            });
            navigate('/admin/accounts', { state: { created: data!.createUser.displayName } });
          } catch (err) {
            setError(toUiError(err));
          }
        }}
      >
        <ErrorSummary items={problems} error={error} />
        <TextField
          id="account-name"
          label={t('adminAccounts.form.displayName')}
          required
          value={v.displayName}
          onChange={(displayName) => setV({ ...v, displayName })}
          error={fieldError('displayName')}
        />
        <TextField
          id="account-email"
          type="email"
          autoComplete="off"
          label={t('adminAccounts.form.email')}
          required
          value={v.email}
          onChange={(email) => setV({ ...v, email })}
          error={fieldError('email')}
        />
        <TextField
          id="account-password"
          type="password"
          autoComplete="new-password"
          label={t('adminAccounts.form.password')}
          description={t('adminAccounts.form.passwordHint')}
          required
          value={v.password}
          onChange={(password) => setV({ ...v, password })}
          error={fieldError('password')}
        />
        <SelectField
          id="account-role"
          label={t('adminAccounts.form.role')}
          required
          value={v.role}
          placeholder=""
          onChange={(role) => setV({ ...v, role })}
          options={ROLES.map((r) => ({ value: r, label: t(`adminAccounts.role.${r}`) }))}
          error={fieldError('role')}
        />
        {needsOrganisation && (
          <SelectField
            id="account-organisation"
            label={t('adminAccounts.form.organisation')}
            description={t('adminAccounts.form.organisationHint')}
            required
            value={v.organisationId}
            placeholder=""
            onChange={(organisationId) => setV({ ...v, organisationId })}
            options={(orgs.data?.organisations.nodes ?? []).map((o) => ({ value: o.id, label: o.name }))}
            error={fieldError('organisationId')}
          />
        )}
        <SelectField
          id="account-locale"
          label={t('adminAccounts.form.locale')}
          value={v.locale}
          onChange={(locale) => setV({ ...v, locale })}
          options={[
            { value: 'nl', label: 'Nederlands' },
            { value: 'en', label: 'English' },
          ]}
        />
        <div className="ov-actions">
          <Button type="submit" appearance="primary-action-button" disabled={loading}>
            {t('adminAccounts.form.create')}
          </Button>
          <Link to="/admin/accounts" className="utrecht-link">
            {t('adminAccounts.form.back')}
          </Link>
        </div>
      </form>
    </Page>
  );
}
