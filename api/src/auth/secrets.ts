import crypto from "node:crypto";

/** A random secret for cookies and links; 256 bits, URL-safe. */
export function randomSecret(prefix = ""): string {
  return prefix + crypto.randomBytes(32).toString("base64url");
}

/** Secrets are stored only as their SHA-256 hash; they are random, so no salt or slow hash is needed. */
export function hashSecret(secret: string): string {
  return crypto.createHash("sha256").update(secret).digest("hex");
}
