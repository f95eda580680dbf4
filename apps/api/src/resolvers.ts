import {
  InternalAuditJudgementsResolver,
  InternalAuditResultsResolver,
  InternalAuditsResolver,
  VerificationGradesResolver,
  VerificationsResolver,
} from './audits/audits.resolver';
import { AttachmentsResolver, CommentsResolver } from './conversation/conversation.resolver';
import { DeadlinesResolver, DueDateChangesResolver, ExtensionsResolver } from './deadlines/deadlines.resolver';
import { EnforcementForfeitsResolver, EnforcementProgressReportsResolver, EnforcementResolver } from './enforcement/enforcement.resolver';
import { ExportsResolver } from './exports/exports.resolver';
import { HistoryResolver } from './history/history.resolver';
import { IdentityResolver } from './identity/identity.resolver';
import { NotificationsResolver } from './notifications/notifications.resolver';
import { FindingsResolver, ImprovementPointsResolver } from './investigations/improvement-points.resolver';
import { InvestigationsResolver } from './investigations/investigations.resolver';
import { PlannedPlanResolver, PublicationPreviewResolver } from './investigations/publication-preview.resolver';
import { OrganisationsResolver } from './organisations/organisations.resolver';
import { MunicipalityOverviewResolver, OverviewChangeResolver, OverviewsResolver } from './overviews/overviews.resolver';
import { MeasuresResolver } from './plans/measures.resolver';
import { PlanAssessmentsResolver, PlansResolver, PlanVersionMeasuresResolver, PlanVersionsResolver } from './plans/plans.resolver';

/** Every resolver of the API: the app module registers them, the schema printer reads them. */
export const RESOLVERS = [
  IdentityResolver,
  OrganisationsResolver,
  InvestigationsResolver,
  PublicationPreviewResolver,
  PlannedPlanResolver,
  ImprovementPointsResolver,
  FindingsResolver,
  PlansResolver,
  PlanVersionsResolver,
  PlanVersionMeasuresResolver,
  PlanAssessmentsResolver,
  MeasuresResolver,
  InternalAuditsResolver,
  InternalAuditResultsResolver,
  InternalAuditJudgementsResolver,
  VerificationsResolver,
  VerificationGradesResolver,
  DeadlinesResolver,
  DueDateChangesResolver,
  ExtensionsResolver,
  EnforcementResolver,
  EnforcementProgressReportsResolver,
  EnforcementForfeitsResolver,
  NotificationsResolver,
  HistoryResolver,
  OverviewsResolver,
  MunicipalityOverviewResolver,
  OverviewChangeResolver,
  ExportsResolver,
  CommentsResolver,
  AttachmentsResolver,
];
