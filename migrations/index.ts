import { InitialSchema1763800000000 } from './1763800000000-initial-schema';
import { DeadlinesAndNotifications1763900000000 } from './1763900000000-deadlines-and-notifications';
import { Trust1764000000000 } from './1764000000000-trust';
import { Overviews1764100000000 } from './1764100000000-overviews';
import { Exports1764200000000 } from './1764200000000-exports';
import { HistoryInsertAndOriginalDates1764300000000 } from './1764300000000-history-insert-and-original-dates';
import { OverviewSpeed1764400000000 } from './1764400000000-overview-speed';
import { AssessmentOriginalDate1764500000000 } from './1764500000000-assessment-original-date';

/** Every migration in order; listed explicitly so the same list works from TypeScript and from dist/. */
export const migrations = [InitialSchema1763800000000, DeadlinesAndNotifications1763900000000, Trust1764000000000, Overviews1764100000000, Exports1764200000000, HistoryInsertAndOriginalDates1764300000000, OverviewSpeed1764400000000, AssessmentOriginalDate1764500000000];
