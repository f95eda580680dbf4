import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SessionManager } from '../session/session-manager';
import { uploadAttachment, UploadError } from './upload';

/** Answers each request with the next of `answers`, recording what was sent. */
function fakeXhr(answers: Array<{ status: number; body: unknown }>) {
  const sent: Array<{ url: string; auth: string | null; body: unknown }> = [];
  class FakeXhr {
    upload: { onprogress: ((e: { lengthComputable: boolean; loaded: number; total: number }) => void) | null } = { onprogress: null };
    onload: (() => void) | null = null;
    onerror: (() => void) | null = null;
    onabort: (() => void) | null = null;
    status = 0;
    responseText = '';
    private url = '';
    private auth: string | null = null;
    open(_method: string, url: string) {
      this.url = url;
    }
    setRequestHeader(name: string, value: string) {
      if (name === 'Authorization') this.auth = value;
    }
    send(body: unknown) {
      sent.push({ url: this.url, auth: this.auth, body });
      const answer = answers.shift()!;
      this.upload.onprogress?.({ lengthComputable: true, loaded: 1, total: 1 });
      this.status = answer.status;
      this.responseText = JSON.stringify(answer.body);
      queueMicrotask(() => this.onload?.());
    }
  }
  vi.stubGlobal('XMLHttpRequest', FakeXhr);
  return sent;
}

function session(token: string, fresh: string | null) {
  return {
    getToken: vi.fn(async () => token),
    refresh: vi.fn(async () => (fresh ? { accessToken: fresh, expiresAt: Date.now() + 60_000 } : null)),
    expire: vi.fn(),
  } as unknown as SessionManager & { expire: ReturnType<typeof vi.fn> };
}

const file = new File(['%PDF-1.4'], 'verslag.pdf', { type: 'application/pdf' });
const target = { subjectType: 'MEASURE', subjectId: '0b9f0b7e-3f6e-4c43-9d0a-4f1f2b3c4d5e' };

afterEach(() => vi.unstubAllGlobals());

describe('uploadAttachment', () => {
  it('posts one part named file to the subject with the bearer token, reporting progress', async () => {
    const sent = fakeXhr([{ status: 201, body: { id: 'a' } }]);
    const progress: number[] = [];
    await uploadAttachment(session('t1', null), target, file, (f) => progress.push(f));
    expect(sent[0].url).toBe(`/attachments?subjectType=MEASURE&subjectId=${target.subjectId}`);
    expect(sent[0].auth).toBe('Bearer t1');
    expect((sent[0].body as FormData).get('file')).toBeInstanceOf(File);
    expect(progress).toEqual([1]);
  });

  it('refreshes a refused token once and sends the file again', async () => {
    const sent = fakeXhr([
      { status: 401, body: { code: 'UNAUTHENTICATED', message: 'expired' } },
      { status: 201, body: { id: 'a' } },
    ]);
    const s = session('old', 'new');
    await uploadAttachment(s, target, file, () => undefined);
    expect(sent.map((r) => r.auth)).toEqual(['Bearer old', 'Bearer new']);
    expect(s.expire).not.toHaveBeenCalled();
  });

  it('ends the session when the fresh token is refused too', async () => {
    fakeXhr([
      { status: 401, body: null },
      { status: 401, body: null },
    ]);
    const s = session('old', 'new');
    await expect(uploadAttachment(s, target, file, () => undefined)).rejects.toBeInstanceOf(UploadError);
    expect(s.expire).toHaveBeenCalledOnce();
  });

  it("throws the refusal's kind with the API's sentence", async () => {
    fakeXhr([{ status: 413, body: { code: 'BAD_USER_INPUT', message: 'The file is larger than 25 MB; nothing was stored.' } }]);
    const error = await uploadAttachment(session('t', null), target, file, () => undefined).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UploadError);
    expect((error as UploadError).failure).toEqual({ kind: 'too-large', apiMessage: 'The file is larger than 25 MB; nothing was stored.' });
  });
});
