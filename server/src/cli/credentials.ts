import { mkdir, readFile, writeFile } from "node:fs/promises";
import { homedir } from "node:os";
import { join } from "node:path";

/** Where `xueji login` keeps the server address and session token: $XUEJI_HOME or ~/.xueji. */
function home(): string {
  return process.env.XUEJI_HOME ?? join(homedir(), ".xueji");
}

export interface Credentials {
  server: string;
  token: string;
  username: string;
}

export async function saveCredentials(credentials: Credentials): Promise<string> {
  await mkdir(home(), { recursive: true, mode: 0o700 });
  const file = join(home(), "credentials.json");
  await writeFile(file, JSON.stringify(credentials, null, 2), { mode: 0o600 });
  return file;
}

export async function loadCredentials(): Promise<Credentials | null> {
  try {
    return JSON.parse(await readFile(join(home(), "credentials.json"), "utf8")) as Credentials;
  } catch {
    return null;
  }
}
