import { str } from "../../url/search-values";

export interface UsersSearch {
  q?: string;
}

export function readUsersSearch(search: Record<string, unknown>): UsersSearch {
  return { q: str(search.q) };
}
