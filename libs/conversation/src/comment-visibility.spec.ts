import { DomainError, Role } from '@opvolging/shared';
import { checkVisibility } from './comment-visibility';
import { SubjectType, Thread, Visibility } from './thread';

const thread = (subjectType: SubjectType, planStatus: string): Thread => ({
  subjectType,
  subjectId: 's',
  planId: 'p',
  investigationId: 'i',
  organisationId: 'o',
  planStatus,
  visibility: null,
});
const refusal = (role: Role, t: Thread, visibility: Visibility): string | null => {
  try {
    checkVisibility(role, t, visibility);
    return null;
  } catch (error) {
    return (error as DomainError).details.fields?.[0]?.message ?? 'refused';
  }
};

describe('the visibility of a new comment', () => {
  it('is PUBLIC or INTERNAL for inspectors, PUBLIC or ORGANISATION for the organisation', () => {
    const plan = thread(SubjectType.PLAN, 'DRAFT');
    expect(refusal(Role.INSPECTOR, plan, Visibility.INTERNAL)).toBeNull();
    expect(refusal(Role.INSPECTOR, plan, Visibility.ORGANISATION)).toBe('PUBLIC or INTERNAL');
    expect(refusal(Role.ORGANISATION_MEMBER, plan, Visibility.ORGANISATION)).toBeNull();
    expect(refusal(Role.ORGANISATION_MEMBER, plan, Visibility.INTERNAL)).toBe('PUBLIC or ORGANISATION');
  });

  it('is ORGANISATION only on a draft plan, and only ORGANISATION on a measure of an unsubmitted plan', () => {
    expect(refusal(Role.ORGANISATION_MEMBER, thread(SubjectType.PLAN, 'SUBMITTED'), Visibility.ORGANISATION)).toBe(
      'PUBLIC once the plan was submitted',
    );
    expect(refusal(Role.ORGANISATION_MEMBER, thread(SubjectType.MEASURE, 'DRAFT'), Visibility.PUBLIC)).toBe(
      'ORGANISATION on a measure of an unsubmitted plan',
    );
    expect(refusal(Role.ORGANISATION_MEMBER, thread(SubjectType.MEASURE, 'SUBMITTED'), Visibility.PUBLIC)).toBeNull();
  });
});
