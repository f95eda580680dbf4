import { Brackets, EntityManager, SelectQueryBuilder, UpdateResult } from 'typeorm';
import { entityRows } from '@opvolging/database';
import { Organisation } from '@opvolging/organisations';
import { likeTerm, Role } from '@opvolging/shared';
import { User } from './user.entity';

export interface UserListFilter {
  /** The organisation the reader is limited to (everyone but administrators). */
  ownOrganisationId?: string | null;
  organisationId?: string;
  role?: Role;
  search?: string;
  active?: boolean;
}

/** The users table, as this library and the libraries above it read and write it. */
export const userRepository = {
  byId(em: EntityManager, id: string): Promise<User> {
    return em.getRepository(User).findOneByOrFail({ id });
  },

  find(em: EntityManager, id: string): Promise<User | null> {
    return em.getRepository(User).findOneBy({ id });
  },

  byIds(em: EntityManager, ids: readonly string[]): Promise<User[]> {
    return em.getRepository(User).createQueryBuilder('u').where('u.id IN (:...ids)', { ids }).getMany();
  },

  emailTaken(em: EntityManager, email: string): Promise<boolean> {
    return em.getRepository(User).existsBy({ email });
  },

  activeByEmail(em: EntityManager, email: string): Promise<User | null> {
    return em.getRepository(User).findOneBy({ email, active: true });
  },

  async insert(em: EntityManager, data: Partial<User>): Promise<User> {
    const repo = em.getRepository(User);
    const saved = await repo.save(repo.create(data));
    return repo.findOneByOrFail({ id: saved.id });
  },

  update(em: EntityManager, id: string, patch: Partial<User>): Promise<UpdateResult> {
    return em.update(User, { id }, patch);
  },

  /** Every token issued to the account before stops working. */
  raiseTokenVersion(em: EntityManager, id: string): Promise<UpdateResult> {
    return em.increment(User, { id }, 'tokenVersion', 1);
  },

  filtered(em: EntityManager, filter: UserListFilter): SelectQueryBuilder<User> {
    const qb = em.getRepository(User).createQueryBuilder('u');
    if (filter.ownOrganisationId !== undefined) qb.andWhere('u.organisation_id = :ownOrg', { ownOrg: filter.ownOrganisationId });
    if (filter.organisationId) qb.andWhere('u.organisation_id = :orgId', { orgId: filter.organisationId });
    if (filter.role) qb.andWhere('u.role = :role', { role: filter.role });
    if (filter.active !== undefined && filter.active !== null) qb.andWhere('u.active = :active', { active: filter.active });
    if (filter.search) {
      const term = likeTerm(filter.search);
      qb.andWhere(new Brackets((w) => w.where('u.display_name ILIKE :term', { term }).orWhere('u.email ILIKE :term', { term })));
    }
    return qb;
  },

  /** The organisation an account is to belong to (organisations are reference data, read here). */
  organisation(em: EntityManager, id: string): Promise<Organisation | null> {
    return em.getRepository(Organisation).findOneBy({ id });
  },

  /** The account with what a password sign-in checks (hash, failures, lock). */
  forSignIn(em: EntityManager, email: string): Promise<User | null> {
    return em
      .getRepository(User)
      .createQueryBuilder('u')
      .addSelect(['u.passwordHash', 'u.failedSignIns', 'u.lockedUntil'])
      .where('u.email = :email', { email })
      .getOne();
  },

  withPasswordHash(em: EntityManager, id: string): Promise<User | null> {
    return em.getRepository(User).createQueryBuilder('u').addSelect('u.passwordHash').where('u.id = :id', { id }).getOne();
  },

  /** One more failed sign-in, counted in one UPDATE (so parallel attempts cannot slip past the limit); locks after `lockoutAfter`. */
  async recordFailedSignIn(em: EntityManager, id: string, lockoutAfter: number, now: Date): Promise<void> {
    await em.query(
      `UPDATE users SET failed_sign_ins = failed_sign_ins + 1,
                locked_until = CASE WHEN failed_sign_ins + 1 >= $2
                  THEN $3::timestamptz + make_interval(secs => least(3600, 60 * power(2, failed_sign_ins + 1 - $2)))
                  ELSE locked_until END
          WHERE id = $1`,
      [id, lockoutAfter, now],
    );
  },

  /**
   * The account behind a token, whole (as `byIds` reads it), in one statement (a read: users has
   * no row-level security): its state decides whether the token still counts, the rest answers
   * `me` and the user's own name without another read.
   */
  async tokenState(em: EntityManager, id: string): Promise<User | undefined> {
    // Every request reads this: its text is built once (EntityRows.selectFrom), not per call.
    const users = entityRows(em.connection, User);
    const [user] = users.fromRaw(await em.query(`${users.selectFrom('u')} WHERE "u"."id" = $1`, [id]), 'u');
    return user;
  },

  /** A new password after a reset: every session ends and a lock-out is lifted. */
  async resetPassword(em: EntityManager, id: string, passwordHash: string): Promise<void> {
    await em.query(
      `UPDATE users SET password_hash = $2, token_version = token_version + 1, failed_sign_ins = 0, locked_until = NULL, ` +
        `updated_at = now() WHERE id = $1`,
      [id, passwordHash],
    );
  },

  /** A new password chosen by the account itself: its other sessions end. */
  async changePassword(em: EntityManager, id: string, passwordHash: string): Promise<void> {
    await em.query(`UPDATE users SET password_hash = $2, token_version = token_version + 1, updated_at = now() WHERE id = $1`, [
      id,
      passwordHash,
    ]);
  },

  /** Accounts with their OIDC link (issuer, subject), by link or by e-mail address. */
  withOidcLink(em: EntityManager): SelectQueryBuilder<User> {
    return em.getRepository(User).createQueryBuilder('u').addSelect(['u.oidcIssuer', 'u.oidcSubject']);
  },

  /** The active account whose calendar feed has this secret's hash. */
  byCalendarTokenHash(em: EntityManager, tokenHash: string): Promise<User | null> {
    return em.getRepository(User).createQueryBuilder('u').where('u.calendar_token_hash = :h AND u.active', { h: tokenHash }).getOne();
  },
};
