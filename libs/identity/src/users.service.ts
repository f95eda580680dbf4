import { Injectable } from '@nestjs/common';
import { Database, Page, PageArgs, paginate, updateVersioned } from '@opvolging/database';
import { Actor, DomainError, Role, requireRole } from '@opvolging/shared';
import { PasswordHasher } from './password-hasher';
import { mayBelongTo } from './roles';
import { Locale, User } from './user.entity';
import { userRepository } from './user.repository';

export const MIN_PASSWORD_LENGTH = 12;

export interface CreateUserData {
  email: string;
  displayName: string;
  role: Role;
  organisationId?: string | null;
  password: string;
  locale?: Locale;
}

export interface UpdateUserData {
  id: string;
  expectedVersion: number;
  displayName?: string;
  role?: Role;
  organisationId?: string | null;
  locale?: Locale;
  active?: boolean;
}

export interface UserFilter {
  organisationId?: string;
  role?: Role;
  search?: string;
  active?: boolean;
}

@Injectable()
export class UsersService {
  constructor(
    private readonly db: Database,
    private readonly hasher: PasswordHasher,
  ) {}

  async create(actor: Actor, data: CreateUserData): Promise<User> {
    requireRole(actor, [Role.ADMIN], 'create accounts');
    if (data.password.length < MIN_PASSWORD_LENGTH) {
      throw DomainError.badInput(`A password needs at least ${MIN_PASSWORD_LENGTH} characters.`, [
        { path: 'input.password', message: `at least ${MIN_PASSWORD_LENGTH} characters` },
      ]);
    }
    const passwordHash = await this.hasher.hash(data.password);
    return this.db.transaction(actor, async ({ em }) => {
      const email = data.email.trim().toLowerCase();
      await this.checkRoleOrganisation(em, data.role, data.organisationId ?? null);
      if (await userRepository.emailTaken(em, email)) {
        throw DomainError.badInput(`An account with e-mail address ${email} already exists.`, [
          { path: 'input.email', message: 'already in use' },
        ]);
      }
      return userRepository.insert(em, {
        email,
        displayName: data.displayName.trim(),
        role: data.role,
        organisationId: data.role === Role.ADMIN ? null : data.organisationId,
        locale: data.locale ?? 'nl',
        passwordHash,
        active: true,
        tokenVersion: 0,
        version: 1,
      });
    });
  }

  async update(actor: Actor, data: UpdateUserData): Promise<User> {
    requireRole(actor, [Role.ADMIN], 'change accounts');
    return this.db.transaction(actor, async ({ em }) => {
      const current = await userRepository.find(em, data.id);
      if (!current) throw DomainError.notFound('User', data.id);
      const role = data.role ?? current.role;
      const organisationId = role === Role.ADMIN ? null : data.organisationId !== undefined ? data.organisationId : current.organisationId;
      await this.checkRoleOrganisation(em, role, organisationId);
      if (current.id === actor.userId && (data.active === false || role !== Role.ADMIN)) {
        throw DomainError.badInput('You cannot disable your own account or take away your own administrator role.', [
          { path: data.active === false ? 'input.active' : 'input.role', message: 'not for your own account' },
        ]);
      }
      // A new role, organisation or a disabled account ends every session issued before.
      const revoke = role !== current.role || organisationId !== current.organisationId || data.active === false;
      return updateVersioned(em, User, 'User', data.id, data.expectedVersion, {
        ...(data.displayName !== undefined ? { displayName: data.displayName.trim() } : {}),
        ...(data.locale !== undefined ? { locale: data.locale } : {}),
        ...(data.active !== undefined ? { active: data.active } : {}),
        role,
        organisationId,
        ...(revoke ? { tokenVersion: current.tokenVersion + 1 } : {}),
      });
    });
  }

  /** Administrators see every account; others see the accounts of their own organisation. */
  async list(actor: Actor, filter: UserFilter, page: PageArgs): Promise<Page<User>> {
    return paginate(
      this.db,
      actor,
      (em) =>
        userRepository.filtered(em, {
          ...(actor.role !== Role.ADMIN ? { ownOrganisationId: actor.organisationId } : {}),
          organisationId: filter.organisationId,
          role: filter.role,
          search: filter.search,
          active: filter.active,
        }),
      'u.id',
      { expression: 'u.email', type: 'text', direction: 'ASC' },
      page,
    );
  }

  async byIds(actor: Actor, ids: readonly string[]): Promise<User[]> {
    return this.db.read(actor, ({ em }) => userRepository.byIds(em, ids));
  }

  private async checkRoleOrganisation(em: import('typeorm').EntityManager, role: Role, organisationId: string | null) {
    if (role === Role.ADMIN) return;
    if (!organisationId) {
      throw DomainError.badInput(`A ${role} account belongs to an organisation: give organisationId.`, [
        { path: 'input.organisationId', message: 'required for this role' },
      ]);
    }
    const organisation = await userRepository.organisation(em, organisationId);
    if (!organisation) {
      throw DomainError.badInput(`Organisation ${organisationId} does not exist.`, [
        { path: 'input.organisationId', message: 'unknown organisation' },
      ]);
    }
    if (!mayBelongTo(role, organisation.kind)) {
      throw DomainError.badInput(`A ${role} account cannot belong to an organisation of kind ${organisation.kind}.`, [
        { path: 'input.organisationId', message: `kind ${organisation.kind} does not fit role ${role}` },
      ]);
    }
  }
}
