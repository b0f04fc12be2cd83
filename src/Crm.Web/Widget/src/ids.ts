/** Ids the server accepts: lowercase letters and digits. Random, so a retry can reuse them safely. */
export function newId(prefix: string): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return prefix + Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

/** A GUID for client message ids (crypto.randomUUID is missing on older Safari). */
export function newGuid(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const h = newId("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
