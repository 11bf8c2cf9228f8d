// hum-seal-v1 with node's Web Crypto (crypto.subtle), the oracle for hum's Rust implementation.
// Usage:
//   node seal-webcrypto.mjs vectors FILE            reproduce every committed vector's envelope
//   node seal-webcrypto.mjs seal PUBHEX PTHEX AADHEX  print a fresh envelope (hex)
//   node seal-webcrypto.mjs open JWKJSON ENVHEX AADHEX print the plaintext (hex)
//   node seal-webcrypto.mjs keypair                  print {"jwk": private JWK, "public": hex}
import { readFileSync } from "node:fs";
import { webcrypto } from "node:crypto";

const subtle = webcrypto.subtle;
const hex = (b) => Buffer.from(b).toString("hex");
const unhex = (h) => new Uint8Array(Buffer.from(h.replace(/^0x/, ""), "hex"));
const b64u = (b) => Buffer.from(b).toString("base64url");
const INFO = new TextEncoder().encode("hum-seal-v1");
const P256 = { name: "ECDH", namedCurve: "P-256" };

async function deriveKey(privateKey, peerRaw, ephemeralRaw, recipientRaw) {
  const peer = await subtle.importKey("raw", peerRaw, P256, false, []);
  const shared = await subtle.deriveBits({ name: "ECDH", public: peer }, privateKey, 256);
  const ikm = await subtle.importKey("raw", shared, "HKDF", false, ["deriveKey"]);
  const info = new Uint8Array([...INFO, ...ephemeralRaw, ...recipientRaw]);
  return subtle.deriveKey({ name: "HKDF", hash: "SHA-256", salt: new Uint8Array(), info }, ikm,
    { name: "AES-GCM", length: 256 }, false, ["encrypt", "decrypt"]);
}

// A private key from its 32-byte scalar: Web Crypto wants a JWK with the public point too.
async function importScalar(d, publicRaw) {
  const jwk = { kty: "EC", crv: "P-256", d: b64u(d), x: b64u(publicRaw.slice(1, 33)), y: b64u(publicRaw.slice(33, 65)) };
  return subtle.importKey("jwk", jwk, P256, false, ["deriveBits"]);
}

async function sealWith(recipientRaw, plaintext, aad, ephemeralPrivate, ephemeralRaw, nonce) {
  const key = await deriveKey(ephemeralPrivate, recipientRaw, ephemeralRaw, recipientRaw);
  const ct = new Uint8Array(await subtle.encrypt({ name: "AES-GCM", iv: nonce, additionalData: aad }, key, plaintext));
  return new Uint8Array([1, ...ephemeralRaw, ...nonce, ...ct]);
}

async function open(privateKey, recipientRaw, envelope, aad) {
  if (envelope.length < 94 || envelope[0] !== 1) throw new Error("bad envelope");
  const ephemeralRaw = envelope.slice(1, 66);
  const key = await deriveKey(privateKey, ephemeralRaw, ephemeralRaw, recipientRaw);
  return new Uint8Array(await subtle.decrypt({ name: "AES-GCM", iv: envelope.slice(66, 78), additionalData: aad }, key, envelope.slice(78)));
}

const [cmd, ...args] = process.argv.slice(2);
if (cmd === "vectors") {
  const { vectors } = JSON.parse(readFileSync(args[0], "utf8"));
  for (const v of vectors) {
    // E is part of the expected envelope; check it is what Web Crypto derives from the scalar.
    const ephemeralRaw = unhex(v.envelope).slice(1, 66);
    const ephemeralPrivate = await importScalar(unhex(v.ephemeral_secret_key), ephemeralRaw);
    const envelope = await sealWith(unhex(v.recipient_public_key), unhex(v.plaintext), unhex(v.aad), ephemeralPrivate, ephemeralRaw, unhex(v.nonce));
    if (hex(envelope) !== v.envelope) { console.error(`vector "${v.name}": envelope differs`); process.exit(1); }
    const recipientPrivate = await importScalar(unhex(v.recipient_secret_key), unhex(v.recipient_public_key));
    const opened = await open(recipientPrivate, unhex(v.recipient_public_key), envelope, unhex(v.aad));
    if (hex(opened) !== v.plaintext) { console.error(`vector "${v.name}": plaintext differs`); process.exit(1); }
  }
  console.log(JSON.stringify({ vectors: vectors.length }));
} else if (cmd === "seal") {
  const eph = await subtle.generateKey(P256, true, ["deriveBits"]);
  const ephemeralRaw = new Uint8Array(await subtle.exportKey("raw", eph.publicKey));
  const nonce = webcrypto.getRandomValues(new Uint8Array(12));
  console.log(hex(await sealWith(unhex(args[0]), unhex(args[1]), unhex(args[2] ?? ""), eph.privateKey, ephemeralRaw, nonce)));
} else if (cmd === "keypair") {
  const kp = await subtle.generateKey(P256, true, ["deriveBits"]);
  const jwk = await subtle.exportKey("jwk", kp.privateKey);
  console.log(JSON.stringify({ jwk, public: hex(await subtle.exportKey("raw", kp.publicKey)), secret: hex(Buffer.from(jwk.d, "base64url")) }));
} else if (cmd === "open") {
  const jwk = JSON.parse(args[0]);
  const priv = await subtle.importKey("jwk", jwk, P256, false, ["deriveBits"]);
  const recipientRaw = new Uint8Array([4, ...Buffer.from(jwk.x, "base64url"), ...Buffer.from(jwk.y, "base64url")]);
  console.log(hex(await open(priv, recipientRaw, unhex(args[1]), unhex(args[2] ?? ""))));
} else {
  console.error("usage: seal-webcrypto.mjs vectors|seal|open|keypair …");
  process.exit(2);
}
