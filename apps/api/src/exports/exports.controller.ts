import { Controller, ConflictException, Get, Headers, NotFoundException, Param, Res, UnauthorizedException } from '@nestjs/common';
import type { Response } from 'express';
import { ExportsService } from '@opvolging/exports';
import { AuthService } from '@opvolging/identity';
import { DomainError, ErrorCode } from '@opvolging/shared';

/**
 * GET /exports/<id>/download with `Authorization: Bearer <token>`: the file, for the user who asked
 * for it. Anyone else gets 404, as if the export did not exist.
 */
@Controller('exports')
export class ExportsController {
  constructor(
    private readonly auth: AuthService,
    private readonly exports: ExportsService,
  ) {}

  @Get(':id/download')
  async download(
    @Param('id') id: string,
    @Headers('authorization') authorization: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    const [scheme, token] = (authorization ?? '').split(' ');
    res.setHeader('Cache-Control', 'no-store');
    try {
      if (scheme?.toLowerCase() !== 'bearer' || !token) throw DomainError.unauthenticated();
      const actor = await this.auth.authenticate(token);
      const { filename, contentType, file } = await this.exports.file(actor, id);
      res.setHeader('Content-Type', contentType);
      res.setHeader(
        'Content-Disposition',
        `attachment; filename="${filename.replace(/["\\\r\n]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(filename)}`,
      );
      res.setHeader('Content-Length', String(file.length));
      res.setHeader('X-Content-Type-Options', 'nosniff');
      res.status(200).end(file);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      if (error.code === ErrorCode.UNAUTHENTICATED) {
        res.setHeader('WWW-Authenticate', 'Bearer');
        throw new UnauthorizedException(error.message);
      }
      if (error.code === ErrorCode.INVALID_TRANSITION) throw new ConflictException(error.message);
      throw new NotFoundException('Unknown export.');
    }
  }
}
