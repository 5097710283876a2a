// Apex EncodingUtil: hex, base64 and URL encoding (java.net.URLEncoder / URLDecoder).

import { ApexBlob } from './blob.js';
import { ApexValueError, npe } from './errors.js';

function checkEncoding(enc: string): void {
  if (enc === null || enc === undefined) throw npe('Argument cannot be null.');
  if (!/^utf-?8$/i.test(enc)) throw new ApexValueError('System.InvalidParameterValueException', `Unsupported encoding: ${enc}`);
}

export const EncodingUtil = {
  /** Lower-case hexadecimal of the bytes. */
  convertToHex(b: ApexBlob): string {
    return Buffer.from(b.bytes).toString('hex');
  },

  convertFromHex(hex: string): ApexBlob {
    if (hex.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(hex))
      throw new ApexValueError('System.InvalidParameterValueException', `Invalid hex string: ${hex}`);
    return ApexBlob.fromBuffer(Buffer.from(hex, 'hex'));
  },

  /** Standard base64 with padding. */
  base64Encode(b: ApexBlob): string {
    return Buffer.from(b.bytes).toString('base64');
  },

  /** Decodes standard (or URL-safe) base64; whitespace is ignored. */
  base64Decode(text: string): ApexBlob {
    if (text === null || text === undefined) throw npe('Argument cannot be null.');
    return ApexBlob.fromBuffer(Buffer.from(text, 'base64'));
  },

  /**
   * EncodingUtil.urlEncode(text, 'UTF-8'): application/x-www-form-urlencoded as Java's
   * URLEncoder — letters, digits and . - * _ unchanged, space as '+', every other byte %XX
   * (upper-case hex) of the UTF-8 encoding.
   */
  urlEncode(text: string, encoding: string): string {
    checkEncoding(encoding);
    let out = '';
    for (const byte of Buffer.from(text, 'utf8')) {
      const ch = String.fromCharCode(byte);
      if (/[A-Za-z0-9.\-*_]/.test(ch)) out += ch;
      else if (byte === 0x20) out += '+';
      else out += '%' + byte.toString(16).toUpperCase().padStart(2, '0');
    }
    return out;
  },

  /** EncodingUtil.urlDecode(text, 'UTF-8'): '+' is a space, %XX a byte (URLDecoder). */
  urlDecode(text: string, encoding: string): string {
    checkEncoding(encoding);
    const bytes: number[] = [];
    let out = '';
    const flush = (): void => {
      if (bytes.length) out += Buffer.from(bytes).toString('utf8');
      bytes.length = 0;
    };
    for (let i = 0; i < text.length; i++) {
      const c = text[i];
      if (c === '%') {
        const h = text.slice(i + 1, i + 3);
        if (!/^[0-9a-fA-F]{2}$/.test(h))
          throw new ApexValueError('System.IllegalArgumentException', 'URLDecoder: Illegal hex characters in escape (%) pattern - For input string: "' + h + '"');
        bytes.push(parseInt(h, 16));
        i += 2;
      } else {
        flush();
        out += c === '+' ? ' ' : c;
      }
    }
    flush();
    return out;
  },
};
