// @vitest-environment happy-dom
import { FluentProvider } from "@fluentui/react-components";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { cleanup, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { xuejiLightTheme } from "@xueji/theme";
import { I18nextProvider } from "react-i18next";
import { afterEach, describe, expect, it } from "vitest";
import { referenceQuery } from "../api/reference";
import { i18n } from "../i18n";
import { TermPicker } from "./term-picker";

afterEach(cleanup);

function renderPicker(props: { value: string | undefined; allowAll?: boolean }, changes: Array<string | undefined>) {
  const queries = new QueryClient();
  // The reference data as the server sends it (only the terms matter here), so nothing is fetched.
  queries.setQueryData(referenceQuery().queryKey, {
    terms: [
      { code: "2025-2026-1", academicYear: "2025-2026", startDate: "2025-09-01", endDate: "2026-01-18" },
      { code: "2025-2026-2", academicYear: "2025-2026", startDate: "2026-02-23", endDate: "2026-07-05" },
    ],
  } as never);
  return render(
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={queries}>
        <FluentProvider theme={xuejiLightTheme}>
          <TermPicker {...props} onChange={(code) => changes.push(code)} />
        </FluentProvider>
      </QueryClientProvider>
    </I18nextProvider>,
  );
}

describe("the term filter", () => {
  it("offers 全部 where every term is allowed, shows it when unset, and unsets the filter when chosen", async () => {
    const changes: Array<string | undefined> = [];
    renderPicker({ value: undefined, allowAll: true }, changes);
    const box = await screen.findByRole("combobox", { name: "学期" });
    expect(box.textContent).toBe("全部");
    await userEvent.click(box);
    expect(screen.getAllByRole("option").map((o) => o.textContent)).toEqual(["全部", "2025-2026-2", "2025-2026-1"]);
    await userEvent.click(screen.getByRole("option", { name: "2025-2026-1" }));
    await userEvent.click(box);
    await userEvent.click(screen.getByRole("option", { name: "全部" }));
    expect(changes).toEqual(["2025-2026-1", undefined]);
  });

  it("has no 全部 where a term is required", async () => {
    renderPicker({ value: "2025-2026-2" }, []);
    const box = await screen.findByRole("combobox", { name: "学期" });
    expect(box.textContent).toBe("2025-2026-2");
    await userEvent.click(box);
    expect(screen.getAllByRole("option").map((o) => o.textContent)).toEqual(["2025-2026-2", "2025-2026-1"]);
  });
});
