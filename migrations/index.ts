import { InitialSchema1763800000000 } from './1763800000000-initial-schema';
import { DeadlinesAndNotifications1763900000000 } from './1763900000000-deadlines-and-notifications';
import { Trust1764000000000 } from './1764000000000-trust';
import { Overviews1764100000000 } from './1764100000000-overviews';
import { Exports1764200000000 } from './1764200000000-exports';
import { HistoryInsertAndOriginalDates1764300000000 } from './1764300000000-history-insert-and-original-dates';
import { OverviewSpeed1764400000000 } from './1764400000000-overview-speed';
import { AssessmentOriginalDate1764500000000 } from './1764500000000-assessment-original-date';
import { RefreshTokens1764600000000 } from './1764600000000-refresh-tokens';
import { ClosedPlanAuditDeadline1764620000000 } from './1764620000000-closed-plan-audit-deadline';
import { PortfolioOrderIndex1764621000000 } from './1764621000000-portfolio-order-index';
import { InsufficientAuditFollowUp1764625000000 } from './1764625000000-insufficient-audit-follow-up';
import { EventNotifications1764626000000 } from './1764626000000-event-notifications';
import { Enforcement1764627000000 } from './1764627000000-enforcement';
import { CommentsAndAttachments1764630000000 } from './1764630000000-comments-and-attachments';
import { SweepFollowsWhatIsDue1764640000000 } from './1764640000000-sweep-follows-what-is-due';
import { PageOrderIndexes1764650000000 } from './1764650000000-page-order-indexes';

/** Every migration in order; listed explicitly so the same list works from TypeScript and from dist/. */
export const migrations = [InitialSchema1763800000000, DeadlinesAndNotifications1763900000000, Trust1764000000000, Overviews1764100000000, Exports1764200000000, HistoryInsertAndOriginalDates1764300000000, OverviewSpeed1764400000000, AssessmentOriginalDate1764500000000, RefreshTokens1764600000000, ClosedPlanAuditDeadline1764620000000, PortfolioOrderIndex1764621000000, InsufficientAuditFollowUp1764625000000, EventNotifications1764626000000, Enforcement1764627000000, CommentsAndAttachments1764630000000, SweepFollowsWhatIsDue1764640000000, PageOrderIndexes1764650000000];
