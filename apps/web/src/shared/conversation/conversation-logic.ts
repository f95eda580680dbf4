// What the conversation panel decides without React: sizes, the edit window, what a refused upload means.

/** What the API accepts, by content; the file input's hint (the API still checks the bytes). */
export const ACCEPTED_FILES =
  '.pdf,.docx,.xlsx,.pptx,.odt,.ods,.odp,.doc,.xls,.ppt,.png,.jpg,.jpeg,.gif,.webp,.txt,.text,.md,.csv,' +
  'application/pdf,image/*,text/plain,text/csv';

/** A file size for people: bytes, kB or MB, one decimal above 1 MB, in the page's language. */
export function formatBytes(bytes: number, locale: 'nl' | 'en'): string {
  const tag = locale === 'nl' ? 'nl-NL' : 'en-GB';
  if (bytes < 1024) return `${bytes.toLocaleString(tag)} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024).toLocaleString(tag)} kB`;
  return `${(bytes / 1024 / 1024).toLocaleString(tag, { maximumFractionDigits: 1 })} MB`;
}

/** Whether the author may still edit: the API's window, counted from writing (not from the last edit). */
export function withinEditWindow(createdAt: string, windowMinutes: number, now: Date = new Date()): boolean {
  return now.getTime() - new Date(createdAt).getTime() < windowMinutes * 60_000;
}

/** Minutes left to edit, at least 1 while the window is open (for the button's description). */
export function editMinutesLeft(createdAt: string, windowMinutes: number, now: Date = new Date()): number {
  const left = windowMinutes * 60_000 - (now.getTime() - new Date(createdAt).getTime());
  return left <= 0 ? 0 : Math.max(1, Math.floor(left / 60_000));
}

/** Characters as the API counts them (code points, line endings as one). */
export function commentLength(body: string): number {
  return [...body.replace(/\r\n?/g, '\n').trim()].length;
}

export type UploadFailureKind =
  | 'too-large'
  | 'wrong-type'
  | 'empty'
  | 'virus'
  | 'item-full'
  | 'forbidden'
  | 'not-found'
  | 'unavailable'
  | 'unauthenticated'
  | 'network'
  | 'other';

export interface UploadFailure {
  kind: UploadFailureKind;
  /** The API's own sentence, when it gave one (shown next to ours). */
  apiMessage: string | null;
}

/** The answer of `POST /attachments` that was not 201, as a kind the panel has words for. */
export function uploadFailure(status: number, body: unknown): UploadFailure {
  const b = (body && typeof body === 'object' ? body : {}) as { code?: string; message?: string; fields?: Array<{ message?: string }> };
  const apiMessage = typeof b.message === 'string' ? b.message : null;
  const field = b.fields?.[0]?.message ?? '';
  const kind = ((): UploadFailureKind => {
    if (status === 0) return 'network';
    if (status === 413) return 'too-large';
    if (status === 401) return 'unauthenticated';
    if (status === 403) return 'forbidden';
    if (status === 404) return 'not-found';
    if (status === 503) return 'unavailable';
    if (b.code === 'BAD_USER_INPUT') {
      if (field === 'virus found') return 'virus';
      if (field === 'empty') return 'empty';
      if (/per item/.test(field)) return 'item-full';
      if (/^The file was refused/.test(apiMessage ?? '')) return 'wrong-type';
    }
    return 'other';
  })();
  return { kind, apiMessage };
}

export type ParticipantRole = 'INSPECTOR' | 'ORGANISATION_MEMBER';
export type FileSubject = 'PLAN' | 'MEASURE' | 'INTERNAL_AUDIT' | 'VERIFICATION' | 'ENFORCEMENT_MEASURE' | 'COMMENT';

/** Who attaches files to what, as the API decides: the organisation its measures and audit, inspectors a verification, both enforcement. */
export function mayUpload(role: string | undefined, subject: FileSubject): boolean {
  if (subject === 'MEASURE' || subject === 'INTERNAL_AUDIT') return role === 'ORGANISATION_MEMBER';
  if (subject === 'VERIFICATION') return role === 'INSPECTOR';
  if (subject === 'ENFORCEMENT_MEASURE') return role === 'INSPECTOR' || role === 'ORGANISATION_MEMBER';
  return false;
}

/** Whether a subject has evidence files at all (a plan has not: files go on its measures). */
export function hasFiles(subject: FileSubject): boolean {
  return subject !== 'PLAN' && subject !== 'COMMENT';
}

/** Only inspectors and organisation members take part; reviewers and administrators see no thread (the API refuses them). */
export function isParticipant(role: string | undefined): role is ParticipantRole {
  return role === 'INSPECTOR' || role === 'ORGANISATION_MEMBER';
}
