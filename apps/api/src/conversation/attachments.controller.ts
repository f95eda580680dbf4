import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Controller, Get, Headers, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import busboy from 'busboy';
import type { Request, Response } from 'express';
import { AppConfig } from '@opvolging/config';
import { AttachmentsService, megabytes, ReceivedFile, sanitiseFileName, SubjectType } from '@opvolging/conversation';
import { AuthService } from '@opvolging/identity';
import { Actor, DomainError } from '@opvolging/shared';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Evidence files over plain HTTP, streamed (never base64 inside GraphQL), with the bearer token:
 * `POST /attachments?subjectType=MEASURE&subjectId=<id>` with one multipart part `file`, and
 * `GET /attachments/<id>/download`. Who may upload is checked before the body is read; the body
 * is spooled to a temporary file while it is hashed and counted, and only a complete, accepted
 * file reaches storage and the database.
 */
@Controller('attachments')
export class AttachmentsController {
  constructor(
    private readonly auth: AuthService,
    private readonly attachments: AttachmentsService,
    private readonly config: AppConfig,
  ) {}

  @Post()
  @HttpCode(201)
  async upload(
    @Query('subjectType') subjectType: string,
    @Query('subjectId') subjectId: string,
    @Headers('authorization') authorization: string | undefined,
    @Req() req: Request,
  ) {
    const actor = await this.actor(authorization);
    if (!Object.values(SubjectType).includes(subjectType as SubjectType))
      throw DomainError.badInput('subjectType must be MEASURE, INTERNAL_AUDIT, VERIFICATION, ENFORCEMENT_MEASURE or COMMENT.', [
        { path: 'subjectType', message: 'MEASURE, INTERNAL_AUDIT, VERIFICATION, ENFORCEMENT_MEASURE or COMMENT' },
      ]);
    if (!UUID.test(subjectId ?? ''))
      throw DomainError.badInput('subjectId must be an id (a UUID).', [{ path: 'subjectId', message: 'must be an id (a UUID)' }]);
    const type = subjectType as SubjectType;
    const id = subjectId.toLowerCase();
    await this.attachments.mayUpload(actor, type, id);
    const file = await this.receive(req);
    try {
      return await this.attachments.upload(actor, type, id, file);
    } finally {
      await rm(file.path, { force: true });
    }
  }

  @Get(':id/download')
  async download(
    @Param('id') id: string,
    @Headers('authorization') authorization: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    res.setHeader('Cache-Control', 'no-store');
    const actor = await this.actor(authorization, res);
    if (!UUID.test(id)) throw DomainError.notFound('Attachment', id);
    const { row, body } = await this.attachments.open(actor, id.toLowerCase());
    res.setHeader('Content-Type', row.contentType);
    res.setHeader(
      'Content-Disposition',
      `attachment; filename="${row.fileName.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(row.fileName)}`,
    );
    res.setHeader('Content-Length', String(row.sizeBytes));
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
    res.setHeader('X-Content-SHA256', row.sha256);
    res.status(200);
    try {
      await pipeline(body, res);
    } catch (error) {
      // The client went away mid-download: nothing to answer, nothing wrong on our side.
      if ((error as { code?: string }).code !== 'ERR_STREAM_PREMATURE_CLOSE') throw error;
    }
  }

  private async actor(authorization: string | undefined, res?: Response): Promise<Actor> {
    const [scheme, token] = (authorization ?? '').split(' ');
    try {
      if (scheme?.toLowerCase() !== 'bearer' || !token) throw DomainError.unauthenticated();
      return await this.auth.authenticate(token);
    } catch (error) {
      res?.setHeader('WWW-Authenticate', 'Bearer');
      throw error;
    }
  }

  /** The one `file` part, to a temporary file, hashed and counted on the way; refused when too large, cut off or missing. */
  private receive(req: Request): Promise<ReceivedFile> {
    const max = this.config.ATTACHMENT_MAX_BYTES;
    if (!/^multipart\/form-data/i.test(req.headers['content-type'] ?? ''))
      return Promise.reject(
        DomainError.badInput('Send the file as multipart/form-data, in a part named "file".', [
          { path: 'file', message: 'multipart/form-data' },
        ]),
      );
    return new Promise<ReceivedFile>((resolve, reject) => {
      let parser: busboy.Busboy;
      try {
        parser = busboy({ headers: req.headers, limits: { files: 1, fileSize: max, fields: 0, parts: 1 }, defParamCharset: 'utf8' });
      } catch {
        return reject(
          DomainError.badInput('The multipart body could not be read.', [{ path: 'file', message: 'malformed multipart body' }]),
        );
      }
      let received: Promise<ReceivedFile> | null = null;
      let failed: DomainError | null = null;
      // Named by process, so a leftover can be traced to the process that wrote it.
      const path = join(tmpdir(), `opvolging-upload-${process.pid}-${randomUUID()}`);
      parser.on('file', (name, stream, info) => {
        if (name !== 'file' || received) {
          stream.resume();
          failed ??= DomainError.badInput('Send one part named "file".', [{ path: 'file', message: 'one part named "file"' }]);
          return;
        }
        const hash = createHash('sha256');
        let size = 0;
        let tooLarge = false;
        stream.on('limit', () => (tooLarge = true));
        const count = new Transform({
          transform(chunk: Buffer, _enc, done) {
            size += chunk.length;
            hash.update(chunk);
            done(null, chunk);
          },
        });
        received = pipeline(stream, count, createWriteStream(path, { flags: 'wx' })).then(() => {
          if (tooLarge)
            throw DomainError.badInput(
              `The file is larger than ${megabytes(max)}; nothing was stored.`,
              [{ path: 'file', message: `at most ${megabytes(max)}` }],
              {
                httpStatus: 413,
              },
            );
          if (size === 0) throw DomainError.badInput('The file is empty.', [{ path: 'file', message: 'empty' }]);
          return { path, fileName: sanitiseFileName(info.filename ?? ''), size, sha256: hash.digest('hex') };
        });
      });
      const cutOff = () =>
        DomainError.badInput('The upload was cut off or malformed; nothing was stored.', [{ path: 'file', message: 'incomplete upload' }]);
      // Whatever went wrong with the stream itself, the answer is the same: nothing was stored.
      const fail = async (error: unknown) => {
        await rm(path, { force: true });
        reject(error instanceof DomainError ? error : cutOff());
      };
      parser.on('error', () => fail(cutOff()));
      parser.on('close', async () => {
        try {
          if (failed) throw failed;
          if (!received)
            throw DomainError.badInput('No file: send it in a multipart part named "file".', [{ path: 'file', message: 'required' }]);
          resolve(await received);
        } catch (error) {
          await fail(error);
        }
      });
      req.on('aborted', () => parser.destroy(new Error('aborted')));
      req.pipe(parser);
    });
  }
}
