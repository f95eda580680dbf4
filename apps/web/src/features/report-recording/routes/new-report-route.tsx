import { useMutation, useQuery } from '@apollo/client/react';
import { Paragraph } from '@utrecht/component-library-react';
import { useNavigate } from 'react-router';
import { Page } from '@web/shared/components/page';
import { QueryState } from '@web/shared/components/query-state';
import { useT } from '@web/shared/i18n/use-t';
import { useSession } from '@web/shared/session/session-context';
import { CreateInvestigationMutation, ReportOrganisationsQuery } from '../api/operations';
import { DetailsForm } from '../components/details-form';
import { defaultDetails, policyInput } from '../components/details-values';
import { PrivacyWarning } from '../components/privacy-warning';
import { reportRecordingMessages } from '../messages';

export function NewReportRoute() {
  const t = useT(reportRecordingMessages);
  const { me } = useSession();
  const navigate = useNavigate();
  const orgs = useQuery(ReportOrganisationsQuery);
  const [create] = useMutation(CreateInvestigationMutation);
  return (
    <Page title={t('report.new.title')}>
      <Paragraph>{t('report.new.intro')}</Paragraph>
      <PrivacyWarning />
      <QueryState loading={orgs.loading && !orgs.data} error={orgs.error} retry={() => void orgs.refetch()}>
        {() => (
          <DetailsForm
            initial={defaultDetails()}
            organisations={orgs.data!.organisations.nodes}
            ownInspectorateId={me?.organisation?.id}
            submitLabel={t('report.create')}
            onSubmit={async (v) => {
              const { data } = await create({
                variables: {
                  input: {
                    title: v.title.trim(),
                    summary: v.summary.trim() || undefined,
                    municipalityId: v.municipalityId,
                    participatingInspectorateIds: v.participatingInspectorateIds,
                    involvedOrganisationIds: v.involvedOrganisationIds,
                    policy: policyInput(v),
                  },
                },
              });
              await navigate(`/reports/${data!.createInvestigation.id}`);
            }}
          />
        )}
      </QueryState>
    </Page>
  );
}
