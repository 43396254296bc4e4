// Reading OCDS inputs as a stream of candidate releases and bad items with exact positions: files, folders,
// gzip (by magic bytes), JSON Lines, concatenated JSON, packages of any size (memory bounded by the largest item).
import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import type { InputItem, JsonObject, Position } from '../types.js';
import {
  bad,
  candidate,
  dispatchValue,
  expandRecord,
  packageMeta,
  packageVersion,
  type DispatchContext,
} from './dispatch.js';
import { JsonScanner, type Segment } from './scanner.js';

export interface ReadOptions extends DispatchContext {
  /** Largest single item (release, record, line) read; larger ones are quarantined unread. Default 16 MiB. */
  maxItemBytes?: number;
}

export const DEFAULT_MAX_ITEM_BYTES = 16 * 1024 * 1024;
const CHUNK = 1 << 20;
// Items of a package wait for its frame (version) up to this many bytes, then go with what is known.
const MAX_HELD_BYTES = 16 * 1024 * 1024;
const TAKEN = /\.(json|jsonl|ndjson|gz)$/i;

const safeExcerpt = (b: Buffer | string) =>
  (typeof b === 'string' ? b : b.toString('utf8', 0, Math.min(b.length, 300)))
    .slice(0, 300)
    // eslint-disable-next-line no-control-regex -- control characters are what we strip
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '�');

function parseBytes(bytes: Buffer): { ok: true; value: unknown } | { ok: false; message: string } {
  try {
    return { ok: true, value: JSON.parse(bytes.toString('utf8')) };
  } catch (e) {
    return { ok: false, message: (e as Error).message };
  }
}

function frameObject(values: Map<string, Buffer | null>): JsonObject | { tooLarge: string } {
  const obj: JsonObject = {};
  for (const [k, v] of values) {
    if (v === null) return { tooLarge: k };
    obj[k] = JSON.parse(v.toString('utf8'));
  }
  return obj;
}

async function* walk(path: string): AsyncGenerator<string> {
  const entries = (await readdir(path, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    const p = join(path, e.name);
    if (e.isDirectory()) yield* walk(p);
    else if (e.isFile() && TAKEN.test(e.name)) yield p;
  }
}

/** All items of the given files and folders (folders recursively, in name order, hidden files skipped). */
export async function* readInputs(paths: string[], options: ReadOptions = {}): AsyncGenerator<InputItem> {
  for (const path of paths) {
    let isDir = false;
    try {
      isDir = (await stat(path)).isDirectory();
    } catch (e) {
      yield bad(
        { file: path, pointer: '' },
        'unreadable',
        `cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
      );
      continue;
    }
    if (isDir) {
      for await (const file of walk(path)) yield* readFileItems(file, options);
    } else yield* readFileItems(path, options);
  }
}

/** Opens a file (gzip detected by its magic bytes) and reads its items. */
export async function* readFileItems(file: string, options: ReadOptions = {}): AsyncGenerator<InputItem> {
  const raw = createReadStream(file, { highWaterMark: CHUNK });
  const jsonLines = /\.(jsonl|ndjson)(\.gz)?$/i.test(file);
  try {
    const first = await new Promise<Buffer | null>((resolve, reject) => {
      raw.once('readable', () => resolve(raw.read(2) as Buffer | null));
      raw.once('error', reject);
    });
    if (first) raw.unshift(first);
    const gz = first !== null && first[0] === 0x1f && first[1] === 0x8b;
    const stream: Readable = gz ? raw.pipe(createGunzip({ chunkSize: CHUNK })) : raw;
    if (gz) raw.on('error', (e) => stream.destroy(e));
    yield* readStream(stream, file, { ...options, jsonLines });
  } catch (e) {
    raw.destroy();
    yield bad(
      { file, pointer: '' },
      'unreadable',
      `cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
    );
  }
}

/** Reads items from any byte stream; `name` is what positions call the file. */
export async function* readStream(
  stream: AsyncIterable<Buffer>,
  name: string,
  options: ReadOptions & { jsonLines?: boolean } = {},
): AsyncGenerator<InputItem> {
  const max = options.maxItemBytes ?? DEFAULT_MAX_ITEM_BYTES;
  const scanner = new JsonScanner({ jsonLines: options.jsonLines ?? false, maxItemBytes: max });
  let itemIndex = 0;
  let sawAnything = false;
  let sawBytes = false;
  // Releases of a package wait here until its version is known (it may come after the releases).
  let held: { seg: Extract<Segment, { kind: 'item' }>; value: unknown }[] = [];
  let heldBytes = 0;

  const pos = (start: number, line: number, pointer: string): Position => ({
    file: name,
    byteOffset: start,
    line,
    itemIndex: itemIndex++,
    pointer,
  });
  const tooLarge = (start: number, line: number, pointer: string, size: number) =>
    bad(
      pos(start, line, pointer),
      'too-large',
      `an item of ${(size / 1048576).toFixed(1)} MiB at line ${line} is larger than the ${(max / 1048576).toFixed(0)} MiB limit; it was not read`,
    );

  function releaseItems(
    seg: Extract<Segment, { kind: 'item' }>,
    value: unknown,
    version: string,
  ): InputItem[] {
    const pointer = `/${seg.arrayKey}/${seg.index}`;
    const p = pos(seg.start, seg.line, pointer);
    return seg.arrayKey === 'records'
      ? expandRecord(value, p, version, options)
      : [candidate(value, p, version, options)];
  }

  function flushHeld(version: string): InputItem[] {
    const out = held.flatMap(({ seg, value }) => releaseItems(seg, value, version));
    held = [];
    heldBytes = 0;
    return out;
  }

  const versionSoFar = () => {
    const v = scanner.currentFrame().get('version');
    return v ? String(JSON.parse(v.toString('utf8'))) : '1.1';
  };

  function handle(seg: Segment): InputItem[] {
    sawAnything = true;
    switch (seg.kind) {
      case 'damaged':
        return [
          ...flushHeld(versionSoFar()),
          bad(pos(seg.start, seg.line, ''), 'invalid-json', seg.message, safeExcerpt(seg.excerpt)),
        ];
      case 'line': {
        if (!seg.bytes) return [tooLarge(seg.start, seg.line, '', seg.size)];
        const parsed = parseBytes(seg.bytes);
        if (!parsed.ok)
          return [
            bad(
              pos(seg.start, seg.line, ''),
              'invalid-json',
              `line ${seg.line} is not valid JSON: ${parsed.message}`,
              safeExcerpt(seg.bytes),
            ),
          ];
        return dispatchValue(parsed.value, pos(seg.start, seg.line, ''), options, name);
      }
      case 'item': {
        const pointer = seg.arrayKey
          ? `/${seg.arrayKey}/${seg.index}`
          : seg.index >= 0
            ? `/${seg.index}`
            : '';
        if (!seg.bytes) return [tooLarge(seg.start, seg.line, pointer, seg.size)];
        const parsed = parseBytes(seg.bytes);
        if (!parsed.ok) {
          const what =
            seg.index >= 0 ? `the item at ${pointer} (line ${seg.line})` : `the text at line ${seg.line}`;
          return [
            bad(
              pos(seg.start, seg.line, pointer),
              'invalid-json',
              `${what} is not valid JSON: ${parsed.message}`,
              safeExcerpt(seg.bytes),
            ),
          ];
        }
        if (!seg.arrayKey) {
          if (seg.index < 0) {
            return [
              bad(
                pos(seg.start, seg.line, ''),
                'not-ocds',
                `expected a JSON object or array at line ${seg.line}, found ${safeExcerpt(seg.bytes).slice(0, 40)}`,
              ),
            ];
          }
          return dispatchValue(parsed.value, pos(seg.start, seg.line, pointer), options, name);
        }
        held.push({ seg, value: parsed.value });
        heldBytes += seg.size;
        return heldBytes > MAX_HELD_BYTES ? flushHeld(versionSoFar()) : [];
      }
      case 'frame': {
        let obj: ReturnType<typeof frameObject>;
        try {
          obj = frameObject(seg.values);
        } catch (e) {
          return [
            ...flushHeld(versionSoFar()),
            bad(
              pos(seg.start, seg.line, ''),
              'invalid-json',
              `the object starting at line ${seg.line} is not valid JSON: ${(e as Error).message}`,
            ),
          ];
        }
        if ('tooLarge' in obj && typeof obj.tooLarge === 'string' && !seg.hadItems) {
          return [tooLarge(seg.start, seg.line, '', DEFAULT_MAX_ITEM_BYTES + 1)];
        }
        if (seg.hadItems) {
          const meta = 'tooLarge' in obj ? {} : packageMeta(obj);
          options.onPackage?.(meta, name);
          return flushHeld(packageVersion(meta));
        }
        return dispatchValue(obj, pos(seg.start, seg.line, ''), options, name);
      }
    }
  }

  let first = true;
  for await (let chunk of stream) {
    if (first) {
      first = false;
      if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) chunk = chunk.subarray(3); // UTF-8 BOM
    }
    if (!sawBytes) sawBytes = chunk.some((c) => c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09);
    for (const seg of scanner.push(chunk)) yield* handle(seg);
  }
  for (const seg of scanner.end()) yield* handle(seg);
  if (held.length > 0) yield* flushHeld(versionSoFar());
  if (!sawAnything && !sawBytes)
    yield bad(
      { file: name, pointer: '', byteOffset: 0, line: 1 },
      'empty',
      `${name} is empty: it holds no JSON at all`,
    );
}
