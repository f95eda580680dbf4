import { Injectable, OnModuleInit } from '@nestjs/common';
import { AppConfig } from '@opvolging/config';
import { RetentionTasks } from '@opvolging/database';
import { passwordResetRepository } from './password-reset.repository';
import { refreshTokenRepository } from './refresh-token.repository';

/**
 * Used and expired password-reset links are deleted after RETENTION_RESET_LINKS_DAYS, ended browser
 * sessions (refresh tokens) after RETENTION_SESSIONS_DAYS.
 */
@Injectable()
export class IdentityRetention implements OnModuleInit {
  constructor(
    private readonly tasks: RetentionTasks,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.tasks.register('resetLinks', (em, now) => passwordResetRepository.deleteOld(em, now, this.config.RETENTION_RESET_LINKS_DAYS));
    // A live family keeps its replaced tokens: they are how a copied token is recognised.
    this.tasks.register('sessions', (em, now) => refreshTokenRepository.deleteEnded(em, now, this.config.RETENTION_SESSIONS_DAYS));
  }
}
