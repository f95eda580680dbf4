import { historyWords } from '../messages';

type WordKey = keyof typeof historyWords.nl & string;
const KEYS = new Set(Object.keys(historyWords.nl));

/** The message key naming what an entry is about; an unknown kind reads as "a record", never its table name. */
export function entityKey(entityType: string): WordKey {
  const key = `investigations.entity.${entityType}`;
  return (KEYS.has(key) ? key : 'investigations.entity.other') as WordKey;
}

/**
 * The changed fields as message keys, bookkeeping fields (ids, versions, original dates) left out,
 * unknown ones folded into one "other details" (null there).
 */
export function fieldKeys(changedFields: readonly string[] | null | undefined): Array<WordKey | null> {
  const out: Array<WordKey | null> = [];
  let other = false;
  for (const f of changedFields ?? []) {
    if (f === 'version' || f === 'updated_at' || f.startsWith('original_')) continue;
    const key = `investigations.field.${f}`;
    if (KEYS.has(key)) out.push(key as WordKey);
    else other = true;
  }
  if (other) out.push(null);
  return out;
}

/** The status before and after, when the entry changed it. */
export function statusChange(entry: {
  changedFields?: readonly string[] | null;
  before?: unknown;
  after?: unknown;
}): { from: string; to: string } | null {
  if (!entry.changedFields?.includes('status')) return null;
  const from = (entry.before as Record<string, unknown> | null)?.status;
  const to = (entry.after as Record<string, unknown> | null)?.status;
  return typeof from === 'string' && typeof to === 'string' ? { from, to } : null;
}
