/** A chosen file as base64 for the server (which checks its bytes), or null when it is over `mb` and not worth sending. */
export async function fileBase64(file: File, mb: number): Promise<string | null> {
  if (file.size === 0 || file.size > mb * 1024 * 1024) return null;
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
