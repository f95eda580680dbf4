import { Module } from '@nestjs/common';
import { createSecretKey } from 'crypto';
import { JwtModule } from '@nestjs/jwt';
import { AppConfig } from '@opvolging/config';
import { MailModule } from '@opvolging/mail';
import { AuthService } from './auth.service';
import { IdentityRetention } from './identity-retention';
import { OidcService } from './oidc.service';
import { PasswordHasher } from './password-hasher';
import { PasswordService } from './password.service';
import { SessionService } from './session.service';
import { UsersService } from './users.service';

@Module({
  imports: [
    MailModule,
    JwtModule.registerAsync({
      inject: [AppConfig],
      // A KeyObject, not the string: given a string, jsonwebtoken first tries (and fails) to read it as
      // a public key on every verification, which cost ~0.6 ms of CPU per request (docs/PERFORMANCE.md).
      useFactory: (config: AppConfig) => ({
        secret: createSecretKey(Buffer.from(config.JWT_SECRET, 'utf8')) as unknown as string,
        signOptions: { algorithm: 'HS256' },
        verifyOptions: { algorithms: ['HS256'] },
      }),
    }),
  ],
  providers: [AuthService, UsersService, PasswordHasher, PasswordService, OidcService, SessionService, IdentityRetention],
  exports: [AuthService, UsersService, PasswordHasher, PasswordService, OidcService, SessionService],
})
export class IdentityModule {}
