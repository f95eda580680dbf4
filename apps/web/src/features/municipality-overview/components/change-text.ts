import type { municipalityOverviewMessages } from '../messages';

type Key = keyof typeof municipalityOverviewMessages.nl;
interface Change {
  entityType: string;
  operation: string;
  changedFields?: string[] | null;
}

/** What a recorded change means, as a message key: words for people, never table or column names. */
export function changeKey(c: Change): Key {
  const fields = c.changedFields ?? [];
  const changed = (f: string) => fields.includes(f);
  switch (c.entityType) {
    case 'investigation':
      if (c.operation === 'INSERT') return 'overview.change.investigation.created';
      return changed('status') ? 'overview.change.investigation.status' : 'overview.change.investigation.updated';
    case 'improvement_plan':
      if (c.operation === 'INSERT') return 'overview.change.plan.created';
      if (changed('status')) return 'overview.change.plan.status';
      return changed('due_date') ? 'overview.change.plan.dueDate' : 'overview.change.plan.updated';
    case 'plan_assessment':
      return 'overview.change.assessment';
    case 'internal_audit':
      if (c.operation === 'INSERT') return 'overview.change.audit.created';
      return changed('status') ? 'overview.change.audit.status' : 'overview.change.audit.updated';
    case 'internal_audit_judgement':
      return 'overview.change.auditJudgement';
    case 'verification':
      return 'overview.change.verification';
    case 'due_date_change':
      return 'overview.change.dueDateChange';
    default:
      return 'overview.change.other';
  }
}
