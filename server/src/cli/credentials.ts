import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { homeOf } from "./io";

/** Where `xueji login` keeps the server address and session token: $XUEJI_HOME or ~/.xueji. */
function home(env: NodeJS.ProcessEnv): string {
  return env.XUEJI_HOME ?? join(homeOf(env), ".xueji");
}

export interface Credentials {
  server: string;
  token: string;
  username: string;
}

export async function saveCredentials(credentials: Credentials, env: NodeJS.ProcessEnv): Promise<string> {
  await mkdir(home(env), { recursive: true, mode: 0o700 });
  const file = join(home(env), "credentials.json");
  await writeFile(file, JSON.stringify(credentials, null, 2), { mode: 0o600 });
  return file;
}

export async function loadCredentials(env: NodeJS.ProcessEnv): Promise<Credentials | null> {
  try {
    return JSON.parse(await readFile(join(home(env), "credentials.json"), "utf8")) as Credentials;
  } catch {
    return null;
  }
}
