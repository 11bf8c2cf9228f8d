// The SRS the worker is initialised with: fetched once, hashed, and checked against the pin
// before anything else sees it.
import { HumError } from "./witness.js";

async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const d = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes as Uint8Array<ArrayBuffer>));
  return Array.from(d, (b) => b.toString(16).padStart(2, "0")).join("");
}

/** Fetches the SRS at `url`; with `pinned` (`sha256:…`), a file of another hash is refused. */
export async function fetchSrs(url: string | URL, pinned?: string): Promise<{ bytes: Uint8Array; hash: string }> {
  const response = await fetch(url);
  if (!response.ok) throw new HumError("invalid-srs", `cannot fetch the SRS (${response.status})`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  const hash = await sha256Hex(bytes);
  if (pinned && pinned.replace(/^sha256:/, "") !== hash) {
    throw new HumError("invalid-srs", `the SRS hash sha256:${hash} differs from the pinned ${pinned}`);
  }
  return { bytes, hash };
}
