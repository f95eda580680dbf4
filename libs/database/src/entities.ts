// Entity files are imported directly (not through the libraries' index files) to keep this
// low-level library free of import cycles with the domain libraries that use it.
import { Organisation } from '../../organisations/src/organisation.entity';
import { User } from '../../identity/src/user.entity';
import {
  Finding,
  ImprovementPoint,
  ImprovementPointAddressee,
  Investigation,
  InvestigationInspectorate,
  InvestigationOrganisation,
} from '../../investigations/src/investigation.entity';
import { ImprovementPlan, Measure, MeasurePoint, PlanAssessment, PlanVersion } from '../../plans/src/plan.entity';
import {
  InternalAudit,
  InternalAuditJudgement,
  InternalAuditResult,
  Verification,
  VerificationGrade,
} from '../../audits/src/audit.entity';
import { DueDateChange, ExtensionDecision, ExtensionRequest, OpenDeadline } from '../../deadlines/src/deadline.entity';
import { Digest, Notification, DeadlineNotice } from '../../notifications/src/notification.entity';
import { HistoryEntry } from '../../history/src/history.entity';

export const entities = [
  Organisation,
  User,
  Investigation,
  InvestigationInspectorate,
  InvestigationOrganisation,
  Finding,
  ImprovementPoint,
  ImprovementPointAddressee,
  ImprovementPlan,
  PlanVersion,
  Measure,
  MeasurePoint,
  PlanAssessment,
  InternalAudit,
  InternalAuditResult,
  InternalAuditJudgement,
  Verification,
  VerificationGrade,
  OpenDeadline,
  ExtensionRequest,
  ExtensionDecision,
  DueDateChange,
  DeadlineNotice,
  Notification,
  Digest,
  HistoryEntry,
];
