export type Judgement = 'SUFFICIENT' | 'INSUFFICIENT';
export const QUESTIONS = ['aimedAtShortcomings', 'chanceOfSuccess', 'pace'] as const;
export type Question = (typeof QUESTIONS)[number];

/** The outcome the answers lead to: accepted only when all three are sufficient; null while one is unanswered. */
export function outcomeOf(judgements: Record<Question, Judgement | ''>): 'ACCEPTED' | 'REVISION_REQUESTED' | null {
  const values = QUESTIONS.map((q) => judgements[q]);
  if (values.some((v) => v === 'INSUFFICIENT')) return 'REVISION_REQUESTED';
  if (values.some((v) => v === '')) return null;
  return 'ACCEPTED';
}
