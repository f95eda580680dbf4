import { createReadStream } from 'node:fs';
import { connect, Socket } from 'node:net';
import { AppConfig } from '@opvolging/config';

export type ScanOutcome = { scanned: false } | { scanned: true; clean: true } | { scanned: true; clean: false; signature: string };

/**
 * ClamAV's clamd over its socket (INSTREAM), when CLAMD_SOCKET is set. Off by default, and then the
 * attachment says NOT_SCANNED: the product never claims a scan it did not do. A configured clamd
 * that does not answer refuses the upload instead of letting it through unscanned.
 */
export class VirusScanner {
  constructor(private readonly config: Pick<AppConfig, 'CLAMD_SOCKET'>) {}

  get enabled(): boolean {
    return this.config.CLAMD_SOCKET !== '';
  }

  async scan(path: string, timeoutMs = 60_000): Promise<ScanOutcome> {
    if (!this.enabled) return { scanned: false };
    const socket = this.open();
    socket.setTimeout(timeoutMs, () => socket.destroy(new Error('clamd did not answer in time')));
    const reply = new Promise<string>((resolve, reject) => {
      const parts: Buffer[] = [];
      socket.on('data', (d) => parts.push(d));
      socket.on('end', () => resolve(Buffer.concat(parts).toString('utf8')));
      socket.on('error', reject);
    });
    reply.catch(() => undefined); // a refused connection is reported by the connect step below
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('error', reject);
    });
    socket.write('zINSTREAM\0');
    for await (const chunk of createReadStream(path, { highWaterMark: 64 * 1024 })) {
      const size = Buffer.alloc(4);
      size.writeUInt32BE((chunk as Buffer).length);
      if (!socket.write(Buffer.concat([size, chunk as Buffer]))) await new Promise((r) => socket.once('drain', r));
    }
    socket.end(Buffer.alloc(4)); // a zero-length chunk ends the stream
    const answer = (await reply).replace(/\0/g, '').trim();
    if (/^stream: OK$/.test(answer)) return { scanned: true, clean: true };
    const found = /^stream: (.+) FOUND$/.exec(answer);
    if (found) return { scanned: true, clean: false, signature: found[1] };
    throw new Error(`clamd answered "${answer}"`);
  }

  private open(): Socket {
    const target = this.config.CLAMD_SOCKET;
    const tcp = /^(?:tcp:\/\/)?([^/:]+):(\d+)$/.exec(target);
    return tcp ? connect(Number(tcp[2]), tcp[1]) : connect(target);
  }
}
