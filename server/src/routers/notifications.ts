import { z } from "zod";
import { CHANNEL_KINDS, OUTBOX_STATES } from "../db/schema/notifications";
import { idInput, textInput } from "../inputs/inputs";
import { listChannels, saveChannel } from "../services/notifications/channels";
import { deliverOutbox } from "../services/notifications/deliver-outbox";
import { listOutbox } from "../services/notifications/list-outbox";
import { urgeApplication } from "../services/notifications/urge-application";
import { procedureFor, router } from "../trpc";

const secretState = z.discriminatedUnion("state", [
  z.object({ state: z.literal("set") }),
  z.object({ state: z.literal("unset") }),
  z.object({ state: z.literal("env"), env: z.string() }),
]);
const configValue = z.union([z.string(), z.number(), z.boolean()]);
export const channelOutput = z.object({
  id: z.number(),
  collegeId: z.number().nullable(),
  collegeName: z.string().nullable(),
  kind: z.enum(CHANNEL_KINDS),
  enabled: z.boolean(),
  config: z.record(z.string(), configValue),
  // Never a secret's value: whether it is set, or which environment variable carries it.
  secrets: z.record(z.string(), secretState),
});
const outboxItem = z.object({
  id: z.number(),
  event: z.string(),
  title: z.string(),
  body: z.string(),
  state: z.enum(OUTBOX_STATES),
  attempts: z.number(),
  lastError: z.string().nullable(),
  createdAt: z.date(),
  sentAt: z.date().nullable(),
  nextAttemptAt: z.date(),
  channelKind: z.enum(CHANNEL_KINDS),
  collegeName: z.string().nullable(),
  recipient: z.string().nullable(),
});
const ENV_NAME = /^[A-Z][A-Z0-9_]{1,60}$/;
const secretInput = z.union([
  z.object({ value: textInput(2000, 1) }),
  z.object({ env: z.string().regex(ENV_NAME) }),
  z.object({ keep: z.literal(true) }),
  z.object({ clear: z.literal(true) }),
]);

/** Reminders where staff read them: the channels (settings), the outbox (通知), and 催办. */
export const notificationsRouter = router({
  channels: procedureFor("settings.read")
    .output(z.array(channelOutput))
    .query(({ ctx }) => listChannels(ctx.db)),
  saveChannel: procedureFor("settings.write")
    .input(
      z.object({
        id: idInput.optional(),
        collegeId: idInput.nullable(),
        kind: z.enum(CHANNEL_KINDS),
        enabled: z.boolean(),
        config: z.object({
          host: textInput(200).optional(),
          port: z.number().int().min(1).max(65535).optional(),
          secure: z.boolean().optional(),
          user: textInput(200).optional(),
          from: textInput(200).optional(),
          to: textInput(1000).optional(),
        }),
        secrets: z.object({ webhookUrl: secretInput.optional(), signSecret: secretInput.optional(), password: secretInput.optional() }),
      }),
    )
    .output(channelOutput)
    .mutation(({ ctx, input }) =>
      saveChannel(ctx.db, ctx.viewer, {
        ...input,
        config: Object.fromEntries(Object.entries(input.config).filter(([, v]) => v !== undefined)) as Record<
          string,
          string | number | boolean
        >,
        secrets: Object.fromEntries(Object.entries(input.secrets).filter(([, v]) => v !== undefined)) as Record<
          string,
          z.infer<typeof secretInput>
        >,
      }),
    ),
  outbox: procedureFor("notifications.read")
    .input(
      z.object({
        state: z.enum(OUTBOX_STATES).optional(),
        beforeId: idInput.optional(),
        limit: z.number().int().min(1).max(200).default(50),
      }),
    )
    .output(
      z.object({
        items: z.array(outboxItem),
        nextBeforeId: z.number().nullable(),
        counts: z.object({
          pending: z.number().optional(),
          sending: z.number().optional(),
          sent: z.number().optional(),
          failed: z.number().optional(),
        }),
      }),
    )
    .query(({ ctx, input }) => listOutbox(ctx.db, input)),
  /** 催办: one reminder now to whoever acts on an overdue application; delivered before the answer. */
  urge: procedureFor("applications.urge")
    .input(z.object({ applicationId: idInput }))
    .output(
      z.object({
        queued: z.number(),
        reminded: z.array(z.string()),
        already: z.boolean(),
        sent: z.number(),
        failed: z.number(),
        retrying: z.number(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const now = new Date();
      const result = await urgeApplication(ctx.db, ctx.viewer, input.applicationId, now, ctx.today());
      const delivered = result.queued > 0 ? await deliverOutbox(ctx.db, now) : { sent: 0, failed: 0, retrying: 0 };
      return { ...result, sent: delivered.sent, failed: delivered.failed, retrying: delivered.retrying };
    }),
});
