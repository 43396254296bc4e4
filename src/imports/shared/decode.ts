// Local files as text: gunzip when the bytes say gzip (whatever the name), pick the encoding from the bytes and
// normalise line endings, streaming. Publishers' CSVs come as UTF-8 (with or without a byte-order mark),
// Windows-1252 (Excel's "CSV" save: `£` is 0xA3) or DOS code page 850 (Excel's "CSV (MS-DOS)" save: `£` is 0x9C),
// and with CRLF, LF or old-Mac CR-only line ends — sometimes a CRLF header over CR-only rows (Hyndburn 2017-2020).
import { isUtf8 } from 'node:buffer';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { Transform, type Readable, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import iconv from 'iconv-lite';
import { AppError } from '../../errors.js';

export type TextEncoding = 'utf-8' | 'windows-1252' | 'cp850';

const GZIP_MAGIC = [0x1f, 0x8b];
/** How many bytes after the first non-ASCII byte are checked for UTF-8 validity. */
const SNIFF_WINDOW = 64 * 1024;

/** The encoding of some bytes that contain non-ASCII: UTF-8 if valid, else DOS 850 when `£` is 0x9C, else 1252. */
export function sniffEncoding(bytes: Buffer): TextEncoding {
  let end = bytes.length;
  // A multi-byte character cut by the window end is not an error: back off to the last character boundary.
  for (let i = 1; i <= 3 && end - i >= 0; i++) {
    const b = bytes[end - i]!;
    if ((b & 0xc0) === 0x80) continue; // continuation byte
    if (b >= 0xc0) end -= i; // lead byte of an incomplete sequence
    break;
  }
  if (isUtf8(bytes.subarray(0, end))) return 'utf-8';
  return bytes.includes(0x9c) && !bytes.includes(0xa3) ? 'cp850' : 'windows-1252';
}

/** Decodes bytes to text with CR and CRLF turned into LF; the encoding is decided at the first non-ASCII byte. */
export class TextDecodeStream extends Transform {
  encoding: TextEncoding | null = null;
  private decoder: { write(b: Buffer): string; end(): string | undefined } | null = null;
  private started = false;
  private pendingCr = false;

  constructor() {
    super({ readableObjectMode: false, decodeStrings: true, encoding: 'utf8' });
  }

  private emit_(text: string): void {
    if (text === '') return;
    let t = this.pendingCr ? `\r${text}` : text;
    this.pendingCr = t.endsWith('\r');
    if (this.pendingCr) t = t.slice(0, -1);
    if (t !== '') this.push(t.replace(/\r\n?/g, '\n'));
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    let bytes = chunk;
    if (!this.started) {
      this.started = true;
      if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
        bytes = bytes.subarray(3);
        this.setEncoding_('utf-8');
      }
    }
    if (!this.decoder) {
      const at = bytes.findIndex((b) => b >= 0x80);
      if (at < 0) {
        this.emit_(bytes.toString('latin1')); // pure ASCII: every encoding agrees
        return done();
      }
      this.emit_(bytes.subarray(0, at).toString('latin1'));
      bytes = bytes.subarray(at);
      this.setEncoding_(sniffEncoding(bytes.subarray(0, SNIFF_WINDOW)));
    }
    this.emit_(this.decoder!.write(bytes));
    done();
  }

  override _flush(done: TransformCallback): void {
    if (this.decoder) this.emit_(this.decoder.end() ?? '');
    if (this.pendingCr) this.push('\n');
    done();
  }

  private setEncoding_(encoding: TextEncoding): void {
    this.encoding = encoding;
    this.decoder = iconv.getDecoder(encoding === 'cp850' ? 'cp850' : encoding);
  }
}

/** True when the file starts with the gzip magic bytes. */
export async function isGzip(path: string): Promise<boolean> {
  const fh = await open(path, 'r');
  try {
    const { buffer, bytesRead } = await fh.read(Buffer.alloc(2), 0, 2, 0);
    return bytesRead === 2 && buffer[0] === GZIP_MAGIC[0] && buffer[1] === GZIP_MAGIC[1];
  } finally {
    await fh.close();
  }
}

/** The raw (decompressed) bytes of a file as a stream. */
export async function openBytes(path: string): Promise<Readable> {
  const raw = createReadStream(path, { highWaterMark: 256 * 1024 });
  if (!(await isGzip(path))) return raw;
  const gunzip = createGunzip();
  raw.on('error', (e) => gunzip.destroy(e));
  return raw.pipe(gunzip);
}

export interface FileFingerprint {
  /** sha256 of the decompressed content, hex: the same data gzipped or not is the same file. */
  sha256: string;
  bytes: number;
  gzip: boolean;
}

/**
 * Reads the whole file once: its content hash, and proof that it decompresses. A truncated or corrupt gzip is a
 * clear BAD_INPUT error before anything is written.
 */
export async function fingerprintFile(path: string, options: { text: boolean }): Promise<FileFingerprint> {
  const hash = createHash('sha256');
  let bytes = 0;
  let binary = false;
  const gzip = await isGzip(path).catch((e: unknown) => {
    throw new AppError('BAD_INPUT', `${path}: cannot read: ${(e as Error).message}`, { cause: e });
  });
  try {
    await pipeline(await openBytes(path), async (source: AsyncIterable<Buffer>) => {
      for await (const chunk of source) {
        // Text never holds NUL bytes; a spreadsheet, PDF or zip given as CSV does within its first few KB.
        if (options.text && bytes < 8192 && chunk.subarray(0, 8192 - bytes).includes(0)) binary = true;
        hash.update(chunk);
        bytes += chunk.length;
      }
    });
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message;
    throw new AppError('BAD_INPUT', `${path}: cannot read${gzip ? ' gzip' : ''}: ${reason}`, { cause: e });
  }
  if (binary) throw new AppError('BAD_INPUT', `${path}: binary content (NUL bytes), not a CSV text file`);
  return { sha256: hash.digest('hex'), bytes, gzip };
}
