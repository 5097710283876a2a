// Apex Blob: an immutable byte sequence.

import { ApexValueError, npe, unsupported } from './errors.js';

export class ApexBlob {
  readonly bytes: Uint8Array;
  constructor(bytes: Uint8Array) {
    this.bytes = bytes;
  }
  /** Blob.valueOf(String): the UTF-8 bytes. */
  static valueOf(text: string): ApexBlob {
    if (text === null || text === undefined) throw npe('Argument cannot be null.');
    return new ApexBlob(new TextEncoder().encode(text));
  }
  /** Blob.toPdf(String): PDF rendering is not modelled. */
  static toPdf(_text: string): ApexBlob {
    throw unsupported('Blob.toPdf');
  }
  static fromBuffer(buf: Uint8Array | Buffer): ApexBlob {
    return new ApexBlob(new Uint8Array(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength)));
  }
  /** Blob.toString(): the bytes decoded as UTF-8; invalid UTF-8 throws System.StringException. */
  toString(): string {
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(this.bytes);
    } catch {
      throw new ApexValueError('System.StringException', 'BLOB is not a valid UTF-8 string');
    }
  }
  size(): number {
    return this.bytes.length;
  }
  toBuffer(): Buffer {
    return Buffer.from(this.bytes);
  }
  equals(other: unknown): boolean {
    if (!(other instanceof ApexBlob) || other.bytes.length !== this.bytes.length) return false;
    for (let i = 0; i < this.bytes.length; i++) if (other.bytes[i] !== this.bytes[i]) return false;
    return true;
  }
  hashCode(): number {
    // java.util.Arrays.hashCode(byte[]) over signed bytes
    let h = 1;
    for (const b of this.bytes) h = (Math.imul(31, h) + ((b << 24) >> 24)) | 0;
    return h;
  }
}
