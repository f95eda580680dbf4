import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { describeStartupError, loadConfig } from '@opvolging/config';
import { Database } from '@opvolging/database';
import { DemoModule } from '@opvolging/demo';
import { MIN_PASSWORD_LENGTH, PasswordHasher, User } from '@opvolging/identity';
import { Role } from '@opvolging/shared';
import { ENTITIES } from '../../composition/src/persistence';

/**
 * `npm run create-admin -- <email>` with the password in ADMIN_PASSWORD (not on the command line,
 * where shell history and process lists would keep it): the first administrator of an installation
 * without demo data. Further accounts are made by administrators through the API.
 */
async function main() {
  loadConfig();
  const email = (process.argv[2] ?? '').trim().toLowerCase();
  const password = process.env.ADMIN_PASSWORD ?? '';
  if (!/^[^\s@]+@[^\s@]+$/.test(email)) throw new Error('Usage: ADMIN_PASSWORD=... npm run create-admin -- name@example.nl');
  if (password.length < MIN_PASSWORD_LENGTH) throw new Error(`ADMIN_PASSWORD must hold at least ${MIN_PASSWORD_LENGTH} characters.`);
  const app = await NestFactory.createApplicationContext(DemoModule.forRoot(ENTITIES), { logger: ['error'] });
  try {
    const hash = await app.get(PasswordHasher).hash(password);
    const created = await app.get(Database).transaction(
      null,
      async ({ em }) => {
        if (await em.getRepository(User).existsBy({ email })) return false;
        await em.getRepository(User).insert({
          email,
          displayName: 'Beheer',
          role: Role.ADMIN,
          organisationId: null,
          locale: 'nl',
          active: true,
          tokenVersion: 0,
          version: 1,
          passwordHash: hash,
        });
        return true;
      },
      { onBehalfOf: 'create-admin' },
    );
    console.log(created ? `Administrator ${email} created.` : `An account ${email} already exists; nothing changed.`);
  } finally {
    await app.close();
  }
}

main().catch((error) => {
  console.error(describeStartupError(error));
  process.exit(1);
});
