// A zip archive's directory read by hand, so that what a Word document claims about its parts is
// checked before any library unpacks it: how many parts, how large each says it is, how much it
// says it expands, and then, for the parts a reader will open, that it expands to no more than it
// said (zlib stops at that size), so a part that lies about its size is caught too.
import { inflateRawSync } from 'node:zlib';
import { StoreError } from '../../common/errors.ts';

import { ZIP_ENTRY_LIMIT, ZIP_PART_LIMIT_BYTES, ZIP_RATIO_LIMIT, ZIP_TOTAL_LIMIT_BYTES } from './limits.ts';

export interface ZipMember {
  name: string;
  method: number;
  packedSize: number;
  size: number;
  localOffset: number;
}

const refuse = (message: string) => new StoreError('bad-article', message);
const damaged = (name: string) =>
  refuse(`${name} is not a complete Word document (its zip directory cannot be read); open it in Word, save it again and import that.`);
const mb = (bytes: number) => `${Math.round(bytes / 1024 ** 2).toLocaleString('en')} MB`;

/** The members the archive's central directory lists, with the sizes it declares (ZIP64 included). */
export function readZipDirectory(zip: Buffer, name: string): ZipMember[] {
  // The end-of-directory record is in the last 22 + 65,535 bytes (its comment may be that long).
  const from = Math.max(0, zip.length - 22 - 0xffff);
  let end = -1;
  for (let i = zip.length - 22; i >= from; i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) throw damaged(name);
  let count = zip.readUInt16LE(end + 10);
  let directorySize = zip.readUInt32LE(end + 12);
  let directoryOffset = zip.readUInt32LE(end + 16);
  if (count === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff) {
    const locator = end - 20;
    if (locator < 0 || zip.readUInt32LE(locator) !== 0x07064b50) throw damaged(name);
    const record = Number(zip.readBigUInt64LE(locator + 8));
    if (record < 0 || record + 56 > zip.length || zip.readUInt32LE(record) !== 0x06064b50) throw damaged(name);
    count = Number(zip.readBigUInt64LE(record + 32));
    directorySize = Number(zip.readBigUInt64LE(record + 40));
    directoryOffset = Number(zip.readBigUInt64LE(record + 48));
  }
  if (count > ZIP_ENTRY_LIMIT)
    throw refuse(
      `${name} has ${count.toLocaleString('en')} parts inside; a Word document has a few dozen, so Briefing Desk did not read it; open it in Word, save it again and import that.`,
    );
  if (directoryOffset + directorySize > zip.length) throw damaged(name);
  const members: ZipMember[] = [];
  let at = directoryOffset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== 0x02014b50) throw damaged(name);
    const method = zip.readUInt16LE(at + 10);
    let packedSize = zip.readUInt32LE(at + 20);
    let size = zip.readUInt32LE(at + 24);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    let localOffset = zip.readUInt32LE(at + 42);
    const memberName = zip.toString('utf8', at + 46, at + 46 + nameLength);
    // ZIP64: the sizes and offset that did not fit in 32 bits follow in an extra field, in this order.
    let extra = at + 46 + nameLength;
    const extraEnd = extra + extraLength;
    while (extra + 4 <= extraEnd) {
      const id = zip.readUInt16LE(extra);
      const length = zip.readUInt16LE(extra + 2);
      if (id === 0x0001) {
        let field = extra + 4;
        const next = () => {
          const value = field + 8 <= extra + 4 + length ? Number(zip.readBigUInt64LE(field)) : Number.MAX_SAFE_INTEGER;
          field += 8;
          return value;
        };
        if (size === 0xffffffff) size = next();
        if (packedSize === 0xffffffff) packedSize = next();
        if (localOffset === 0xffffffff) localOffset = next();
      }
      extra += 4 + length;
    }
    members.push({ name: memberName, method, packedSize, size, localOffset });
    at = extraEnd + commentLength;
  }
  return members;
}

/** Refuses an archive whose declared sizes are those of a zip bomb, before anything is unpacked. */
export function checkDeclaredSizes(members: readonly ZipMember[], name: string): void {
  let total = 0;
  for (const member of members) {
    if (member.size > ZIP_PART_LIMIT_BYTES)
      throw refuse(
        `${name} has a part (${member.name.slice(0, 60)}) that unpacks to ${mb(member.size)}; Briefing Desk reads parts of at most ${mb(ZIP_PART_LIMIT_BYTES)}, so it did not open the document; save it again from Word without embedded files and import that.`,
      );
    if (member.size > 1024 ** 2 && member.size > ZIP_RATIO_LIMIT * Math.max(1, member.packedSize))
      throw refuse(
        `${name} has a part (${member.name.slice(0, 60)}) that unpacks to ${Math.floor(member.size / Math.max(1, member.packedSize)).toLocaleString('en')} times its packed size, which is how a file is made to exhaust memory, so Briefing Desk did not open it; ask the sender for a fresh copy.`,
      );
    total += member.size;
  }
  if (total > ZIP_TOTAL_LIMIT_BYTES)
    throw refuse(
      `${name} unpacks to ${mb(total)} in all; Briefing Desk reads Word documents of at most ${mb(ZIP_TOTAL_LIMIT_BYTES)} unpacked, so save it again from Word without embedded files and import that.`,
    );
}

/** One member unpacked, stopping at the size the directory declared: a member that expands further is refused. */
export function readMember(zip: Buffer, member: ZipMember, name: string): Buffer {
  const at = member.localOffset;
  if (at + 30 > zip.length || zip.readUInt32LE(at) !== 0x04034b50) throw damaged(name);
  const start = at + 30 + zip.readUInt16LE(at + 26) + zip.readUInt16LE(at + 28);
  const packed = zip.subarray(start, start + member.packedSize);
  if (packed.length !== member.packedSize) throw damaged(name);
  if (member.method === 0) return packed;
  if (member.method !== 8) throw damaged(name);
  try {
    return inflateRawSync(packed, { maxOutputLength: Math.max(1, member.size) });
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE')
      throw refuse(
        `${name} has a part (${member.name.slice(0, 60)}) that unpacks to more than it says it does, which is how a file is made to exhaust memory, so Briefing Desk did not open it; ask the sender for a fresh copy.`,
      );
    throw damaged(name);
  }
}
