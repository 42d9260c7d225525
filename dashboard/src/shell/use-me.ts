import { useQuery } from "@tanstack/react-query";
import { type Permission, type Role, scopeOf } from "@xueji/shared";
import { meQuery } from "../api/auth";

/** The signed-in user; pages inside the shell may assume it is there. */
export function useMe() {
  const { data } = useQuery(meQuery());
  if (!data) throw new Error("useMe outside the signed-in shell");
  return data;
}

export function may(role: Role, permission: Permission): boolean {
  return scopeOf(permission, role) !== null;
}

/** Whether the signed-in user's role holds a permission (the server checks it again on every call). */
export function useMay(permission: Permission): boolean {
  return may(useMe().role, permission);
}
