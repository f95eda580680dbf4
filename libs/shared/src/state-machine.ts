import { DomainError, ErrorCode } from './domain-error';

/**
 * One table of allowed transitions per aggregate: `{ action: { from: [...], to } }`.
 * Services ask the table instead of scattering status checks over the code.
 */
/** `to` absent: the action is allowed in those statuses but does not change the status. */
export type TransitionTable<S extends string, A extends string> = Record<A, { from: readonly S[]; to?: S }>;

export class StateMachine<S extends string, A extends string> {
  constructor(
    readonly aggregate: string,
    readonly table: TransitionTable<S, A>,
  ) {}

  can(from: S, action: A): boolean {
    return this.table[action].from.includes(from);
  }

  /** The status after `action`, or an INVALID_TRANSITION error naming what is allowed. */
  next(from: S, action: A): S {
    const rule = this.table[action];
    if (!rule.from.includes(from)) {
      throw new DomainError(
        ErrorCode.INVALID_TRANSITION,
        `Cannot ${humanise(action)} ${article(this.aggregate)} ${this.aggregate} that is ${from}; this is only possible when it is ` +
          `${rule.from.join(' or ')}.`,
        { aggregate: this.aggregate, action, from, allowedFrom: [...rule.from] },
      );
    }
    return rule.to ?? from;
  }

  /** Actions possible from a status, for clients that want to show only valid buttons. */
  actionsFrom(from: S): A[] {
    return (Object.keys(this.table) as A[]).filter((a) => this.table[a].from.includes(from));
  }
}

function humanise(action: string): string {
  return action.replace(/_/g, ' ').toLowerCase();
}

function article(noun: string): string {
  return /^[aeiou]/i.test(noun) ? 'an' : 'a';
}
