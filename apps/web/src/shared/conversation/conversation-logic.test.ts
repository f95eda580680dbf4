import { describe, expect, it } from 'vitest';
import {
  commentLength,
  editMinutesLeft,
  formatBytes,
  hasFiles,
  isParticipant,
  mayUpload,
  uploadFailure,
  withinEditWindow,
} from './conversation-logic';

describe('formatBytes', () => {
  it('shows bytes, kilobytes and megabytes in the language of the page', () => {
    expect(formatBytes(512, 'nl')).toBe('512 B');
    expect(formatBytes(2048, 'en')).toBe('2 kB');
    expect(formatBytes(1536 * 1024, 'nl')).toBe('1,5 MB');
    expect(formatBytes(1536 * 1024, 'en')).toBe('1.5 MB');
  });
});

describe('edit window', () => {
  const written = '2026-03-01T10:00:00.000Z';
  it('is open until the window has passed since writing', () => {
    expect(withinEditWindow(written, 15, new Date('2026-03-01T10:14:59Z'))).toBe(true);
    expect(withinEditWindow(written, 15, new Date('2026-03-01T10:15:00Z'))).toBe(false);
  });
  it('counts the minutes left, at least one while open', () => {
    expect(editMinutesLeft(written, 15, new Date('2026-03-01T10:05:00Z'))).toBe(10);
    expect(editMinutesLeft(written, 15, new Date('2026-03-01T10:14:30Z'))).toBe(1);
    expect(editMinutesLeft(written, 15, new Date('2026-03-01T10:20:00Z'))).toBe(0);
  });
});

describe('commentLength', () => {
  it('counts as the API does: trimmed, CRLF as one, characters not UTF-16 units', () => {
    expect(commentLength('  a\r\nb  ')).toBe(3);
    expect(commentLength('😀')).toBe(1);
  });
});

describe('uploadFailure', () => {
  it('names a file over the limit by its status', () => {
    expect(uploadFailure(413, { code: 'BAD_USER_INPUT', message: 'The file is larger than 25 MB; nothing was stored.' })).toEqual({
      kind: 'too-large',
      apiMessage: 'The file is larger than 25 MB; nothing was stored.',
    });
  });
  it('names content of a type that is not allowed, keeping the API sentence', () => {
    const body = {
      code: 'BAD_USER_INPUT',
      message: 'The file was refused: the content is not one of the allowed types (PDF, Office documents, images, plain text or CSV).',
      fields: [{ path: 'file', message: 'the content is not one of the allowed types' }],
    };
    expect(uploadFailure(400, body)).toEqual({ kind: 'wrong-type', apiMessage: body.message });
  });
  it('tells empty files, viruses and a full item apart', () => {
    expect(uploadFailure(400, { code: 'BAD_USER_INPUT', message: 'The file is empty.', fields: [{ message: 'empty' }] }).kind).toBe(
      'empty',
    );
    expect(uploadFailure(400, { code: 'BAD_USER_INPUT', message: 'x', fields: [{ message: 'virus found' }] }).kind).toBe('virus');
    expect(uploadFailure(400, { code: 'BAD_USER_INPUT', message: 'x', fields: [{ message: 'at most 100 MB per item' }] }).kind).toBe(
      'item-full',
    );
  });
  it('maps statuses without a body, and a lost connection', () => {
    expect(uploadFailure(403, null).kind).toBe('forbidden');
    expect(uploadFailure(503, 'oops').kind).toBe('unavailable');
    expect(uploadFailure(0, null)).toEqual({ kind: 'network', apiMessage: null });
    expect(uploadFailure(500, {}).kind).toBe('other');
  });
});

describe('who takes part', () => {
  it('lets the organisation attach to measures and audits, inspectors to verifications, both to enforcement', () => {
    expect(mayUpload('ORGANISATION_MEMBER', 'MEASURE')).toBe(true);
    expect(mayUpload('INSPECTOR', 'MEASURE')).toBe(false);
    expect(mayUpload('INSPECTOR', 'VERIFICATION')).toBe(true);
    expect(mayUpload('ORGANISATION_MEMBER', 'VERIFICATION')).toBe(false);
    expect(mayUpload('ORGANISATION_MEMBER', 'ENFORCEMENT_MEASURE')).toBe(true);
    expect(mayUpload('MUNICIPALITY_REVIEWER', 'ENFORCEMENT_MEASURE')).toBe(false);
    expect(hasFiles('PLAN')).toBe(false);
  });
  it('shows no thread to reviewers and administrators', () => {
    expect(isParticipant('MUNICIPALITY_REVIEWER')).toBe(false);
    expect(isParticipant('ADMIN')).toBe(false);
    expect(isParticipant('INSPECTOR')).toBe(true);
  });
});
