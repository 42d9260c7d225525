import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import Provider from "oidc-provider";

/**
 * A real OpenID Provider for the tests (the `oidc-provider` package, on loopback), with its
 * development login and consent pages: any login name is accepted, and becomes the account's `sub`;
 * its 工号 (claim `employee_number`) comes from `employeeNumbers`.
 */
export interface OidcPortal {
  issuer: string;
  provider: Provider;
  /** login name → 工号 released as `employee_number` (in userinfo and the ID token). */
  employeeNumbers: Map<string, string>;
  /** Registers a client whose redirect URI is `redirectUri`; HS256 ID tokens and client_secret_jwt by default. */
  addClient(client: { id: string; secret: string; redirectUri: string; alg?: string; authMethod?: string }): void;
  /**
   * When set, the token endpoint's answer reaches the client with the ID token's signature altered
   * (one character, so the length holds): a forged token, as a party in the middle would send.
   */
  forgeIdTokens: boolean;
  close(): Promise<void>;
}

export async function startOidcPortal(): Promise<OidcPortal> {
  const clients: Array<Record<string, unknown>> = [];
  let handler: ((req: import("node:http").IncomingMessage, res: import("node:http").ServerResponse) => void) | null = null;
  const server = createServer((req, res) => {
    if (portal.forgeIdTokens && req.url?.startsWith("/token")) forgeOnTheWay(res);
    handler?.(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const employeeNumbers = new Map<string, string>();
  let provider: Provider | null = null;
  const build = () => {
    const built = new Provider(issuer, {
      clients: clients as never,
      cookies: { keys: ["campus-portal-test-cookie-key-0123456789"] },
      claims: { openid: ["sub"], profile: ["employee_number", "name"] },
      scopes: ["openid", "profile"],
      enabledJWA: { idTokenSigningAlgValues: ["HS256", "RS256"] },
      async findAccount(_ctx, sub) {
        return {
          accountId: sub,
          async claims() {
            const number = employeeNumbers.get(sub);
            return { sub, name: sub, ...(number ? { employee_number: number } : {}) };
          },
        };
      },
      // The released claims go into the ID token too, so either place can hold the 工号.
      conformIdTokenClaims: false,
    });
    built.on("server_error", (_ctx, error) => console.error("oidc-provider:", error));
    return built;
  };
  const portal: OidcPortal = {
    issuer,
    employeeNumbers,
    forgeIdTokens: false,
    get provider() {
      provider ??= build();
      return provider;
    },
    addClient({ id, secret, redirectUri, alg = "HS256", authMethod = "client_secret_jwt" }) {
      clients.push({
        client_id: id,
        client_secret: secret,
        redirect_uris: [redirectUri],
        // Where RP-initiated logout may send the browser back to: the client's sign-in page.
        post_logout_redirect_uris: [`${new URL(redirectUri).origin}/`],
        grant_types: ["authorization_code"],
        response_types: ["code"],
        token_endpoint_auth_method: authMethod,
        id_token_signed_response_alg: alg,
      });
      // Clients are read when the provider is built: a new one is built with the new list.
      provider = build();
      handler = provider.callback();
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  return portal;
}

function forgeOnTheWay(res: import("node:http").ServerResponse): void {
  const end = res.end.bind(res) as (chunk?: unknown) => void;
  res.end = ((chunk?: unknown) => {
    const text = Buffer.isBuffer(chunk) ? chunk.toString("utf8") : typeof chunk === "string" ? chunk : "";
    const answer = text ? (JSON.parse(text) as { id_token?: string }) : {};
    if (answer.id_token) {
      const [header, payload, signature = ""] = answer.id_token.split(".");
      const first = signature[0] === "A" ? "B" : "A";
      answer.id_token = `${header}.${payload}.${first}${signature.slice(1)}`;
      return end(JSON.stringify(answer));
    }
    return end(chunk);
  }) as typeof res.end;
}
