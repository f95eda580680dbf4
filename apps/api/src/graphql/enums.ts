import { registerEnumType } from '@nestjs/graphql';
import {
  AuditQuality,
  InsufficientAuditFollowUp,
  Implementation,
  ImplementationGrade,
  InternalAuditStatus,
  VerificationMethod,
} from '@opvolging/audits';
import { InvestigationSort, InvestigationStatus } from '@opvolging/investigations';
import { OrganisationKind } from '@opvolging/organisations';
import { AssessmentOutcome, ImprovementPlanStatus, Judgement, MeasureSort, MeasureStatus, PlanSort } from '@opvolging/plans';
import { Role, Theme } from '@opvolging/shared';

export enum SortDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}

registerEnumType(SortDirection, { name: 'SortDirection' });
registerEnumType(Role, { name: 'Role', description: 'What an account may do.' });
registerEnumType(OrganisationKind, { name: 'OrganisationKind' });
registerEnumType(Theme, { name: 'Theme', description: 'Recurring themes across calamity reports, for patterns across cases.' });
registerEnumType(InvestigationStatus, {
  name: 'InvestigationStatus',
  description: 'DRAFT (inspectors only) → FOLLOW_UP (published) → CLOSED.',
});
registerEnumType(InvestigationSort, { name: 'InvestigationSort' });
registerEnumType(ImprovementPlanStatus, { name: 'ImprovementPlanStatus' });
registerEnumType(PlanSort, { name: 'PlanSort' });
registerEnumType(MeasureStatus, { name: 'MeasureStatus' });
registerEnumType(MeasureSort, { name: 'MeasureSort' });
registerEnumType(Judgement, { name: 'Judgement' });
registerEnumType(AssessmentOutcome, { name: 'AssessmentOutcome' });
registerEnumType(InternalAuditStatus, { name: 'InternalAuditStatus' });
registerEnumType(Implementation, { name: 'Implementation', description: 'What the internal audit found for one measure.' });
registerEnumType(AuditQuality, { name: 'AuditQuality' });
registerEnumType(VerificationMethod, { name: 'VerificationMethod' });
registerEnumType(InsufficientAuditFollowUp, {
  name: 'InsufficientAuditFollowUp',
  description: 'After an insufficient audit: a revised audit by the organisation, or own verification by the inspectorate.',
});
registerEnumType(ImplementationGrade, { name: 'ImplementationGrade', description: "The inspectorate's grade of one improvement point." });
