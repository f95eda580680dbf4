import { DomainError, FieldProblem } from '@opvolging/shared';
import { AuditQuality, InsufficientAuditFollowUp, VerificationMethod } from './audit.entity';

/** What an inspector's judgement of an internal audit says follows it. */
export interface AuditJudgementChoice {
  quality: AuditQuality;
  followUp?: InsufficientAuditFollowUp | null;
  revisedDueDate?: string | null;
  verificationMethod?: VerificationMethod | null;
  verificationPlannedOn?: string | null;
}

/** The follow-up of an insufficient judgement, checked field by field; null for a sufficient one. */
export function checkFollowUp(data: AuditJudgementChoice, today: string): InsufficientAuditFollowUp | null {
  const problems: FieldProblem[] = [];
  const given = (v: unknown) => v !== undefined && v !== null;
  if (data.quality === AuditQuality.SUFFICIENT) {
    for (const field of ['followUp', 'revisedDueDate', 'verificationMethod', 'verificationPlannedOn'] as const) {
      if (given(data[field])) problems.push({ path: `input.${field}`, message: 'only for an insufficient audit' });
    }
  } else if (!data.followUp) {
    problems.push({ path: 'input.followUp', message: 'choose REVISED_AUDIT or OWN_VERIFICATION' });
  } else if (data.followUp === InsufficientAuditFollowUp.REVISED_AUDIT) {
    if (!data.revisedDueDate) problems.push({ path: 'input.revisedDueDate', message: 'required for a revised audit' });
    else if (data.revisedDueDate <= today) problems.push({ path: 'input.revisedDueDate', message: `must be after today (${today})` });
    for (const field of ['verificationMethod', 'verificationPlannedOn'] as const)
      if (given(data[field])) problems.push({ path: `input.${field}`, message: 'only for own verification' });
  } else {
    if (!data.verificationMethod) problems.push({ path: 'input.verificationMethod', message: 'DESK_REVIEW or SITE_VISIT' });
    else if (data.verificationMethod === VerificationMethod.REGULAR_VISIT)
      problems.push({ path: 'input.verificationMethod', message: 'DESK_REVIEW or SITE_VISIT (a regular visit is not planned here)' });
    if (!data.verificationPlannedOn) problems.push({ path: 'input.verificationPlannedOn', message: 'required for own verification' });
    else if (data.verificationPlannedOn < today)
      problems.push({ path: 'input.verificationPlannedOn', message: `must not be before today (${today})` });
    if (given(data.revisedDueDate)) problems.push({ path: 'input.revisedDueDate', message: 'only for a revised audit' });
  }
  if (problems.length) throw DomainError.badInput('The judgement of the audit is not complete.', problems);
  return data.quality === AuditQuality.SUFFICIENT ? null : data.followUp!;
}
