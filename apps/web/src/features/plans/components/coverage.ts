// The coverage rule as the plan editor shows it live: every point addressed to the organisation
// needs at least one measure (the API checks the same at submission).

export interface CoveragePoint {
  id: string;
  position: number;
  text: string;
}

export function uncovered<P extends CoveragePoint>(
  points: readonly P[],
  measures: ReadonlyArray<{ points: ReadonlyArray<{ id: string }>; status?: string }>,
): P[] {
  const covered = new Set(measures.filter((m) => m.status !== 'CANCELLED').flatMap((m) => m.points.map((p) => p.id)));
  return points.filter((p) => !covered.has(p.id)).sort((a, b) => a.position - b.position);
}

/** Share of the measures that are done (completed or cancelled), as a whole percentage. */
export function progress(measures: ReadonlyArray<{ status: string }>): { done: number; total: number; percent: number } {
  const total = measures.length;
  const done = measures.filter((m) => m.status === 'COMPLETED').length;
  return { done, total, percent: total ? Math.round((done / total) * 100) : 0 };
}
