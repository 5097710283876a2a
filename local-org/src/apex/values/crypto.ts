// Apex Crypto over node:crypto: digests, HMACs, random numbers, AES keys and AES-CBC with
// PKCS5/PKCS7 padding (encryptWithManagedIV puts the 16-byte IV in front of the cipher text).

import * as nodeCrypto from 'node:crypto';
import { ApexBlob } from './blob.js';
import { ApexValueError, npe, unsupported } from './errors.js';

// Crypto Class, generateDigest: "Valid values for algorithmName are: MD5, SHA1, SHA3-256, SHA3-384,
// SHA3-512, SHA-256, SHA-512".
const DIGESTS: Record<string, string> = {
  MD5: 'md5',
  SHA1: 'sha1',
  'SHA-256': 'sha256',
  'SHA-512': 'sha512',
  'SHA3-256': 'sha3-256',
  'SHA3-384': 'sha3-384',
  'SHA3-512': 'sha3-512',
};

const MACS: Record<string, string> = {
  HMACMD5: 'md5',
  HMACSHA1: 'sha1',
  HMACSHA256: 'sha256',
  HMACSHA512: 'sha512',
};

const invalid = (msg: string): ApexValueError => new ApexValueError('System.InvalidParameterValueException', msg);

// Crypto Class, Encryption Algorithms: AES128 / AES128-CBC, AES192 / AES192-CBC, AES256 / AES256-CBC
// (CBC with PKCS7 padding) and AES256-GCM. The messages are the documented "Encrypt and Decrypt
// Exceptions".
function aesBits(algorithm: string): number {
  if (/^AES256-GCM$/i.test(algorithm ?? '')) throw unsupported('Crypto AES256-GCM encryption');
  const m = /^AES(128|192|256)(-CBC)?$/i.exec(algorithm ?? '');
  if (!m) throw invalid(`Invalid algorithm ${algorithm}. Must be one of the suported AES algorithms listed on this page.`);
  return Number(m[1]);
}

const MAX_DATA = 1048576;

function checkArgs(algorithm: string, key: ApexBlob, data: ApexBlob, allowance = 0): number {
  if (algorithm == null || key == null || data == null) throw npe("Argument can't be null.");
  const bits = aesBits(algorithm);
  if (key.bytes.length * 8 !== bits) throw invalid(`Invalid private key. Must be ${bits / 8} bytes.`);
  if (data.bytes.length > MAX_DATA + allowance)
    throw invalid(`Invalid data. Input data is ${data.bytes.length} bytes, which exceeds the limit of 1,048,576 bytes.`);
  return bits;
}

const badIv = (): ApexValueError => invalid('Invalid initialization vector. For CBC, this must be 16 bytes. For GCM, the IV is 12 bytes.');

export const Crypto = {
  /** Crypto.generateDigest(algorithmName, input): MD5, SHA1, SHA-256, SHA-512, SHA3-*. */
  generateDigest(algorithm: string, input: ApexBlob): ApexBlob {
    if (input == null) throw npe("Argument can't be null.");
    const alg = DIGESTS[(algorithm ?? '').toUpperCase()];
    if (!alg) throw invalid(`Invalid algorithm: ${algorithm}`);
    return ApexBlob.fromBuffer(nodeCrypto.createHash(alg).update(input.bytes).digest());
  },

  /** Crypto.generateMac(algorithmName, input, privateKey): hmacMD5, hmacSHA1, hmacSHA256, hmacSHA512. */
  generateMac(algorithm: string, input: ApexBlob, key: ApexBlob): ApexBlob {
    if (input == null || key == null) throw npe("Argument can't be null.");
    const alg = MACS[(algorithm ?? '').toUpperCase()];
    if (!alg) throw invalid(`Invalid algorithm: ${algorithm}`);
    if (key.bytes.length > 4096) throw invalid('Private key must not exceed 4 KB.');
    return ApexBlob.fromBuffer(nodeCrypto.createHmac(alg, key.bytes).update(input.bytes).digest());
  },

  /** Crypto.verifyHMac(algorithmName, data, privateKey, macToVerify). */
  verifyHMac(algorithm: string, data: ApexBlob, key: ApexBlob, mac: ApexBlob): boolean {
    const expected = Crypto.generateMac(algorithm, data, key).bytes;
    return expected.length === mac.bytes.length && nodeCrypto.timingSafeEqual(expected, mac.bytes);
  },

  /** A random Integer over the whole int32 range (negative values included). */
  getRandomInteger(): number {
    return nodeCrypto.randomBytes(4).readInt32BE(0);
  },

  /** A random Long over the whole int64 range. */
  getRandomLong(): bigint {
    return nodeCrypto.randomBytes(8).readBigInt64BE(0);
  },

  /** Crypto.generateAesKey(size): 128, 192 or 256 random bits. */
  generateAesKey(size: number): ApexBlob {
    if (size !== 128 && size !== 192 && size !== 256) throw invalid(`Invalid key size: ${size}. Supported sizes: 128, 192, 256`);
    return ApexBlob.fromBuffer(nodeCrypto.randomBytes(size / 8));
  },

  encrypt(algorithm: string, key: ApexBlob, iv: ApexBlob, clearText: ApexBlob): ApexBlob {
    const bits = checkArgs(algorithm, key, clearText);
    if (!iv || iv.bytes.length !== 16) throw badIv();
    const c = nodeCrypto.createCipheriv(`aes-${bits}-cbc`, key.bytes, iv.bytes);
    return ApexBlob.fromBuffer(Buffer.concat([c.update(clearText.bytes), c.final()]));
  },

  decrypt(algorithm: string, key: ApexBlob, iv: ApexBlob, cipherText: ApexBlob): ApexBlob {
    const bits = checkArgs(algorithm, key, cipherText, 32);
    if (!iv || iv.bytes.length !== 16) throw badIv();
    try {
      const d = nodeCrypto.createDecipheriv(`aes-${bits}-cbc`, key.bytes, iv.bytes);
      return ApexBlob.fromBuffer(Buffer.concat([d.update(cipherText.bytes), d.final()]));
    } catch {
      throw new ApexValueError('System.SecurityException', "Given final block isn't properly padded.");
    }
  },

  /** Crypto.encryptWithManagedIV: a random 16-byte IV, prepended to the cipher text. */
  encryptWithManagedIV(algorithm: string, key: ApexBlob, clearText: ApexBlob): ApexBlob {
    checkArgs(algorithm, key, clearText);
    const iv = ApexBlob.fromBuffer(nodeCrypto.randomBytes(16));
    const body = Crypto.encrypt(algorithm, key, iv, clearText);
    return ApexBlob.fromBuffer(Buffer.concat([iv.bytes, body.bytes]));
  },

  /** Crypto.decryptWithManagedIV: reads the IV from the first 16 bytes. */
  decryptWithManagedIV(algorithm: string, key: ApexBlob, ivAndCipherText: ApexBlob): ApexBlob {
    if (ivAndCipherText == null) throw npe("Argument can't be null.");
    checkArgs(algorithm, key, ivAndCipherText, 48);
    if (ivAndCipherText.bytes.length < 16) throw invalid('Unable to parse the initialization vector from encrypted data.');
    const iv = new ApexBlob(ivAndCipherText.bytes.slice(0, 16));
    return Crypto.decrypt(algorithm, key, iv, new ApexBlob(ivAndCipherText.bytes.slice(16)));
  },
};
