import { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { DomainError } from '@opvolging/shared';

/**
 * `UPDATE ... SET ..., version = version + 1 WHERE id = $id AND version = $expected`.
 * TypeORM's @VersionColumn does not check the version on save, so the check is done here:
 * zero rows updated means the row is gone (NOT_FOUND) or someone else changed it (CONFLICT).
 */
export async function updateVersioned<T extends ObjectLiteral & { id: string; version: number }>(
  em: EntityManager,
  target: EntityTarget<T>,
  label: string,
  id: string,
  expectedVersion: number,
  patch: Partial<T>,
): Promise<T> {
  const result = await em
    .createQueryBuilder()
    .update(target)
    .set({ ...patch, version: () => 'version + 1', updatedAt: () => 'now()' } as never)
    .where('id = :id AND version = :expectedVersion', { id, expectedVersion })
    .execute();
  if (result.affected === 1) return em.getRepository(target).findOneByOrFail({ id } as never);
  const current = await em.getRepository(target).findOne({ where: { id } as never, select: { version: true, id: true } as never });
  if (!current) throw DomainError.notFound(label, id);
  throw DomainError.conflict(label, id, expectedVersion, (current as T).version);
}
