import { useMutation, useQuery } from '@apollo/client/react';
import { Button, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { OrganisationKind } from '@web/gql/graphql';
import { toUiError, type UiError } from '@web/shared/api/errors';
import { ErrorSummary, summaryItems } from '@web/shared/components/error-summary';
import { SelectField, TextField } from '@web/shared/components/fields';
import { Page } from '@web/shared/components/page';
import { QueryState } from '@web/shared/components/query-state';
import { sharedMessages } from '@web/shared/i18n/messages';
import { domainMessages, ORGANISATION_KINDS } from '@web/shared/i18n/domain-messages';
import { useT } from '@web/shared/i18n/use-t';
import {
  AdminOrganisationQuery,
  AdminOrganisationsQuery,
  CreateOrganisationMutation,
  MunicipalitiesQuery,
  UpdateOrganisationMutation,
} from '../api/operations';
import { adminOrganisationMessages } from '../messages';

const ID_OF: Record<string, string> = { name: 'org-name', kind: 'org-kind', municipalityId: 'org-municipality' };

interface Values {
  name: string;
  kind: string;
  municipalityId: string;
}

function OrganisationForm({ initial, editing, onSubmit }: { initial: Values; editing: boolean; onSubmit: (v: Values) => Promise<void> }) {
  const t = useT(adminOrganisationMessages);
  const ts = useT(sharedMessages);
  const td = useT(domainMessages);
  const [values, setValues] = useState(initial);
  const [local, setLocal] = useState<Record<string, string>>({});
  const [error, setError] = useState<UiError | null>(null);
  const [busy, setBusy] = useState(false);
  const municipalities = useQuery(MunicipalitiesQuery);
  const problems = summaryItems(local, error, (f) => ID_OF[f], 'org-name');
  const fieldError = (f: string) => problems.find((p) => p.target === ID_OF[f])?.message;
  return (
    <form
      className="ov-form"
      noValidate
      aria-label={editing ? t('adminOrgs.editTitle') : t('adminOrgs.new')}
      onSubmit={async (e) => {
        e.preventDefault();
        const missing: Record<string, string> = {};
        if (!values.name.trim()) missing.name = ts('error.required', { field: t('adminOrgs.required.name') });
        if (!values.kind) missing.kind = ts('error.required', { field: t('adminOrgs.required.kind') });
        setLocal(missing);
        setError(null);
        if (Object.keys(missing).length) return;
        setBusy(true);
        try {
          await onSubmit(values);
        } catch (err) {
          setError(toUiError(err));
        } finally {
          setBusy(false);
        }
      }}
    >
      <ErrorSummary items={problems} error={error} />
      <TextField
        id="org-name"
        label={t('adminOrgs.name')}
        required
        value={values.name}
        onChange={(name) => setValues({ ...values, name })}
        error={fieldError('name')}
      />
      {!editing && (
        <SelectField
          id="org-kind"
          label={t('adminOrgs.kind')}
          required
          value={values.kind}
          placeholder=""
          onChange={(kind) => setValues({ ...values, kind })}
          options={ORGANISATION_KINDS.map((k) => ({ value: k, label: td(`orgKind.${k}`) }))}
          error={fieldError('kind')}
        />
      )}
      {values.kind !== 'MUNICIPALITY' && values.kind !== 'INSPECTORATE' && (
        <SelectField
          id="org-municipality"
          label={t('adminOrgs.municipality')}
          value={values.municipalityId}
          placeholder={t('adminOrgs.municipality.none')}
          onChange={(municipalityId) => setValues({ ...values, municipalityId })}
          options={(municipalities.data?.organisations.nodes ?? []).map((m) => ({ value: m.id, label: m.name }))}
          error={fieldError('municipalityId')}
        />
      )}
      <div className="ov-actions">
        <Button type="submit" appearance="primary-action-button" disabled={busy}>
          {editing ? t('adminOrgs.save') : t('adminOrgs.create')}
        </Button>
        <Link to="/admin/organisations" className="utrecht-link">
          {t('adminOrgs.back')}
        </Link>
      </div>
    </form>
  );
}

export function NewOrganisationRoute() {
  const t = useT(adminOrganisationMessages);
  const navigate = useNavigate();
  const [create] = useMutation(CreateOrganisationMutation, { refetchQueries: [AdminOrganisationsQuery, MunicipalitiesQuery] });
  return (
    <Page title={t('adminOrgs.new')}>
      <OrganisationForm
        editing={false}
        initial={{ name: '', kind: '', municipalityId: '' }}
        onSubmit={async (v) => {
          const { data } = await create({
            variables: { input: { name: v.name.trim(), kind: v.kind as OrganisationKind, municipalityId: v.municipalityId || undefined } },
          });
          navigate('/admin/organisations', { state: { created: data!.createOrganisation.name } });
        }}
      />
    </Page>
  );
}

export function EditOrganisationRoute() {
  const t = useT(adminOrganisationMessages);
  const { id = '' } = useParams();
  const { data, loading, error, refetch } = useQuery(AdminOrganisationQuery, { variables: { id } });
  const [update] = useMutation(UpdateOrganisationMutation);
  const [saved, setSaved] = useState(false);
  return (
    <Page title={data?.organisation.name ?? t('adminOrgs.editTitle')} preHeading={t('adminOrgs.editTitle')}>
      <QueryState loading={loading && !data} error={error} retry={() => void refetch()}>
        {() => {
          const o = data!.organisation;
          return (
            <>
              {saved && (
                <Paragraph role="status" className="ov-notice">
                  {t('adminOrgs.saved')}
                </Paragraph>
              )}
              <OrganisationForm
                key={o.version}
                editing
                initial={{ name: o.name, kind: o.kind, municipalityId: o.municipality?.id ?? '' }}
                onSubmit={async (v) => {
                  setSaved(false);
                  await update({
                    variables: {
                      input: { id: o.id, expectedVersion: o.version, name: v.name.trim(), municipalityId: v.municipalityId || undefined },
                    },
                  });
                  setSaved(true);
                }}
              />
            </>
          );
        }}
      </QueryState>
    </Page>
  );
}
