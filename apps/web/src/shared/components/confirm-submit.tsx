import { Alert, Button, Paragraph } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';

/**
 * The buttons of a form that asks before it sends: first `submitLabel`; once `confirming`, a warning
 * (role alert) with `message`, a second submit (`confirmLabel`, disabled while `busy`) and a cancel
 * button. The form's submit handler decides when to set `confirming` and when to send.
 */
export function ConfirmSubmit({
  confirming,
  message,
  submitLabel,
  confirmLabel,
  cancelLabel,
  busy,
  onCancel,
}: {
  confirming: boolean;
  message: ReactNode;
  submitLabel: string;
  confirmLabel: string;
  cancelLabel: string;
  busy: boolean;
  onCancel: () => void;
}) {
  return confirming ? (
    <Alert type="warning" role="alert">
      <Paragraph>{message}</Paragraph>
      <div className="ov-actions">
        <Button type="submit" appearance="primary-action-button" disabled={busy}>
          {confirmLabel}
        </Button>
        <Button type="button" appearance="secondary-action-button" onClick={onCancel}>
          {cancelLabel}
        </Button>
      </div>
    </Alert>
  ) : (
    <div className="ov-actions">
      <Button type="submit" appearance="primary-action-button">
        {submitLabel}
      </Button>
    </div>
  );
}
