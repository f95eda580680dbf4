import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'opvolging:public';
/** Marks an operation that needs no sign-in (signing in itself). */
export const Public = () => SetMetadata(IS_PUBLIC, true);
