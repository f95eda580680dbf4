import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Button, ButtonGroup, Heading, Paragraph } from '@utrecht/component-library-react';
import { useState, type FormEvent, type ReactNode } from 'react';
import type { CommentThreadQuery as ThreadData, CommentVisibility, ThreadSubjectType } from '@web/gql/graphql';
import { toUiError, type UiError } from '../api/errors';
import { DateTime } from '../components/dates';
import { ErrorSummary, generalMessage, summaryItems, useConflictReload } from '../components/error-summary';
import { TextAreaField } from '../components/fields';
import { RadioGroup } from '../components/radio-group';
import { StatusTag, type Tone } from '../components/status-tag';
import { formatDateTime } from '../i18n/format';
import { sharedMessages } from '../i18n/messages';
import { useLocale, useT } from '../i18n/use-t';
import { commentLength, editMinutesLeft, withinEditWindow } from './conversation-logic';
import { conversationMessages } from './messages';
import { AddCommentMutation, CommentThreadQuery, DeleteCommentMutation, EditCommentMutation } from './operations';

type Thread = ThreadData['commentThread'];
type Comment = Thread['comments'][number];

const TONE: Record<CommentVisibility, Tone> = { PUBLIC: 'info', INTERNAL: 'warning', ORGANISATION: 'neutral' };

export function CommentThread({
  subjectType,
  subjectId,
  level,
  meId,
  visibilities,
  role,
  readOnly,
}: {
  subjectType: ThreadSubjectType;
  subjectId: string;
  level: number;
  meId: string;
  visibilities: CommentVisibility[];
  role: string;
  readOnly: boolean;
}) {
  const t = useT(conversationMessages);
  const { data, loading, error, refetch } = useQuery(CommentThreadQuery, {
    variables: { subjectType, subjectId },
    fetchPolicy: 'cache-and-network',
  });
  const [notice, setNotice] = useState<string | null>(null);
  const reload = () => refetch();
  return (
    <div className="ov-conversation__part">
      <Heading level={level}>{t('conversation.comments.title')}</Heading>
      <PartState loading={loading && !data} error={error} retry={() => void refetch()}>
        {() => {
          const thread = data!.commentThread;
          return (
            <>
              {thread.comments.length === 0 ? (
                <Paragraph>{t('conversation.comments.none')}</Paragraph>
              ) : (
                <ol className="ov-comments" aria-label={t('conversation.comments.label')}>
                  {thread.comments.map((c) => (
                    <CommentItem key={c.id} comment={c} thread={thread} mine={c.authorId === meId} reload={reload} onNotice={setNotice} />
                  ))}
                </ol>
              )}
              <Paragraph role="status" className="ov-conversation__status">
                {notice}
              </Paragraph>
              {!readOnly && (
                <AddComment
                  thread={thread}
                  subjectType={subjectType}
                  subjectId={subjectId}
                  level={level + 1}
                  visibilities={visibilities}
                  inspector={role === 'INSPECTOR'}
                  onAdded={async () => {
                    setNotice(t('conversation.add.done'));
                    await reload();
                  }}
                />
              )}
            </>
          );
        }}
      </PartState>
    </div>
  );
}

/** Like QueryState, but inside a page: a refusal is a sentence in the panel, never a second h1. */
function PartState({
  loading,
  error,
  retry,
  children,
}: {
  loading: boolean;
  error?: unknown;
  retry: () => void;
  children: () => ReactNode;
}) {
  const ts = useT(sharedMessages);
  if (error) {
    const ui = toUiError(error);
    return (
      <Alert type={ui.kind === 'network' ? 'warning' : 'error'}>
        <Paragraph>{generalMessage(ui, ts)}</Paragraph>
        {ui.kind === 'network' && (
          <Button appearance="secondary-action-button" onClick={retry}>
            {ts('app.retry')}
          </Button>
        )}
      </Alert>
    );
  }
  if (loading) return <Paragraph>{ts('app.loading')}</Paragraph>;
  return <>{children()}</>;
}

function CommentItem({
  comment: c,
  thread,
  mine,
  reload,
  onNotice,
}: {
  comment: Comment;
  thread: Thread;
  mine: boolean;
  reload: () => Promise<unknown>;
  onNotice: (message: string) => void;
}) {
  const t = useT(conversationMessages);
  const { locale } = useLocale();
  const [mode, setMode] = useState<'view' | 'edit' | 'delete'>('view');
  const [error, setError] = useState<UiError | null>(null);
  const [remove, removing] = useMutation(DeleteCommentMutation);
  const time = formatDateTime(c.createdAt, locale);
  const canEdit = mine && !c.deletedAt && withinEditWindow(c.createdAt, thread.editWindowMinutes);
  return (
    <li className={`ov-comment ov-comment--${c.visibility.toLowerCase()}`}>
      <article aria-label={`${c.authorName}, ${time}`}>
        <Paragraph className="ov-comment__meta">
          <strong>{t('conversation.comment.by', { name: c.authorName })}</strong> · <DateTime value={c.createdAt} />{' '}
          <StatusTag tone={TONE[c.visibility]}>{t(`conversation.tag.${c.visibility}`)}</StatusTag>
          {c.editedAt && !c.deletedAt && (
            <>
              {' '}
              <span className="ov-meta">
                ({t('conversation.comment.edited')}: <DateTime value={c.editedAt} />)
              </span>
            </>
          )}
        </Paragraph>
        {c.deletedAt ? (
          <Paragraph className="ov-comment__deleted">
            <em>{t('conversation.comment.deleted')}</em> <span className="ov-meta">{t('conversation.comment.deletedAt')}</span>{' '}
            <DateTime value={c.deletedAt} />
          </Paragraph>
        ) : mode === 'edit' ? (
          <EditComment
            comment={c}
            thread={thread}
            reload={reload}
            onDone={async (message) => {
              setMode('view');
              onNotice(message);
              await reload();
            }}
            onCancel={() => setMode('view')}
          />
        ) : (
          <p className="ov-comment__body">{c.body}</p>
        )}
        {error && <ErrorSummary items={[]} error={error} onReload={() => void reload().then(() => setError(null))} />}
        {mine && !c.deletedAt && mode === 'view' && (
          <ButtonGroup>
            {canEdit && (
              <Button
                appearance="secondary-action-button"
                aria-label={t('conversation.edit.named', { time })}
                aria-describedby={`edit-window-${c.id}`}
                onClick={() => setMode('edit')}
              >
                {t('conversation.edit')}
              </Button>
            )}
            <Button appearance="subtle-button" aria-label={t('conversation.delete.named', { time })} onClick={() => setMode('delete')}>
              {t('conversation.delete')}
            </Button>
            {canEdit && (
              <span id={`edit-window-${c.id}`} className="ov-meta">
                {t('conversation.edit.window', { minutes: editMinutesLeft(c.createdAt, thread.editWindowMinutes) })}
              </span>
            )}
          </ButtonGroup>
        )}
        {mode === 'delete' && (
          <Alert type="warning" role="alert">
            <Paragraph>{t('conversation.delete.confirm')}</Paragraph>
            <ButtonGroup>
              <Button
                appearance="primary-action-button"
                busy={removing.loading}
                onClick={async () => {
                  setError(null);
                  try {
                    await remove({ variables: { input: { id: c.id, expectedVersion: c.version } } });
                    setMode('view');
                    onNotice(t('conversation.delete.done'));
                    await reload();
                  } catch (e) {
                    setMode('view');
                    setError(toUiError(e));
                  }
                }}
              >
                {t('conversation.delete.yes')}
              </Button>
              <Button appearance="secondary-action-button" onClick={() => setMode('view')}>
                {t('conversation.delete.no')}
              </Button>
            </ButtonGroup>
          </Alert>
        )}
      </article>
    </li>
  );
}

/** The body field with its limit and the privacy reminder; shared by adding and editing. */
function BodyField({
  id,
  label,
  value,
  onChange,
  thread,
  error,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (v: string) => void;
  thread: Thread;
  error?: string;
}) {
  const t = useT(conversationMessages);
  const { locale } = useLocale();
  const used = commentLength(value);
  const left = thread.maxLength - used;
  return (
    <TextAreaField
      id={id}
      label={label}
      description={
        <>
          <strong>{locale === 'nl' ? thread.privacyReminderNl : thread.privacyReminderEn}</strong> {t('conversation.add.plain')}{' '}
          <span className={left < 0 ? 'ov-conversation__over' : undefined}>
            {left < 0
              ? t('conversation.add.tooLong', { over: -left, max: thread.maxLength })
              : t('conversation.add.count', { left, max: thread.maxLength })}
          </span>
        </>
      }
      value={value}
      onChange={onChange}
      error={error}
      rows={4}
      required
    />
  );
}

function checkBody(
  body: string,
  thread: Thread,
  t: ReturnType<typeof useT<keyof typeof conversationMessages.nl & string>>,
  ts: ReturnType<typeof useT<keyof typeof sharedMessages.nl & string>>,
): string | null {
  const used = commentLength(body);
  if (!used) return ts('error.required', { field: t('conversation.add.bodyField') });
  if (used > thread.maxLength) return t('conversation.add.tooLong', { over: used - thread.maxLength, max: thread.maxLength });
  return null;
}

function AddComment({
  thread,
  subjectType,
  subjectId,
  level,
  visibilities,
  inspector,
  onAdded,
}: {
  thread: Thread;
  subjectType: ThreadSubjectType;
  subjectId: string;
  level: number;
  visibilities: CommentVisibility[];
  inspector: boolean;
  onAdded: () => Promise<void>;
}) {
  const t = useT(conversationMessages);
  const ts = useT(sharedMessages);
  const [body, setBody] = useState('');
  // Inspectors choose every time, so nothing internal is published by accident.
  const [visibility, setVisibility] = useState<CommentVisibility | ''>(visibilities.length === 1 ? visibilities[0] : '');
  const [local, setLocal] = useState<Record<string, string>>({});
  const [error, setError] = useState<UiError | null>(null);
  const [add, adding] = useMutation(AddCommentMutation);
  const bodyId = `comment-body-${subjectId}`;
  const visibilityId = `comment-visibility-${subjectId}`;
  const idOf = (f: string) => (f === 'body' ? bodyId : f === 'visibility' ? visibilityId : undefined);
  const titleId = `comment-add-${subjectId}`;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problems: Record<string, string> = {};
    const bodyProblem = checkBody(body, thread, t, ts);
    if (bodyProblem) problems.body = bodyProblem;
    if (!visibility) problems.visibility = t('conversation.add.visibilityRequired');
    setLocal(problems);
    if (Object.keys(problems).length || !visibility) return;
    setError(null);
    try {
      await add({ variables: { input: { subjectType, subjectId, visibility, body } } });
      setBody('');
      setVisibility(visibilities.length === 1 ? visibilities[0] : '');
      await onAdded();
    } catch (e) {
      setError(toUiError(e));
    }
  }

  const apiField = (f: string) =>
    error?.kind === 'input' ? error.fields.find((p) => p.path.replace(/^input\./, '') === f)?.message : undefined;
  return (
    <form className="ov-form ov-conversation__form" noValidate onSubmit={submit} aria-labelledby={titleId}>
      <Heading level={level} id={titleId}>
        {t('conversation.add.title')}
      </Heading>
      <ErrorSummary items={summaryItems(local, error, idOf, bodyId)} error={error} />
      {visibilities.length > 1 ? (
        <RadioGroup
          id={visibilityId}
          name={visibilityId}
          label={t('conversation.add.visibility')}
          value={visibility}
          onChange={(v) => setVisibility(v as CommentVisibility)}
          error={local.visibility ?? apiField('visibility')}
          options={visibilities.map((v) => ({ value: v, label: t(`conversation.visibility.${v}`) }))}
        />
      ) : (
        <Paragraph>{t('conversation.add.only', { who: t(`conversation.visibility.${visibilities[0]}`) })}</Paragraph>
      )}
      <BodyField
        id={bodyId}
        label={t('conversation.add.body')}
        value={body}
        onChange={setBody}
        thread={thread}
        error={local.body ?? apiField('body')}
      />
      <div className="ov-actions">
        <Button type="submit" appearance="primary-action-button" busy={adding.loading}>
          {inspector && visibility === 'INTERNAL' ? t('conversation.add.submitInternal') : t('conversation.add.submit')}
        </Button>
      </div>
    </form>
  );
}

function EditComment({
  comment,
  thread,
  reload,
  onDone,
  onCancel,
}: {
  comment: Comment;
  thread: Thread;
  reload: () => Promise<unknown>;
  onDone: (message: string) => Promise<void>;
  onCancel: () => void;
}) {
  const t = useT(conversationMessages);
  const ts = useT(sharedMessages);
  const [body, setBody] = useState(comment.body ?? '');
  const [local, setLocal] = useState<Record<string, string>>({});
  const [error, setError] = useState<UiError | null>(null);
  const conflict = useConflictReload(reload, setError);
  const [edit, editing] = useMutation(EditCommentMutation);
  const id = `comment-edit-${comment.id}`;
  return (
    <form
      className="ov-form"
      noValidate
      onSubmit={async (event) => {
        event.preventDefault();
        const problem = checkBody(body, thread, t, ts);
        setLocal(problem ? { body: problem } : {});
        if (problem) return;
        setError(null);
        try {
          await edit({ variables: { input: { id: comment.id, expectedVersion: comment.version, body } } });
          await onDone(t('conversation.edit.done'));
        } catch (e) {
          setError(toUiError(e));
        }
      }}
    >
      <ErrorSummary items={summaryItems(local, error, () => id, id)} error={error} {...conflict} />
      <BodyField id={id} label={t('conversation.edit.label')} value={body} onChange={setBody} thread={thread} error={local.body} />
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button" busy={editing.loading}>
          {t('conversation.edit.save')}
        </Button>
        <Button type="button" appearance="secondary-action-button" onClick={onCancel}>
          {t('conversation.edit.cancel')}
        </Button>
      </ButtonGroup>
    </form>
  );
}
