import { useApolloClient, useMutation } from '@apollo/client/react';
import { Button, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useRef, useState } from 'react';
import type { ExportFormat, ExportStatusQuery as ExportStatusData, RequestExportInput } from '@web/gql/graphql';
import { toUiError, type UiError } from '../api/errors';
import { ErrorSummary } from '../components/error-summary';
import { useT } from '../i18n/use-t';
import { useSession } from '../session/session-context';
import { exportMessages } from './messages';
import { ExportStatusQuery, RequestExportMutation } from './operations';

/** How often the status of a running export is asked for. */
export const EXPORT_POLL_MS = 1_000;

type Job = ExportStatusData['export'];

/**
 * One button per format: asks the worker for the export (`requestExport`), shows its progress in a
 * live region, and offers the file for download once DONE (fetched with the bearer token, saved by
 * the browser). Reusable for every `ExportView`: pass the input without `format`.
 */
export function ExportDownload({ input, formats }: { input: Omit<RequestExportInput, 'format'>; formats: ExportFormat[] }) {
  return (
    <div className="ov-exports">
      {formats.map((f) => (
        <ExportOne key={f} input={input} format={f} />
      ))}
    </div>
  );
}

function ExportOne({ input, format }: { input: Omit<RequestExportInput, 'format'>; format: ExportFormat }) {
  const t = useT(exportMessages);
  const client = useApolloClient();
  const { manager } = useSession();
  const [request, { loading }] = useMutation(RequestExportMutation);
  const [job, setJob] = useState<Job | null>(null);
  const [failure, setFailure] = useState<UiError | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  const poll = async (id: string) => {
    try {
      const { data } = await client.query({ query: ExportStatusQuery, variables: { id }, fetchPolicy: 'network-only' });
      const next = data!.export;
      setJob(next);
      if (next.status === 'QUEUED' || next.status === 'RUNNING') timer.current = setTimeout(() => void poll(id), EXPORT_POLL_MS);
    } catch (e) {
      setFailure(toUiError(e));
    }
  };

  const start = async () => {
    setFailure(null);
    setJob(null);
    clearTimeout(timer.current);
    try {
      const { data } = await request({ variables: { input: { ...input, format } } });
      const created = data!.requestExport;
      setJob({ ...created, filename: null, byteSize: null, rowCount: null, downloadUrl: null, error: null });
      await poll(created.id);
    } catch (e) {
      setFailure(toUiError(e));
    }
  };

  const download = async (done: Job) => {
    try {
      const token = await manager.getToken();
      const res = await fetch(done.downloadUrl!, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
      if (!res.ok) throw new Error(`download ${res.status}`);
      const url = URL.createObjectURL(await res.blob());
      const a = document.createElement('a');
      a.href = url;
      a.download = done.filename ?? `export.${format.toLowerCase()}`;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (e) {
      setFailure(toUiError(e));
    }
  };

  const busy = loading || job?.status === 'QUEUED' || job?.status === 'RUNNING';
  return (
    <div className="ov-export">
      {failure && <ErrorSummary items={[]} error={failure} />}
      <Button appearance="secondary-action-button" disabled={busy} onClick={() => void start()}>
        {t('export.request', { format })}
      </Button>
      <Paragraph role="status" aria-live="polite" className="ov-export__status">
        {job &&
          t(`export.status.${job.status}`, {
            format,
            filename: job.filename ?? '',
            size: t('export.size.kb', { size: Math.max(1, Math.round((job.byteSize ?? 0) / 1024)) }),
            error: job.error ?? '',
          })}
      </Paragraph>
      {job?.status === 'DONE' && job.downloadUrl && (
        <Button appearance="primary-action-button" onClick={() => void download(job)}>
          {t('export.download', { filename: job.filename ?? format })}
        </Button>
      )}
    </div>
  );
}
