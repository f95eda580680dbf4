import { DomainError } from '@opvolging/shared';
import { AuditQuality, InsufficientAuditFollowUp, VerificationMethod } from './audit.entity';
import { AuditJudgementChoice, checkFollowUp } from './audit-rules';

const TODAY = '2026-03-10';

function problems(data: AuditJudgementChoice): string[] {
  try {
    checkFollowUp(data, TODAY);
  } catch (error) {
    return ((error as DomainError).details.fields ?? []).map((f) => f.path);
  }
  return [];
}

describe('the follow-up of an audit judgement', () => {
  it('has none for a sufficient audit, and refuses follow-up fields with it', () => {
    expect(checkFollowUp({ quality: AuditQuality.SUFFICIENT }, TODAY)).toBeNull();
    expect(problems({ quality: AuditQuality.SUFFICIENT, followUp: InsufficientAuditFollowUp.REVISED_AUDIT })).toEqual(['input.followUp']);
  });

  it('makes the inspector choose one for an insufficient audit', () => {
    expect(problems({ quality: AuditQuality.INSUFFICIENT })).toEqual(['input.followUp']);
  });

  it('asks a revised audit for a due date after today, and nothing of an own verification', () => {
    const revised = { quality: AuditQuality.INSUFFICIENT, followUp: InsufficientAuditFollowUp.REVISED_AUDIT };
    expect(checkFollowUp({ ...revised, revisedDueDate: '2026-03-11' }, TODAY)).toBe(InsufficientAuditFollowUp.REVISED_AUDIT);
    expect(problems({ ...revised, revisedDueDate: TODAY })).toEqual(['input.revisedDueDate']);
    expect(problems({ ...revised, revisedDueDate: '2026-04-01', verificationPlannedOn: '2026-04-01' })).toEqual([
      'input.verificationPlannedOn',
    ]);
  });

  it('asks an own verification for a desk review or site visit planned from today on', () => {
    const own = { quality: AuditQuality.INSUFFICIENT, followUp: InsufficientAuditFollowUp.OWN_VERIFICATION };
    expect(checkFollowUp({ ...own, verificationMethod: VerificationMethod.SITE_VISIT, verificationPlannedOn: TODAY }, TODAY)).toBe(
      InsufficientAuditFollowUp.OWN_VERIFICATION,
    );
    expect(problems({ ...own, verificationMethod: VerificationMethod.REGULAR_VISIT, verificationPlannedOn: '2026-03-09' })).toEqual([
      'input.verificationMethod',
      'input.verificationPlannedOn',
    ]);
  });
});
