// Turns whatever an operation throws into what a screen can show; never raw JSON or internals.

export interface FieldProblem {
  /** As the API names it, e.g. `input.description`, `email`, `uncoveredPoints.<id>`. */
  path: string;
  message: string;
}

export type UiError =
  | { kind: 'input'; message: string; fields: FieldProblem[]; details: Record<string, unknown> }
  | { kind: 'conflict'; message: string; expectedVersion?: number; actualVersion?: number }
  | { kind: 'transition'; message: string }
  | { kind: 'forbidden'; message: string }
  | { kind: 'not-found'; message: string }
  | { kind: 'unauthenticated'; message: string }
  | { kind: 'rate-limited'; message: string; retryAfterSeconds: number }
  | { kind: 'network' }
  | { kind: 'unexpected' };

interface GraphQLErrorLike {
  message: string;
  extensions?: Record<string, unknown>;
}

function graphQLErrors(error: unknown): GraphQLErrorLike[] | null {
  if (!error || typeof error !== 'object') return null;
  const e = error as { errors?: unknown; graphQLErrors?: unknown; code?: unknown; message?: unknown; fields?: unknown; details?: unknown };
  if (Array.isArray(e.errors)) return e.errors as GraphQLErrorLike[];
  if (Array.isArray(e.graphQLErrors) && e.graphQLErrors.length) return e.graphQLErrors as GraphQLErrorLike[];
  // SessionError from the /auth/session endpoints.
  if (typeof e.code === 'string' && typeof e.message === 'string')
    return [{ message: e.message, extensions: { ...(e.details as object), code: e.code, fields: e.fields } }];
  return null;
}

function isNetworkError(error: unknown): boolean {
  if (!error || typeof error !== 'object') return false;
  const e = error as { name?: string; message?: string; statusCode?: number };
  if (e.name === 'TypeError' || e.name === 'AbortError') return true;
  if (typeof e.statusCode === 'number' && (e.statusCode === 0 || e.statusCode >= 502)) return true;
  return /failed to fetch|networkerror|load failed|network request failed/i.test(e.message ?? '');
}

export function toUiError(error: unknown): UiError {
  const errors = graphQLErrors(error);
  if (!errors || errors.length === 0) return isNetworkError(error) ? { kind: 'network' } : { kind: 'unexpected' };
  // The most telling error decides: input problems are collected from every error.
  const inputs = errors.filter((e) => e.extensions?.code === 'BAD_USER_INPUT');
  if (inputs.length) {
    const fields = inputs.flatMap((e) => (Array.isArray(e.extensions?.fields) ? (e.extensions!.fields as FieldProblem[]) : []));
    const { code: _code, fields: _fields, ...details } = inputs[0].extensions ?? {};
    return { kind: 'input', message: inputs[0].message, fields, details };
  }
  const first = errors[0];
  const ext = first.extensions ?? {};
  switch (ext.code) {
    case 'CONFLICT':
      return {
        kind: 'conflict',
        message: first.message,
        expectedVersion: ext.expectedVersion as number,
        actualVersion: ext.actualVersion as number,
      };
    case 'INVALID_TRANSITION':
      return { kind: 'transition', message: first.message };
    case 'FORBIDDEN':
      return { kind: 'forbidden', message: first.message };
    case 'NOT_FOUND':
      return { kind: 'not-found', message: first.message };
    case 'UNAUTHENTICATED':
      return { kind: 'unauthenticated', message: first.message };
    case 'TOO_MANY_REQUESTS':
      return { kind: 'rate-limited', message: first.message, retryAfterSeconds: Number(ext.retryAfterSeconds ?? 60) };
    default:
      return { kind: 'unexpected' };
  }
}

/** The field a problem belongs to: `input.dueDate` → `dueDate`, `input.results.0.evidence` → `results.0.evidence`. */
export function fieldName(path: string): string {
  return path.replace(/^input\./, '');
}

/** Problems per field name, for the fields a form has; the rest go to the summary only. */
export function problemsByField(error: UiError | null): Record<string, string> {
  if (!error || error.kind !== 'input') return {};
  const out: Record<string, string> = {};
  for (const f of error.fields) out[fieldName(f.path)] ??= f.message;
  return out;
}
