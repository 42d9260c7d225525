import type { Locale } from "@xueji/shared";
import { createContext, useContext } from "react";
import type { Api } from "../api/client";
import type { Session } from "../api/session";
import type { SheetHost } from "../host/sheet-host";

export interface AppServices {
  api: Api;
  locale: Locale;
  session: Session;
  signOut(): void;
  /** The Office.js host inside Excel; null in file mode (the page then opens local files). */
  excel: SheetHost | null;
  /** Today in China, as the server counts it (the shared reader's date checks need it). */
  today: string;
}

export const AppContext = createContext<AppServices | null>(null);

export function useApp(): AppServices {
  const services = useContext(AppContext);
  if (!services) throw new Error("useApp outside AppContext");
  return services;
}
