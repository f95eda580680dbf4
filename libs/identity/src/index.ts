// Access scoping lives in @opvolging/access; re-exported so older imports keep compiling.
export * from '@opvolging/access';
export * from './auth.service';
export * from './identity.module';
export * from './oidc.service';
export * from './password-hasher';
export * from './password.service';
export * from './session.service';
export * from './user.entity';
export * from './user.repository';
export * from './users.service';
export * from './identity-retention';
