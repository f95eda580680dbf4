import { DomainError } from '@opvolging/shared';

export const MAX_HISTORY_PAGE = 200;

/** A history page's arguments, checked: 1 to MAX_HISTORY_PAGE entries (50 when not given), after a history id. */
export function historyPageArgs(page: { first?: number; after?: string }): { first: number; after?: string } {
  const first = page.first ?? 50;
  if (!Number.isInteger(first) || first < 1 || first > MAX_HISTORY_PAGE) {
    throw DomainError.badInput(`"first" must be between 1 and ${MAX_HISTORY_PAGE}.`, [
      { path: 'first', message: `between 1 and ${MAX_HISTORY_PAGE}` },
    ]);
  }
  if (page.after !== undefined && !/^\d{1,18}$/.test(page.after))
    throw DomainError.badInput('The cursor in "after" is not one this API gave out.', [{ path: 'after', message: 'unknown cursor' }]);
  return { first, after: page.after };
}
