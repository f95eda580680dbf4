import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { AppConfig } from '@opvolging/config';
import { MailModule } from '@opvolging/mail';
import { AuthService } from './auth.service';
import { OidcService } from './oidc.service';
import { PasswordHasher } from './password-hasher';
import { PasswordService } from './password.service';
import { UsersService } from './users.service';

@Module({
  imports: [
    MailModule,
    JwtModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({ secret: config.JWT_SECRET, signOptions: { algorithm: 'HS256' }, verifyOptions: { algorithms: ['HS256'] } }),
    }),
  ],
  providers: [AuthService, UsersService, PasswordHasher, PasswordService, OidcService],
  exports: [AuthService, UsersService, PasswordHasher, PasswordService, OidcService],
})
export class IdentityModule {}
