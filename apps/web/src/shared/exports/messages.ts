import { defineMessages } from '../i18n/define-messages';

// Texts of the export component (shared: every workspace that offers an export uses it).
export const exportMessages = defineMessages(
  {
    'export.request': 'Download als {format}',
    'export.status.QUEUED': '{format}: in de wachtrij…',
    'export.status.RUNNING': '{format}: wordt gemaakt…',
    'export.status.DONE': '{format} is klaar: {filename} ({size}).',
    'export.status.FAILED': '{format} kon niet worden gemaakt: {error}',
    'export.download': '{filename} downloaden',
    'export.size.kb': '{size} kB',
    'export.rows': '{count, plural, one {# rij} other {# rijen}}',
  },
  {
    'export.request': 'Download as {format}',
    'export.status.QUEUED': '{format}: queued…',
    'export.status.RUNNING': '{format}: being made…',
    'export.status.DONE': '{format} is ready: {filename} ({size}).',
    'export.status.FAILED': '{format} could not be made: {error}',
    'export.download': 'Download {filename}',
    'export.size.kb': '{size} kB',
    'export.rows': '{count, plural, one {# row} other {# rows}}',
  },
);
