import { Alert, Button, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useRef, useState } from 'react';
import type { UiError } from '../api/errors';
import { fieldName } from '../api/errors';
import { sharedMessages } from '../i18n/messages';
import { useT } from '../i18n/use-t';

export interface SummaryItem {
  /** The id of the control to link to. */
  target: string;
  message: string;
}

/**
 * The conflict reload of a form's `ErrorSummary` (spread its result into the summary): loads the
 * latest version while keeping what was typed, then clears the error and says it was reloaded.
 */
export function useConflictReload(reload: () => Promise<unknown>, setError: (error: null) => void) {
  const [reloaded, setReloaded] = useState(false);
  const onReload = () =>
    void reload().then(() => {
      setError(null);
      setReloaded(true);
    });
  return { onReload, reloaded };
}

/**
 * GOV.UK error summary: at the top of the form, focused when it appears, each problem a link to its
 * field. Also shows the other kinds of failure of a form (conflict, transition, network …).
 */
export function ErrorSummary({
  items,
  error,
  onReload,
  reloaded,
}: {
  /** Shown after a conflict's reload finished. */
  reloaded?: boolean;
  /** Problems found before sending (required fields) or returned by the API per field. */
  items: SummaryItem[];
  /** The last failure of sending the form, if any. */
  error?: UiError | null;
  /** Conflict: load the latest version while keeping what was typed. */
  onReload?: () => void;
}) {
  const t = useT(sharedMessages);
  const box = useRef<HTMLDivElement>(null);
  const key = items.map((i) => i.target + i.message).join('|') + (error?.kind ?? '');
  useEffect(() => {
    if (items.length || error) box.current?.focus();
  }, [key]); // only when the set of errors changes, not on every render
  if (!items.length && !error)
    return reloaded ? (
      <Alert type="info" role="status">
        <Paragraph>{t('error.conflict.reloaded')}</Paragraph>
      </Alert>
    ) : null;

  if (error && error.kind === 'conflict') {
    return (
      <div ref={box} tabIndex={-1} className="ov-error-summary">
        <Alert type="warning" role="alert">
          <Heading2>{t('error.conflict.title')}</Heading2>
          <Paragraph>{t('error.conflict.body')}</Paragraph>
          {onReload && (
            <Button appearance="secondary-action-button" onClick={onReload}>
              {t('error.conflict.reload')}
            </Button>
          )}
        </Alert>
      </div>
    );
  }
  const general = error ? generalMessage(error, t) : null;
  return (
    <div ref={box} tabIndex={-1} className="ov-error-summary" aria-labelledby="error-summary-title">
      <Alert type="error" role="alert">
        <Heading2 id="error-summary-title">{t('error.summary.title')}</Heading2>
        {general && <Paragraph>{general}</Paragraph>}
        {items.length > 0 && (
          <ul className="ov-error-summary__list">
            {items.map((item) => (
              <li key={item.target + item.message}>
                <a
                  href={`#${item.target}`}
                  onClick={(event) => {
                    event.preventDefault();
                    document.getElementById(item.target)?.focus();
                  }}
                >
                  {item.message}
                </a>
              </li>
            ))}
          </ul>
        )}
      </Alert>
    </div>
  );
}

/** A sentence for a failure that belongs to no single field. */
export function generalMessage(error: UiError, t: ReturnType<typeof useT<keyof typeof sharedMessages.nl & string>>): string | null {
  switch (error.kind) {
    case 'input':
      return error.fields.length ? null : error.message;
    case 'network':
      return t('error.network');
    case 'rate-limited':
      return t('error.rateLimited', { seconds: error.retryAfterSeconds });
    case 'transition':
      return t('error.transition');
    case 'forbidden':
      return t('error.forbidden.body');
    case 'not-found':
      return t('error.notFound.body');
    case 'unauthenticated':
      return error.message;
    case 'conflict':
      return t('error.conflict.body');
    default:
      return t('error.unexpected');
  }
}

/**
 * Summary items for a form: problems found in the browser first, then the API's per-field problems
 * (linked to the field when the form has it, else to the first field).
 */
export function summaryItems(
  local: Record<string, string>,
  error: UiError | null | undefined,
  idOf: (field: string) => string | undefined,
  fallbackTarget: string,
): SummaryItem[] {
  const items: SummaryItem[] = Object.entries(local).map(([field, message]) => ({ target: idOf(field) ?? fallbackTarget, message }));
  if (error?.kind === 'input') {
    for (const f of error.fields) {
      const name = fieldName(f.path);
      if (local[name]) continue;
      items.push({ target: idOf(name) ?? fallbackTarget, message: f.message });
    }
  }
  return items;
}
