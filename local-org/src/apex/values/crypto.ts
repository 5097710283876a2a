// Apex Crypto over node:crypto: digests, HMACs, random numbers, AES keys and AES-CBC with
// PKCS5/PKCS7 padding (encryptWithManagedIV puts the 16-byte IV in front of the cipher text).

import * as nodeCrypto from 'node:crypto';
import { ApexBlob } from './blob.js';
import { ApexValueError, npe } from './errors.js';

const DIGESTS: Record<string, string> = {
  MD5: 'md5',
  SHA1: 'sha1',
  'SHA-1': 'sha1',
  SHA256: 'sha256',
  'SHA-256': 'sha256',
  SHA512: 'sha512',
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

function aesBits(algorithm: string): number {
  const m = /^AES(128|192|256)$/i.exec(algorithm ?? '');
  if (!m) throw invalid(`Invalid algorithm: ${algorithm}. Supported algorithms: AES128, AES192, AES256`);
  return Number(m[1]);
}

function checkKey(algorithm: string, key: ApexBlob): number {
  const bits = aesBits(algorithm);
  if (!key) throw npe('Argument cannot be null.');
  if (key.bytes.length * 8 !== bits) throw invalid(`Invalid private key. Must be ${bits / 8} bytes.`);
  return bits;
}

export const Crypto = {
  /** Crypto.generateDigest(algorithmName, input): MD5, SHA1, SHA-256, SHA-512, SHA3-*. */
  generateDigest(algorithm: string, input: ApexBlob): ApexBlob {
    const alg = DIGESTS[(algorithm ?? '').toUpperCase()];
    if (!alg) throw invalid(`Invalid algorithm: ${algorithm}`);
    return ApexBlob.fromBuffer(nodeCrypto.createHash(alg).update(input.bytes).digest());
  },

  /** Crypto.generateMac(algorithmName, input, privateKey): hmacMD5, hmacSHA1, hmacSHA256, hmacSHA512. */
  generateMac(algorithm: string, input: ApexBlob, key: ApexBlob): ApexBlob {
    const alg = MACS[(algorithm ?? '').toUpperCase()];
    if (!alg) throw invalid(`Invalid algorithm: ${algorithm}`);
    return ApexBlob.fromBuffer(nodeCrypto.createHmac(alg, key.bytes).update(input.bytes).digest());
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
    const bits = checkKey(algorithm, key);
    if (!iv || iv.bytes.length !== 16) throw invalid('Invalid initialization vector. Must be 16 bytes.');
    const c = nodeCrypto.createCipheriv(`aes-${bits}-cbc`, key.bytes, iv.bytes);
    return ApexBlob.fromBuffer(Buffer.concat([c.update(clearText.bytes), c.final()]));
  },

  decrypt(algorithm: string, key: ApexBlob, iv: ApexBlob, cipherText: ApexBlob): ApexBlob {
    const bits = checkKey(algorithm, key);
    if (!iv || iv.bytes.length !== 16) throw invalid('Invalid initialization vector. Must be 16 bytes.');
    try {
      const d = nodeCrypto.createDecipheriv(`aes-${bits}-cbc`, key.bytes, iv.bytes);
      return ApexBlob.fromBuffer(Buffer.concat([d.update(cipherText.bytes), d.final()]));
    } catch {
      throw new ApexValueError('System.SecurityException', 'Given final block not properly padded');
    }
  },

  /** Crypto.encryptWithManagedIV: a random 16-byte IV, prepended to the cipher text. */
  encryptWithManagedIV(algorithm: string, key: ApexBlob, clearText: ApexBlob): ApexBlob {
    const iv = ApexBlob.fromBuffer(nodeCrypto.randomBytes(16));
    const body = Crypto.encrypt(algorithm, key, iv, clearText);
    return ApexBlob.fromBuffer(Buffer.concat([iv.bytes, body.bytes]));
  },

  /** Crypto.decryptWithManagedIV: reads the IV from the first 16 bytes. */
  decryptWithManagedIV(algorithm: string, key: ApexBlob, ivAndCipherText: ApexBlob): ApexBlob {
    if (ivAndCipherText.bytes.length < 16) throw invalid('Input length must be at least 16 bytes');
    const iv = new ApexBlob(ivAndCipherText.bytes.slice(0, 16));
    return Crypto.decrypt(algorithm, key, iv, new ApexBlob(ivAndCipherText.bytes.slice(16)));
  },
};
