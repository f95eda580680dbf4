import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { AppConfig } from '@opvolging/config';

/**
 * Where the bytes of evidence files live. Keys are chosen by the product (no user input), so a
 * backend never sees a user's file name. `put` writes all or nothing; `get` answers null for a
 * missing object, so a row without bytes is a reported inconsistency, not a crash.
 */
export abstract class BlobStorage {
  abstract readonly kind: 'filesystem' | 's3';
  abstract put(key: string, source: () => Readable, size: number): Promise<void>;
  abstract get(key: string): Promise<Readable | null>;
  abstract exists(key: string): Promise<boolean>;
  abstract delete(key: string): Promise<void>;
  /** Every key with its last change, for the consistency check. */
  abstract list(): AsyncIterable<{ key: string; modifiedAt: Date }>;
}

const PARTIAL = '.partial';

/** One machine: a directory (STORAGE_DIR). Writes go to a partial file renamed into place, so a cut-off write leaves no object. */
export class FilesystemStorage extends BlobStorage {
  readonly kind = 'filesystem' as const;
  readonly root: string;

  constructor(dir: string) {
    super();
    this.root = resolve(dir);
  }

  private path(key: string): string {
    const path = resolve(this.root, key);
    if (!path.startsWith(this.root + sep)) throw new Error(`storage key outside the storage directory: ${key}`);
    return path;
  }

  async put(key: string, source: () => Readable): Promise<void> {
    const partial = join(this.root, PARTIAL, randomUUID());
    await mkdir(dirname(partial), { recursive: true });
    try {
      await pipeline(source(), createWriteStream(partial, { flags: 'wx' }));
      await mkdir(dirname(this.path(key)), { recursive: true });
      await rename(partial, this.path(key));
    } catch (error) {
      await rm(partial, { force: true });
      throw error;
    }
  }

  async get(key: string): Promise<Readable | null> {
    if (!(await this.exists(key))) return null;
    return createReadStream(this.path(key));
  }

  async exists(key: string): Promise<boolean> {
    return stat(this.path(key)).then(
      (s) => s.isFile(),
      () => false,
    );
  }

  async delete(key: string): Promise<void> {
    await rm(this.path(key), { force: true });
  }

  async *list(): AsyncIterable<{ key: string; modifiedAt: Date }> {
    const entries = await readdir(this.root, { recursive: true, withFileTypes: true }).catch(() => []);
    for (const e of entries) {
      if (!e.isFile()) continue;
      const full = join(e.parentPath, e.name);
      const key = relative(this.root, full).split(sep).join('/');
      if (key.startsWith(`${PARTIAL}/`)) continue;
      yield { key, modifiedAt: (await stat(full)).mtime };
    }
  }
}

/** Several API replicas: S3-compatible object storage (STORAGE_URL=s3://bucket[/prefix]) through the AWS SDK. */
export class S3Storage extends BlobStorage {
  readonly kind = 's3' as const;
  readonly bucket: string;
  private readonly prefix: string;

  constructor(
    url: string,
    private readonly client: S3Client,
  ) {
    super();
    const { host, pathname } = new URL(url);
    this.bucket = host;
    this.prefix = pathname.replace(/^\/+|\/+$/g, '');
    if (this.prefix) this.prefix += '/';
  }

  static fromConfig(config: AppConfig): S3Storage {
    const credentials =
      config.S3_ACCESS_KEY_ID && config.S3_SECRET_ACCESS_KEY
        ? { accessKeyId: config.S3_ACCESS_KEY_ID, secretAccessKey: config.S3_SECRET_ACCESS_KEY }
        : undefined;
    const client = new S3Client({
      region: config.S3_REGION,
      endpoint: config.S3_ENDPOINT || undefined,
      forcePathStyle: config.S3_FORCE_PATH_STYLE === 'true',
      credentials,
      // Checksums only where S3 demands them: many S3-compatible servers do not speak the SDK's
      // default aws-chunked uploads with trailing checksums (the SHA-256 is ours, in the row).
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
    return new S3Storage(config.STORAGE_URL, client);
  }

  // A single PUT is atomic in S3: an interrupted upload leaves no object.
  async put(key: string, source: () => Readable, size: number): Promise<void> {
    await this.client.send(new PutObjectCommand({ Bucket: this.bucket, Key: this.prefix + key, Body: source(), ContentLength: size }));
  }

  async get(key: string): Promise<Readable | null> {
    try {
      const out = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: this.prefix + key }));
      return out.Body as Readable;
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  async exists(key: string): Promise<boolean> {
    try {
      await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: this.prefix + key }));
      return true;
    } catch (error) {
      if (isMissing(error)) return false;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: this.prefix + key }));
  }

  async *list(): AsyncIterable<{ key: string; modifiedAt: Date }> {
    let token: string | undefined;
    do {
      const page = await this.client.send(
        new ListObjectsV2Command({ Bucket: this.bucket, Prefix: this.prefix || undefined, ContinuationToken: token }),
      );
      for (const o of page.Contents ?? []) yield { key: o.Key!.slice(this.prefix.length), modifiedAt: o.LastModified ?? new Date(0) };
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
  }
}

function isMissing(error: unknown): boolean {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e?.name === 'NoSuchKey' || e?.name === 'NotFound' || e?.$metadata?.httpStatusCode === 404;
}

/** The backend the configuration names: S3 when STORAGE_URL is set, else the directory STORAGE_DIR. */
export function storageFromConfig(config: AppConfig): BlobStorage {
  return config.STORAGE_URL ? S3Storage.fromConfig(config) : new FilesystemStorage(config.STORAGE_DIR);
}
