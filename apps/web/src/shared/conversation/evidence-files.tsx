import { useMutation, useQuery } from '@apollo/client/react';
import {
  Button,
  FormField,
  FormFieldDescription,
  FormFieldErrorMessage,
  FormLabel,
  Heading,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { useRef, useState, type FormEvent } from 'react';
import type { AttachmentsQuery as AttachmentsData, ThreadSubjectType } from '@web/gql/graphql';
import { toUiError, type UiError } from '../api/errors';
import { DateTime } from '../components/dates';
import { ErrorSummary } from '../components/error-summary';
import { StatusTag } from '../components/status-tag';
import { useLocale, useT } from '../i18n/use-t';
import { useSession } from '../session/session-context';
import { ACCEPTED_FILES, formatBytes, mayUpload, type UploadFailure } from './conversation-logic';
import { conversationMessages } from './messages';
import { AttachmentsQuery, DeleteAttachmentMutation } from './operations';
import { downloadAttachment, uploadAttachment, UploadError } from './upload';

type Attachment = AttachmentsData['attachments'][number];

export function EvidenceFiles({
  subjectType,
  subjectId,
  level,
  meId,
  role,
}: {
  subjectType: ThreadSubjectType;
  subjectId: string;
  level: number;
  meId: string;
  role: string;
}) {
  const t = useT(conversationMessages);
  const { locale } = useLocale();
  const { manager } = useSession();
  const { data, error, refetch } = useQuery(AttachmentsQuery, { variables: { subjectType, subjectId }, fetchPolicy: 'cache-and-network' });
  const [remove] = useMutation(DeleteAttachmentMutation);
  const [notice, setNotice] = useState<string | null>(null);
  const [failure, setFailure] = useState<UiError | null>(null);
  const [downloadFailed, setDownloadFailed] = useState<string | null>(null);
  const files = data?.attachments ?? [];
  const captionId = `files-caption-${subjectId}`;

  async function removeFile(f: Attachment) {
    setFailure(null);
    try {
      await remove({ variables: { input: { id: f.id, expectedVersion: f.version } } });
      setNotice(t('conversation.files.deleteDone', { name: f.fileName }));
      await refetch();
    } catch (e) {
      setFailure(toUiError(e));
    }
  }

  return (
    <div className="ov-conversation__part">
      <Heading level={level}>{t('conversation.files.title')}</Heading>
      {error && <ErrorSummary items={[]} error={toUiError(error)} />}
      {failure && <ErrorSummary items={[]} error={failure} onReload={() => void refetch().then(() => setFailure(null))} />}
      {downloadFailed && (
        <Paragraph role="alert" className="ov-conversation__over">
          {downloadFailed}
        </Paragraph>
      )}
      {data && files.length === 0 && <Paragraph>{t('conversation.files.none')}</Paragraph>}
      {files.length > 0 && (
        <div className="ov-table-scroll">
          <Table className="ov-table ov-files">
            <TableCaption id={captionId}>{t('conversation.files.caption')}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('conversation.files.name')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('conversation.files.size')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('conversation.files.uploaded')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('conversation.files.sha256')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('conversation.files.actions')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {files.map((f) => (
                <TableRow key={f.id}>
                  <TableHeaderCell scope="row">
                    {f.deletedAt ? (
                      <>
                        <del>{f.fileName}</del> <StatusTag tone="neutral">{t('conversation.files.deleted')}</StatusTag>
                      </>
                    ) : (
                      <button
                        type="button"
                        className="utrecht-link utrecht-link--html-button ov-link-button"
                        aria-label={t('conversation.files.download', { name: f.fileName })}
                        onClick={() => {
                          setDownloadFailed(null);
                          void downloadAttachment(manager, f.downloadPath, f.fileName).catch(() =>
                            setDownloadFailed(t('conversation.files.downloadFailed')),
                          );
                        }}
                      >
                        {f.fileName}
                      </button>
                    )}
                  </TableHeaderCell>
                  <TableCell>{formatBytes(f.sizeBytes, locale)}</TableCell>
                  <TableCell>
                    <DateTime value={f.uploadedAt} />{' '}
                    <span className="ov-meta">{t('conversation.files.by', { name: f.uploadedByName })}</span>
                    {f.deletedAt && (
                      <>
                        <br />
                        <span className="ov-meta">{t('conversation.files.deletedOn')}</span> <DateTime value={f.deletedAt} />
                      </>
                    )}
                  </TableCell>
                  <TableCell>
                    <code className="ov-sha">{f.sha256}</code>
                  </TableCell>
                  <TableCell>
                    {!f.deletedAt && f.uploadedBy === meId && (
                      <Button
                        appearance="subtle-button"
                        aria-label={t('conversation.files.deleteNamed', { name: f.fileName })}
                        onClick={() => void removeFile(f)}
                      >
                        {t('conversation.files.delete')}
                      </Button>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      <Paragraph role="status" className="ov-conversation__status">
        {notice}
      </Paragraph>
      {mayUpload(role, subjectType) && (
        <UploadForm
          subjectType={subjectType}
          subjectId={subjectId}
          onUploaded={async (name) => {
            setNotice(t('conversation.upload.done', { name }));
            await refetch();
          }}
          onProgress={setNotice}
          upload={(file, progress) => uploadAttachment(manager, { subjectType, subjectId }, file, progress)}
        />
      )}
    </div>
  );
}

function UploadForm({
  subjectId,
  onUploaded,
  onProgress,
  upload,
}: {
  subjectType: ThreadSubjectType;
  subjectId: string;
  onUploaded: (name: string) => Promise<void>;
  onProgress: (message: string | null) => void;
  upload: (file: File, progress: (fraction: number) => void) => Promise<void>;
}) {
  const t = useT(conversationMessages);
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<{ message: string; api: string | null } | null>(null);
  const id = `file-${subjectId}`;

  const describe = (f: UploadFailure) => ({ message: t(`conversation.upload.error.${f.kind}`), api: f.apiMessage });

  async function submit(event: FormEvent) {
    event.preventDefault();
    const file = input.current?.files?.[0];
    if (!file) {
      setProblem({ message: t('conversation.upload.choose'), api: null });
      return;
    }
    setProblem(null);
    setBusy(true);
    onProgress(t('conversation.upload.progress', { name: file.name, percent: 0 }));
    try {
      await upload(file, (fraction) =>
        onProgress(
          fraction >= 1
            ? t('conversation.upload.checking', { name: file.name })
            : t('conversation.upload.progress', { name: file.name, percent: Math.round(fraction * 100) }),
        ),
      );
      if (input.current) input.current.value = '';
      await onUploaded(file.name);
    } catch (e) {
      onProgress(null);
      setProblem(describe(e instanceof UploadError ? e.failure : { kind: 'network', apiMessage: null }));
    } finally {
      setBusy(false);
    }
  }

  const fieldError = problem
    ? problem.message + (problem.api ? ` ${t('conversation.upload.apiSays', { message: problem.api })}` : '')
    : undefined;
  return (
    <form className="ov-form ov-conversation__form" noValidate onSubmit={submit}>
      <ErrorSummary items={fieldError ? [{ target: id, message: fieldError }] : []} />
      <FormField type="text" invalid={!!problem}>
        <Paragraph className="utrecht-form-field__label">
          <FormLabel htmlFor={id}>{t('conversation.upload.label')}</FormLabel>
        </Paragraph>
        <FormFieldDescription id={`${id}-description`}>{t('conversation.upload.hint')}</FormFieldDescription>
        {fieldError && <FormFieldErrorMessage id={`${id}-error`}>{fieldError}</FormFieldErrorMessage>}
        <Paragraph className="utrecht-form-field__input">
          <input
            ref={input}
            id={id}
            name="file"
            type="file"
            accept={ACCEPTED_FILES}
            className="ov-file-input"
            aria-invalid={problem ? true : undefined}
            aria-describedby={[`${id}-description`, problem ? `${id}-error` : null].filter(Boolean).join(' ')}
            onChange={() => setProblem(null)}
          />
        </Paragraph>
      </FormField>
      <div className="ov-actions">
        <Button type="submit" appearance="secondary-action-button" busy={busy} disabled={busy}>
          {t('conversation.upload.submit')}
        </Button>
      </div>
    </form>
  );
}
