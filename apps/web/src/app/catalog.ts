import type { MessageSet } from '@web/shared/i18n/define-messages';
import { domainMessages } from '@web/shared/i18n/domain-messages';
import { sharedMessages } from '@web/shared/i18n/messages';
import { exportMessages } from '@web/shared/exports/messages';
import { conversationMessages } from '@web/shared/conversation/messages';
import { authMessages } from '@web/features/auth/messages';
import { startMessages } from '@web/features/start/messages';
import { planMessages } from '@web/features/plans/messages';
import { workQueueMessages } from '@web/features/work-queue/messages';
import { historyWords, investigationMessages } from '@web/features/investigations/messages';
import { assessmentMessages } from '@web/features/assessment/messages';
import { auditMessages } from '@web/features/audits/messages';
import { extensionMessages } from '@web/features/extensions/messages';
import { municipalityOverviewMessages } from '@web/features/municipality-overview/messages';
import { themeMessages } from '@web/features/themes/messages';
import { adminOrganisationMessages } from '@web/features/admin-organisations/messages';
import { adminAccountMessages } from '@web/features/admin-accounts/messages';
import { accountMessages } from '@web/features/account/messages';
import { followupMessages } from '@web/features/followup/messages';
import { enforcementMessages } from '@web/features/enforcement/messages';
import { portfolioMessages } from '@web/features/portfolio/messages';
import { reportRecordingMessages } from '@web/features/report-recording/messages';

/** Every feature's texts; add a feature's set here (keys are prefixed by feature, so they never clash). */
export const messageSets: Record<string, MessageSet<string>> = {
  shared: sharedMessages,
  domain: domainMessages,
  exports: exportMessages,
  conversation: conversationMessages,
  auth: authMessages,
  start: startMessages,
  plans: planMessages,
  workQueue: workQueueMessages,
  investigations: investigationMessages,
  investigationHistory: historyWords,
  assessment: assessmentMessages,
  audits: auditMessages,
  extensions: extensionMessages,
  municipalityOverview: municipalityOverviewMessages,
  themes: themeMessages,
  adminOrganisations: adminOrganisationMessages,
  adminAccounts: adminAccountMessages,
  account: accountMessages,
  followup: followupMessages,
  enforcement: enforcementMessages,
  portfolio: portfolioMessages,
  reportRecording: reportRecordingMessages,
};

export const catalog = {
  nl: Object.assign({}, ...Object.values(messageSets).map((s) => s.nl)) as Record<string, string>,
  en: Object.assign({}, ...Object.values(messageSets).map((s) => s.en)) as Record<string, string>,
};
