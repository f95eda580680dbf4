import { describe, expect, it } from 'vitest';
import { municipalityOverviewMessages } from '../messages';
import { changeKey } from './change-text';

describe('changeKey', () => {
  it('names each kind of change in words, never a table or column name', () => {
    const cases: Array<[Parameters<typeof changeKey>[0], string]> = [
      [{ entityType: 'improvement_plan', operation: 'INSERT' }, 'Verbeterplan klaargezet'],
      [
        { entityType: 'improvement_plan', operation: 'UPDATE', changedFields: ['status', 'version'] },
        'Status van het verbeterplan gewijzigd',
      ],
      [{ entityType: 'improvement_plan', operation: 'UPDATE', changedFields: ['due_date'] }, 'Termijn van het verbeterplan verschoven'],
      [{ entityType: 'plan_assessment', operation: 'INSERT' }, 'Verbeterplan beoordeeld door de inspectie'],
      [{ entityType: 'internal_audit_judgement', operation: 'INSERT' }, 'Interne audit beoordeeld door de inspectie'],
      [{ entityType: 'verification', operation: 'INSERT' }, 'Uitvoering geverifieerd door de inspectie'],
      [{ entityType: 'something_new', operation: 'UPDATE' }, 'Gegevens bijgewerkt'],
    ];
    for (const [change, nl] of cases) {
      const text = municipalityOverviewMessages.nl[changeKey(change)];
      expect(text).toBe(nl);
      expect(text).not.toMatch(/_|improvement|entity/);
    }
  });
});
