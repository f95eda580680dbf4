import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { DomainError, FieldProblem } from '@opvolging/shared';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Fields where an explicit null means "clear it"; elsewhere null means "not given". */
const NULL_MEANS_CLEAR = new Set(['findingId', 'coordinatingOrganisationId', 'municipalityId']);

/**
 * Runs before validation on every GraphQL argument. PostgreSQL cannot store a NUL character and
 * validators choke on malformed UTF-16, so both are refused with the field's path; an explicit
 * null for an optional field is dropped (the field is left unchanged); UUIDs are lower-cased, as
 * PostgreSQL compares them; and a top-level `id`/`…Id` argument must be a UUID.
 */
@Injectable()
export class InputSanitiserPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    // GraphQL arguments only (Nest reports them as 'body'; no HTTP controller here takes a body).
    // HTTP path and query parameters are checked by their controllers; 'custom' are our own
    // decorators (the signed-in actor, loaders).
    if (['custom', 'param', 'query'].includes(metadata.type)) return value;
    const path = metadata.data ?? 'input';
    const problems: FieldProblem[] = [];
    const clean = walk(value, path, problems, true);
    if (typeof clean === 'string' && /(^id|Id)$/.test(path) && !UUID.test(clean))
      problems.push({ path, message: 'must be an id (a UUID)' });
    if (problems.length)
      throw DomainError.badInput(`Invalid input: ${problems.map((p) => `${p.path} ${p.message}`).join('; ')}.`, problems);
    return clean;
  }
}

function walk(value: unknown, path: string, problems: FieldProblem[], top = false): unknown {
  if (typeof value === 'string') {
    if (value.includes('\u0000')) problems.push({ path, message: 'must not contain a NUL character' });
    else if (!value.isWellFormed()) problems.push({ path, message: 'must be well-formed text (unpaired surrogate)' });
    return UUID.test(value) ? value.toLowerCase() : value;
  }
  if (Array.isArray(value)) return value.map((v, i) => walk(v, `${path}.${i}`, problems));
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    const out: Record<string, unknown> = Object.create(Object.getPrototypeOf(value));
    for (const [key, v] of Object.entries(value)) {
      if (v === null && !NULL_MEANS_CLEAR.has(key)) continue;
      out[key] = walk(v, `${path}.${key}`, problems);
    }
    return out;
  }
  void top;
  return value;
}
