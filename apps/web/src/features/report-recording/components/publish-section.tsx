import { useMutation, useQuery } from '@apollo/client/react';
import {
  Alert,
  Button,
  Heading2,
  Heading3,
  Paragraph,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { useEffect, useRef, useState } from 'react';
import type { DraftReportQuery } from '@web/gql/graphql';
import { fieldName, toUiError, type UiError } from '@web/shared/api/errors';
import { ConfirmSubmit } from '@web/shared/components/confirm-submit';
import { Day } from '@web/shared/components/dates';
import { ErrorSummary, generalMessage, summaryItems } from '@web/shared/components/error-summary';
import { TextField } from '@web/shared/components/fields';
import { formatDay, todayInAmsterdam } from '@web/shared/i18n/format';
import { sharedMessages } from '@web/shared/i18n/messages';
import { useLocale, useT } from '@web/shared/i18n/use-t';
import { PublicationPreviewQuery, PublishInvestigationMutation } from '../api/operations';
import { reportRecordingMessages } from '../messages';

type Investigation = DraftReportQuery['investigation'];

/** A real calendar date written as YYYY-MM-DD (what a date input gives, or an empty string). */
function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const [y, m, d] = value.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d)).toISOString().slice(0, 10) === value;
}

/**
 * Publication date, the deadlines it will create, and a confirmation before the irreversible step.
 * The deadlines come from the API's `publicationPreview`, which uses the rules publishing uses:
 * the browser does no date arithmetic of its own.
 */
export function PublishSection({ inv, onPublished, onReload }: { inv: Investigation; onPublished: () => void; onReload: () => void }) {
  const t = useT(reportRecordingMessages);
  const ts = useT(sharedMessages);
  const { locale } = useLocale();
  const [date, setDate] = useState(todayInAmsterdam);
  const [confirming, setConfirming] = useState(false);
  const [local, setLocal] = useState<Record<string, string>>({});
  const [error, setError] = useState<UiError | null>(null);
  const [publish, publishing] = useMutation(PublishInvestigationMutation);
  const policy = inv.deadlinePolicy;
  const ready = inv.findings.length > 0 && inv.improvementPoints.length > 0;
  const wellFormed = isIsoDate(date);
  const previewQuery = useQuery(PublicationPreviewQuery, {
    variables: { investigationId: inv.id, publicationDate: date },
    skip: !ready || !wellFormed,
    fetchPolicy: 'network-only',
  });
  const preview = previewQuery.data?.publicationPreview;

  // The draft changed (addressees, policy, details): ask again for the same date.
  const signature = JSON.stringify([inv.version, policy, inv.improvementPoints.map((p) => p.addressees.map((a) => a.id))]);
  const asked = useRef(signature);
  const { refetch } = previewQuery;
  useEffect(() => {
    if (asked.current === signature) return;
    asked.current = signature;
    if (ready && wellFormed) void refetch();
  }, [signature, ready, wellFormed, refetch]);

  // The window the API accepts (it says so in every preview); kept for the hint while a date is refused.
  const [bounds, setBounds] = useState<{ earliest: string; latest: string } | null>(null);
  const earliest = preview?.earliestPublicationDate;
  const latest = preview?.latestPublicationDate;
  useEffect(() => {
    if (earliest && latest) setBounds({ earliest, latest });
  }, [earliest, latest]);
  const range = bounds ? { earliest: formatDay(bounds.earliest, locale), latest: formatDay(bounds.latest, locale) } : null;

  const previewError = previewQuery.error ? toUiError(previewQuery.error) : null;
  const refusedDate = previewError?.kind === 'input' ? previewError.fields.find((f) => fieldName(f.path) === 'publicationDate') : undefined;
  const dateError =
    local.publicationDate ?? (refusedDate ? (range ? t('report.publish.dateInvalid', range) : refusedDate.message) : undefined);
  const dateProblem = () => (range ? t('report.publish.dateInvalid', range) : t('report.publish.dateRequired'));

  return (
    <section className="ov-section" aria-labelledby="publish-title">
      <Heading2 id="publish-title">{t('report.publish.title')}</Heading2>
      <Paragraph>{t('report.publish.intro')}</Paragraph>
      {!ready ? (
        <Paragraph>{t('report.publish.missing')}</Paragraph>
      ) : (
        <form
          className="ov-form"
          aria-labelledby="publish-title"
          noValidate
          onSubmit={async (e) => {
            e.preventDefault();
            if (!wellFormed || refusedDate) {
              setLocal({ publicationDate: dateProblem() });
              setConfirming(false);
              return;
            }
            setLocal({});
            setError(null);
            // Asked before the preview arrived: the confirmation shows once it is there.
            if (!confirming || !preview) {
              setConfirming(true);
              return;
            }
            try {
              await publish({ variables: { input: { id: inv.id, expectedVersion: inv.version, publicationDate: date } } });
              onPublished();
            } catch (err) {
              setConfirming(false);
              setError(toUiError(err));
            }
          }}
        >
          <ErrorSummary
            items={summaryItems(local, error, (f) => (f.endsWith('publicationDate') ? 'publish-date' : undefined), 'publish-date')}
            error={error}
            onReload={onReload}
          />
          <TextField
            id="publish-date"
            type="date"
            label={t('report.publish.date')}
            description={range ? t('report.publish.dateHint', range) : undefined}
            value={date}
            onChange={(v) => {
              setDate(v);
              setLocal({});
              setConfirming(false);
            }}
            error={dateError}
            required
          />
          <section aria-labelledby="publish-preview">
            <Heading3 id="publish-preview">{t('report.publish.preview')}</Heading3>
            <Paragraph className="ov-meta">
              {t('report.publish.basis', {
                planDays: policy.planDueDays,
                unit: t(`report.publish.unit.${policy.deadlineUnit}`),
                months: policy.trajectoryMonths,
              })}
            </Paragraph>
            {previewQuery.loading ? (
              <Paragraph role="status" aria-live="polite">
                {t('report.publish.previewLoading')}
              </Paragraph>
            ) : previewError && !refusedDate ? (
              <Alert type={previewError.kind === 'network' ? 'warning' : 'error'} role="alert">
                <Paragraph>
                  {t('report.publish.previewFailed')} {generalMessage(previewError, ts)}
                </Paragraph>
                <Button type="button" appearance="secondary-action-button" onClick={() => void refetch()}>
                  {ts('app.retry')}
                </Button>
              </Alert>
            ) : !preview ? (
              !refusedDate && <Paragraph>{t('report.publish.previewNoDate')}</Paragraph>
            ) : (
              <>
                {!preview.plans.length && <Paragraph>{t('report.publish.previewEmpty')}</Paragraph>}
                <Table className="ov-table" aria-labelledby="publish-preview">
                  <TableHeader>
                    <TableRow>
                      <TableHeaderCell scope="col">{t('report.publish.col.deadline')}</TableHeaderCell>
                      <TableHeaderCell scope="col">{t('report.publish.col.organisation')}</TableHeaderCell>
                      <TableHeaderCell scope="col">{t('report.publish.col.due')}</TableHeaderCell>
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {preview.plans.map((p) => (
                      <TableRow key={p.organisation.id}>
                        <TableCell>{t('report.publish.planDue')}</TableCell>
                        <TableHeaderCell scope="row">{p.organisation.name}</TableHeaderCell>
                        <TableCell>
                          <Day value={p.dueDate} />
                        </TableCell>
                      </TableRow>
                    ))}
                    <TableRow>
                      <TableCell>{t('report.publish.trajectoryEnd')}</TableCell>
                      <TableHeaderCell scope="row">{inv.leadInspectorate.name}</TableHeaderCell>
                      <TableCell>
                        <Day value={preview.trajectoryEndDate} />
                      </TableCell>
                    </TableRow>
                  </TableBody>
                </Table>
              </>
            )}
          </section>
          <ConfirmSubmit
            confirming={confirming && !!preview}
            message={preview && t('report.publish.confirm', { count: preview.plans.length })}
            submitLabel={t('report.publish.submit')}
            confirmLabel={t('report.publish.confirmYes')}
            cancelLabel={t('report.publish.cancel')}
            busy={publishing.loading}
            onCancel={() => setConfirming(false)}
          />
        </form>
      )}
    </section>
  );
}
