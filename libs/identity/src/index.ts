export * from './access-scope';
export * from './auth.service';
export * from './identity.module';
export * from './oidc.service';
export * from './password-hasher';
export * from './password.service';
export * from './user.entity';
export * from './users.service';
