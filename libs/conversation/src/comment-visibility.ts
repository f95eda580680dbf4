import { DomainError, Role } from '@opvolging/shared';
import { inspectorsSee, Thread, Visibility } from './thread';

/** Who writes which visibility where: refused with the field named (BAD_USER_INPUT). */
export function checkVisibility(role: Role, thread: Thread, visibility: Visibility): void {
  const path = [{ path: 'input.visibility', message: '' }];
  if (role === Role.INSPECTOR && visibility === Visibility.ORGANISATION)
    throw DomainError.badInput('Inspectors write PUBLIC comments or INTERNAL notes.', [{ ...path[0], message: 'PUBLIC or INTERNAL' }]);
  if (role === Role.ORGANISATION_MEMBER && visibility === Visibility.INTERNAL)
    throw DomainError.badInput('Internal notes are the inspectorate’s; write a PUBLIC comment.', [
      { ...path[0], message: 'PUBLIC or ORGANISATION' },
    ]);
  if (visibility === Visibility.ORGANISATION && thread.planStatus !== 'DRAFT')
    throw DomainError.badInput('ORGANISATION comments (your own, not shown to the inspectors) exist only while the plan is a draft.', [
      { ...path[0], message: 'PUBLIC once the plan was submitted' },
    ]);
  if (visibility !== Visibility.ORGANISATION && !inspectorsSee(thread))
    throw DomainError.badInput(
      'The inspectors do not see this measure until the plan is submitted; comment on the plan itself to invite them.',
      [{ ...path[0], message: 'ORGANISATION on a measure of an unsubmitted plan' }],
    );
}
