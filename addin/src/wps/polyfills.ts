/**
 * What older WPS builds' embedded Chromium lacks and the pane or its libraries call: `crypto.randomUUID`
 * (Chromium 92+). Built from `getRandomValues` as RFC 4122 version 4 says.
 */
export function installPolyfills(scope: { crypto?: Crypto } = globalThis): void {
  const crypto = scope.crypto;
  if (!crypto || typeof crypto.randomUUID === "function" || typeof crypto.getRandomValues !== "function") return;
  Object.defineProperty(crypto, "randomUUID", {
    configurable: true,
    writable: true,
    value: function randomUUID(): `${string}-${string}-${string}-${string}-${string}` {
      const bytes = crypto.getRandomValues(new Uint8Array(16));
      bytes[6] = ((bytes[6] as number) & 0x0f) | 0x40; // version 4
      bytes[8] = ((bytes[8] as number) & 0x3f) | 0x80; // variant 10
      const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
      return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
    },
  });
}
