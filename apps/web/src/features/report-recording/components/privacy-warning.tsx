import { Alert, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useT } from '@web/shared/i18n/use-t';
import { reportRecordingMessages } from '../messages';

/** Always in view while a report is written: these cases concern children; nothing may identify the family. */
export function PrivacyWarning() {
  const t = useT(reportRecordingMessages);
  return (
    <Alert type="warning">
      <Heading2>{t('report.privacy.title')}</Heading2>
      <Paragraph>{t('report.privacy.body')}</Paragraph>
    </Alert>
  );
}
