import { Controller, Get, Header, NotFoundException, Param } from '@nestjs/common';
import { CalendarFeedService } from '@opvolging/notifications';
import { DomainError } from '@opvolging/shared';

/** GET /calendar/<secret>.ics: the feed needs no sign-in; the secret in the URL is the key. */
@Controller('calendar')
export class CalendarController {
  constructor(private readonly calendar: CalendarFeedService) {}

  @Get(':file')
  @Header('Content-Type', 'text/calendar; charset=utf-8')
  @Header('Cache-Control', 'private, max-age=300')
  async feed(@Param('file') file: string): Promise<string> {
    const token = file.replace(/\.ics$/, '');
    if (!/^[A-Za-z0-9_-]{43}$/.test(token)) throw new NotFoundException('Unknown calendar feed.');
    try {
      return await this.calendar.render(token);
    } catch (error) {
      if (error instanceof DomainError) throw new NotFoundException('Unknown or revoked calendar feed.');
      throw error;
    }
  }
}
