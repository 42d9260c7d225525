import { randomBytes } from "node:crypto";
import { AppError, type Role } from "@xueji/shared";
import { and, eq, gt, isNull, lt } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { sessions, signOnFlows, signOnTickets, users } from "../../../db/schema";
import { recordEvent } from "../../audit-log/record-event";
import type { SessionUser } from "../session-user";
import { hashToken } from "../sessions";
import { openSession } from "../sign-in";
import type { OidcChecks } from "./oidc";

/** How long a sign-on may take at the portal, and how long the pane has to redeem its handoff code. */
const FLOW_MINUTES = 10;
const HANDOFF_MINUTES = 2;

export type SignOnProtocol = "cas" | "oidc";
/** Who asked: the dashboard, the task pane in file mode (redirect), or in Excel (the Office dialog). */
export type SignOnClient = "dashboard" | "pane" | "pane-dialog";

interface Request {
  address: string;
  requestId: string;
  now?: Date;
}

/** Starts a sign-on: the returned value goes into the browser's sign-on cookie; only its hash is kept. */
export async function startFlow(
  db: Db,
  flow: { protocol: SignOnProtocol; client: SignOnClient; checks?: OidcChecks; returnTo?: string | null },
  now = new Date(),
): Promise<string> {
  const flowId = randomBytes(24).toString("base64url");
  await db.delete(signOnFlows).where(lt(signOnFlows.expiresAt, now));
  await db.insert(signOnFlows).values({
    flowHash: hashToken(flowId),
    protocol: flow.protocol,
    client: flow.client,
    state: flow.checks?.state ?? null,
    nonce: flow.checks?.nonce ?? null,
    codeVerifier: flow.checks?.codeVerifier ?? null,
    returnTo: flow.returnTo ?? null,
    expiresAt: new Date(now.getTime() + FLOW_MINUTES * 60_000),
  });
  return flowId;
}

/**
 * The dashboard page a sign-on returns to: a path on this server only (one slash, no scheme, no
 * backslash), so the sign-on cannot be made to send a signed-in reader elsewhere (an open redirect).
 */
export function returnPath(asked: string | null): string | null {
  if (!asked || asked.length > 500 || !asked.startsWith("/") || asked.startsWith("//") || /[\\\s]/.test(asked)) return null;
  if (asked.startsWith("/api/")) return null;
  return asked;
}

/** The sign-on this browser started (taken: a return is honoured once), or a refusal. */
export async function takeFlow(db: Db, flowId: string | null, protocol: SignOnProtocol, now = new Date()) {
  const [flow] = flowId
    ? await db
        .delete(signOnFlows)
        .where(and(eq(signOnFlows.flowHash, hashToken(flowId)), eq(signOnFlows.protocol, protocol), isNull(signOnFlows.handoffHash)))
        .returning()
    : [];
  if (!flow || flow.expiresAt <= now) throw new AppError("auth.sign-on-stale", {}, flow ? "flow expired" : "no flow for this browser");
  return flow;
}

/** A campus ticket or code is honoured once: a second presentation is refused before the portal is asked. */
export async function useTicketOnce(db: Db, ticket: string): Promise<string> {
  const ticketHash = hashToken(ticket);
  const fresh = await db.insert(signOnTickets).values({ ticketHash }).onConflictDoNothing().returning();
  if (fresh.length === 0) throw new AppError("auth.sign-on-ticket-used");
  return ticketHash;
}

/**
 * The Xueji account a campus identity's 工号 names. Roles and colleges stay as the administrator set
 * them; no account is made here. An unknown 工号 is refused (and audited, so the administrator can see
 * who tried), naming whom to ask.
 */
export async function accountFor(
  db: Db,
  campusId: string,
  options: { contact?: string | undefined; method: SignOnProtocol; requestId: string },
) {
  const id = campusId.trim();
  const [user] = id ? await db.select().from(users).where(eq(users.username, id)).limit(1) : [];
  if (!user) {
    await recordEvent(
      db,
      { userId: null, role: null, requestId: options.requestId },
      { action: "auth.sign-on-refused", entity: "user", entityId: id.slice(0, 64), after: { method: options.method } },
    );
    if (options.contact) throw new AppError("auth.sign-on-unknown", { id: id.slice(0, 64), contact: options.contact });
    throw new AppError("auth.sign-on-unknown-admin", { id: id.slice(0, 64) });
  }
  if (user.disabled) throw new AppError("auth.account-disabled");
  return user;
}

export type SignOnResult = { client: "dashboard"; token: string; expiresAt: Date } | { client: "pane" | "pane-dialog"; code: string };

/**
 * Ends a verified sign-on: the dashboard gets its session now (the cookie); the task pane gets a
 * one-time code to redeem from its own page (its session is a bearer token, never put in a URL).
 */
export async function finishSignOn(
  db: Db,
  user: typeof users.$inferSelect,
  flow: { protocol: SignOnProtocol; client: SignOnClient; ticketHash: string | null; idToken?: string | null },
  request: Request,
): Promise<SignOnResult> {
  const now = request.now ?? new Date();
  if (flow.client === "dashboard") {
    const session = await openSession(db, user, {
      address: request.address,
      requestId: request.requestId,
      now,
      action: "auth.sign-on",
      method: flow.protocol,
      signOnTicket: flow.ticketHash,
    });
    if (flow.idToken) await rememberIdToken(db, session.token, flow.idToken);
    return { client: "dashboard", token: session.token, expiresAt: session.expiresAt };
  }
  const code = randomBytes(24).toString("base64url");
  await db.insert(signOnFlows).values({
    flowHash: hashToken(randomBytes(24).toString("base64url")),
    protocol: flow.protocol,
    client: flow.client,
    handoffHash: hashToken(code),
    userId: user.id,
    ticketHash: flow.ticketHash,
    // Kept until the pane redeems its code: its session, like the dashboard's, ends at the provider too.
    idToken: flow.idToken ?? null,
    expiresAt: new Date(now.getTime() + HANDOFF_MINUTES * 60_000),
  });
  return { client: flow.client, code };
}

/** The task pane's half: its one-time code becomes a session, opened as any other. */
export async function redeemHandoff(
  db: Db,
  code: string,
  request: Request,
): Promise<{ token: string; expiresAt: Date; user: SessionUser }> {
  const now = request.now ?? new Date();
  const [flow] = await db
    .delete(signOnFlows)
    .where(and(eq(signOnFlows.handoffHash, hashToken(code)), gt(signOnFlows.expiresAt, now)))
    .returning();
  const [user] = flow?.userId ? await db.select().from(users).where(eq(users.id, flow.userId)).limit(1) : [];
  if (!flow || !user) throw new AppError("auth.sign-on-stale", {}, "no live handoff for this code");
  if (user.disabled) throw new AppError("auth.account-disabled");
  const session = await openSession(db, user, {
    address: request.address,
    requestId: request.requestId,
    now,
    action: "auth.sign-on",
    method: flow.protocol,
    signOnTicket: flow.ticketHash,
  });
  if (flow.idToken) await rememberIdToken(db, session.token, flow.idToken);
  return session;
}

/**
 * The portal's single sign-out: every live session opened with this ticket ends, with the reason the
 * sign-in page then gives. Returns how many ended (none for a ticket Xueji never saw).
 */
export async function singleSignOut(db: Db, ticket: string, requestId: string, now = new Date()): Promise<number> {
  return db.transaction(async (tx) => {
    const live = and(eq(sessions.signOnTicket, hashToken(ticket)), isNull(sessions.endedReason), gt(sessions.expiresAt, now));
    const ended = await tx.update(sessions).set({ endedReason: "signed-out-centrally" }).where(live).returning({ userId: sessions.userId });
    const roles = new Map<number, string>();
    for (const { userId } of ended) {
      const [user] = await tx.select({ role: users.role }).from(users).where(eq(users.id, userId));
      roles.set(userId, user?.role ?? "");
    }
    for (const session of ended)
      await recordEvent(
        tx,
        { userId: session.userId, role: roles.get(session.userId) as Role, requestId },
        { action: "auth.single-sign-out", entity: "user", entityId: String(session.userId) },
      );
    return ended.length;
  });
}

/** Keeps the OIDC ID token on the session it opened, for the provider's logout (oidc.ts, oidcLogoutUrl). */
export async function rememberIdToken(db: Db, token: string, idToken: string): Promise<void> {
  await db
    .update(sessions)
    .set({ signOnIdToken: idToken })
    .where(eq(sessions.tokenHash, hashToken(token)));
}

/** The ID token of the OIDC sign-on that opened this session, or null (a password or CAS session). */
export async function sessionIdToken(db: Db, token: string): Promise<string | null> {
  const [row] = await db
    .select({ idToken: sessions.signOnIdToken })
    .from(sessions)
    .where(eq(sessions.tokenHash, hashToken(token)));
  return row?.idToken ?? null;
}
