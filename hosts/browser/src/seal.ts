// hum-seal-v1 with Web Crypto, byte for byte what hum-core's `seal` does (docs/seal.md):
// envelope = 0x01 ‖ E (65) ‖ nonce (12) ‖ AES-256-GCM(key, nonce, plaintext, aad) (ciphertext ‖ tag)
// key = HKDF-SHA256(ikm = ECDH x-coordinate, salt = empty, info = "hum-seal-v1" ‖ E ‖ R)
const INFO = new TextEncoder().encode("hum-seal-v1");
const P256 = { name: "ECDH", namedCurve: "P-256" } as const;
const OVERHEAD = 1 + 65 + 12 + 16;

type Bytes = Uint8Array<ArrayBuffer>;
const bytes = (b: Uint8Array): Bytes => new Uint8Array(b) as Bytes;
const b64u = (b: Uint8Array) => btoa(String.fromCharCode(...b)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");

/** Why an envelope did not open (mirrors hum-core's SealError). */
export class SealError extends Error {
  constructor(public readonly kind: "truncated" | "version" | "ephemeral-key" | "public-key" | "secret-key" | "authentication", message: string) {
    super(message);
    this.name = "SealError";
  }
}

async function deriveKey(privateKey: CryptoKey, peer: Uint8Array, ephemeral: Uint8Array, recipient: Uint8Array): Promise<CryptoKey> {
  let peerKey: CryptoKey;
  try {
    peerKey = await crypto.subtle.importKey("raw", bytes(peer), P256, false, []);
  } catch {
    throw new SealError("ephemeral-key", "the envelope's ephemeral key is not a valid P-256 point");
  }
  const shared = await crypto.subtle.deriveBits({ name: "ECDH", public: peerKey }, privateKey, 256);
  const ikm = await crypto.subtle.importKey("raw", shared, "HKDF", false, ["deriveKey"]);
  const info = bytes(new Uint8Array([...INFO, ...ephemeral, ...recipient]));
  return crypto.subtle.deriveKey({ name: "HKDF", hash: "SHA-256", salt: new Uint8Array(), info }, ikm,
    { name: "AES-GCM", length: 256 }, false, ["encrypt", "decrypt"]);
}

/** A private key from its 32-byte scalar and 65-byte public point. */
export function importSecretKey(secret: Uint8Array, publicKey: Uint8Array, usages: KeyUsage[] = ["deriveBits"]): Promise<CryptoKey> {
  const jwk = { kty: "EC", crv: "P-256", d: b64u(secret), x: b64u(publicKey.slice(1, 33)), y: b64u(publicKey.slice(33, 65)) };
  return crypto.subtle.importKey("jwk", jwk, P256, false, usages);
}

/** A fresh key pair: the private CryptoKey and the 65-byte uncompressed public key. */
export async function keypair(): Promise<{ privateKey: CryptoKey; publicKey: Uint8Array }> {
  const pair = await crypto.subtle.generateKey(P256, false, ["deriveBits"]) as CryptoKeyPair;
  return { privateKey: pair.privateKey, publicKey: new Uint8Array(await crypto.subtle.exportKey("raw", pair.publicKey)) };
}

/** Seals `plaintext` to a 65-byte uncompressed P-256 public key. `ephemeral`/`nonce` are for test vectors only. */
export async function seal(recipient: Uint8Array, plaintext: Uint8Array, aad: Uint8Array = new Uint8Array(),
  fixed?: { ephemeralSecret: Uint8Array; ephemeralPublic: Uint8Array; nonce: Uint8Array }): Promise<Uint8Array> {
  if (recipient.length !== 65 || recipient[0] !== 4) throw new SealError("public-key", "the recipient public key is not a 65-byte uncompressed P-256 point");
  let privateKey: CryptoKey;
  let ephemeral: Uint8Array;
  if (fixed) {
    privateKey = await importSecretKey(fixed.ephemeralSecret, fixed.ephemeralPublic);
    ephemeral = fixed.ephemeralPublic;
  } else {
    const pair = await keypair();
    privateKey = pair.privateKey;
    ephemeral = pair.publicKey;
  }
  const nonce = fixed?.nonce ?? crypto.getRandomValues(new Uint8Array(12));
  let key: CryptoKey;
  try {
    key = await deriveKey(privateKey, recipient, ephemeral, recipient);
  } catch {
    throw new SealError("public-key", "the recipient public key is not a valid P-256 point");
  }
  const sealed = new Uint8Array(await crypto.subtle.encrypt({ name: "AES-GCM", iv: bytes(nonce), additionalData: bytes(aad) }, key, bytes(plaintext)));
  return new Uint8Array([1, ...ephemeral, ...nonce, ...sealed]);
}

/** Opens an envelope with the recipient's private key and 65-byte public key. */
export async function open(privateKey: CryptoKey, recipient: Uint8Array, envelope: Uint8Array, aad: Uint8Array = new Uint8Array()): Promise<Uint8Array> {
  if (envelope.length < OVERHEAD) throw new SealError("truncated", `the envelope is truncated: ${envelope.length} bytes, at least ${OVERHEAD} are needed`);
  if (envelope[0] !== 1) throw new SealError("version", `unsupported envelope version 0x${envelope[0].toString(16).padStart(2, "0")}`);
  const ephemeral = envelope.slice(1, 66);
  if (ephemeral[0] !== 4) throw new SealError("ephemeral-key", "the envelope's ephemeral key is not a valid P-256 point");
  const key = await deriveKey(privateKey, ephemeral, ephemeral, recipient);
  try {
    return new Uint8Array(await crypto.subtle.decrypt({ name: "AES-GCM", iv: bytes(envelope.slice(66, 78)), additionalData: bytes(aad) }, key, bytes(envelope.slice(78))));
  } catch {
    throw new SealError("authentication", "the envelope does not open: wrong key, wrong aad, or altered bytes");
  }
}
