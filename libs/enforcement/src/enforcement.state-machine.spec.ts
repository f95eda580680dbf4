import { EnforcementStatus as S, EnforcementType as T } from './enforcement.entity';
import { nextEnforcementTypes, openEnforcementStep } from './enforcement.state-machine';

describe('the enforcement ladder', () => {
  it('starts with intensified supervision or a binding instruction, also after a step that ended', () => {
    expect(nextEnforcementTypes(null)).toEqual([T.INTENSIFIED_SUPERVISION, T.BINDING_INSTRUCTION]);
    expect(nextEnforcementTypes({ type: T.BINDING_INSTRUCTION, status: S.COMPLIED })).toEqual([
      T.INTENSIFIED_SUPERVISION,
      T.BINDING_INSTRUCTION,
    ]);
    expect(nextEnforcementTypes({ type: T.INTENSIFIED_SUPERVISION, status: S.LIFTED })).toEqual([
      T.INTENSIFIED_SUPERVISION,
      T.BINDING_INSTRUCTION,
    ]);
  });

  it('escalates supervision while it is in force', () => {
    expect(nextEnforcementTypes({ type: T.INTENSIFIED_SUPERVISION, status: S.ACTIVE })).toEqual([T.BINDING_INSTRUCTION, T.PENALTY_ORDER]);
  });

  it('waits for compliance with an instruction or order in force, then offers the next rungs when not complied with', () => {
    expect(nextEnforcementTypes({ type: T.BINDING_INSTRUCTION, status: S.ACTIVE })).toEqual([]);
    expect(nextEnforcementTypes({ type: T.PENALTY_ORDER, status: S.ACTIVE })).toEqual([]);
    expect(nextEnforcementTypes({ type: T.BINDING_INSTRUCTION, status: S.NOT_COMPLIED })).toEqual([T.PENALTY_ORDER, T.ADMINISTRATIVE_FINE]);
    expect(nextEnforcementTypes({ type: T.PENALTY_ORDER, status: S.NOT_COMPLIED })).toEqual([T.ADMINISTRATIVE_FINE]);
  });

  it('ends with a fine: nothing follows an imposed fine but a new trajectory', () => {
    expect(openEnforcementStep({ type: T.ADMINISTRATIVE_FINE, status: S.IMPOSED })).toBeNull();
    expect(openEnforcementStep({ type: T.PENALTY_ORDER, status: S.NOT_COMPLIED })?.type).toBe(T.PENALTY_ORDER);
  });
});
