import { queryOptions } from "@tanstack/react-query";
import { client, type RouterInputs, type RouterOutputs } from "./client";
import { apiMutation } from "./query";

export type Channel = RouterOutputs["notifications"]["channels"][number];
export type OutboxItem = RouterOutputs["notifications"]["outbox"]["items"][number];
export type OutboxState = NonNullable<RouterInputs["notifications"]["outbox"]["state"]>;

/** The channels of the colleges and the registrar office; secrets only as 已设置 / 环境变量, never their values. */
export const channelsQuery = () =>
  queryOptions({ queryKey: ["notifications", "channels"], queryFn: () => client.notifications.channels.query() });
/** The 通知 page's messages, newest first, with their state and the reason of a failure. */
export const outboxQuery = (state: OutboxState | undefined) =>
  queryOptions({
    queryKey: ["notifications", "outbox", state ?? "all"],
    queryFn: () => client.notifications.outbox.query({ ...(state ? { state } : {}), limit: 100 }),
    refetchInterval: 30_000,
  });
export const saveChannel = apiMutation("notifications", "saveChannel");
export const urgeApplication = apiMutation("notifications", "urge");
