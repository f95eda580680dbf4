import type { ActionKind, ActionsNeededQuery } from '@web/gql/graphql';

export type Action = ActionsNeededQuery['actionsNeeded'][number];

/** The order of the groups: the process's order, from plan to closure. */
export const KIND_ORDER: ActionKind[] = [
  'ASSESS_PLAN',
  'JUDGE_AUDIT',
  'VERIFY',
  'DECIDE_EXTENSION',
  'CONSIDER_ESCALATION',
  'DECIDE_CLOSURE',
] as ActionKind[];

/** Oldest due first (no due date last), then by investigation, grouped by kind in process order; empty groups left out. */
export function groupActions(actions: readonly Action[]): Array<{ kind: ActionKind; actions: Action[] }> {
  const sorted = [...actions].sort(
    (a, b) =>
      (a.dueDate ?? '9999-12-31').localeCompare(b.dueDate ?? '9999-12-31') || a.investigationTitle.localeCompare(b.investigationTitle),
  );
  return KIND_ORDER.map((kind) => ({ kind, actions: sorted.filter((a) => a.kind === kind) })).filter((g) => g.actions.length > 0);
}

/** The screen where the action is done. */
export function actionTarget(action: Pick<Action, 'kind' | 'subjectId' | 'investigationId'>): string {
  switch (action.kind) {
    case 'ASSESS_PLAN':
      return `/assess/${action.subjectId}`;
    case 'JUDGE_AUDIT':
      return `/investigations/${action.investigationId}/audits/${action.subjectId}`;
    case 'VERIFY':
      return `/verify/${action.subjectId}`;
    case 'DECIDE_EXTENSION':
      return '/deadlines';
    default:
      return `/investigations/${action.investigationId}`;
  }
}
