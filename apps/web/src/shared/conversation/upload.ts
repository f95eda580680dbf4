import type { SessionManager } from '../session/session-manager';
import { uploadFailure, type UploadFailure } from './conversation-logic';

export class UploadError extends Error {
  constructor(readonly failure: UploadFailure) {
    super(failure.apiMessage ?? failure.kind);
  }
}

/**
 * `POST /attachments?subjectType=…&subjectId=…` with one multipart part `file` and the session's
 * bearer token, through XMLHttpRequest for upload progress (fetch has none). When the token was
 * refused it is refreshed once and the file sent again; the session ends when that fails too.
 */
export async function uploadAttachment(
  manager: SessionManager,
  target: { subjectType: string; subjectId: string },
  file: File,
  onProgress: (fraction: number) => void,
): Promise<void> {
  const url = `/attachments?subjectType=${encodeURIComponent(target.subjectType)}&subjectId=${encodeURIComponent(target.subjectId)}`;
  const token = await manager.getToken();
  let res = await send(url, file, token, onProgress);
  if (res.status === 401 && token) {
    const fresh = await manager.refresh();
    if (fresh) res = await send(url, file, fresh.accessToken, onProgress);
    if (res.status === 401) manager.expire();
  }
  if (res.status !== 201) throw new UploadError(uploadFailure(res.status, res.body));
}

function send(url: string, file: File, token: string | null, onProgress: (fraction: number) => void) {
  return new Promise<{ status: number; body: unknown }>((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      let body: unknown;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = null;
      }
      resolve({ status: xhr.status, body });
    };
    xhr.onerror = () => resolve({ status: 0, body: null });
    xhr.onabort = () => resolve({ status: 0, body: null });
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}

/** Fetches a file with the bearer token and hands it to the browser as a download. */
export async function downloadAttachment(manager: SessionManager, path: string, fileName: string): Promise<void> {
  const token = await manager.getToken();
  const res = await fetch(path, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
  if (!res.ok) {
    const body = await res.json().catch(() => null);
    throw new UploadError(uploadFailure(res.status, body));
  }
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
