// @vitest-environment happy-dom
import { FluentProvider } from "@fluentui/react-components";
import { cleanup, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { xuejiLightTheme } from "@xueji/theme";
import { useState } from "react";
import { I18nextProvider } from "react-i18next";
import { afterEach, describe, expect, it } from "vitest";
import { i18n } from "../i18n";
import { SecretField, type SecretInput, type SecretStored } from "./secret-field";

afterEach(cleanup);

/** The field as a form holds it: every change recorded, the last one shown back. */
function renderField(stored: SecretStored, options: { envName?: boolean; lockedBy?: string; validationMessage?: string } = {}) {
  const changes: SecretInput[] = [];
  function Form() {
    const [input, setInput] = useState<SecretInput>({ keep: true });
    const onChange = (next: SecretInput) => {
      changes.push(next);
      setInput(next);
    };
    return options.envName ? (
      <SecretField label="Webhook 地址" stored={stored} envName input={input} onChange={onChange} testId="secret" />
    ) : (
      <SecretField
        label="客户端密钥"
        stored={stored}
        lockedBy={options.lockedBy}
        validationMessage={options.validationMessage}
        input={"env" in input ? { keep: true } : input}
        onChange={onChange}
        testId="secret"
      />
    );
  }
  render(
    <I18nextProvider i18n={i18n}>
      <FluentProvider theme={xuejiLightTheme}>
        <Form />
      </FluentProvider>
    </I18nextProvider>,
  );
  return changes;
}

describe("the write-only secret field", () => {
  it("never shows what is stored: 已设置 — 留空则不变; typing replaces it, emptying keeps it, 清除 removes it", async () => {
    const changes = renderField({ state: "set" });
    expect(screen.getByTestId("secret-state").textContent).toBe("已设置 — 留空则不变");
    const field = screen.getByLabelText("客户端密钥") as HTMLInputElement;
    expect(field.value).toBe("");
    expect(field.type).toBe("password");
    await userEvent.type(field, "ab");
    await userEvent.clear(field);
    await userEvent.click(screen.getByRole("checkbox", { name: "清除已设置的值" }));
    expect(field.disabled).toBe(true);
    expect(changes).toEqual([{ value: "a" }, { value: "ab" }, { keep: true }, { clear: true }]);
    expect(screen.queryByLabelText(/环境变量名/)).toBeNull();
  });

  it("with nothing stored, says nothing stored and offers no 清除", () => {
    renderField({ state: "unset" });
    expect(screen.queryByTestId("secret-state")).toBeNull();
    expect(screen.queryByRole("checkbox")).toBeNull();
  });

  it("where allowed, takes an environment variable's name instead of the value, and names the one it reads", async () => {
    const changes = renderField({ state: "env", env: "XUEJI_WECOM_URL" }, { envName: true });
    expect(screen.getByTestId("secret-state").textContent).toBe("取自环境变量 XUEJI_WECOM_URL — 留空则不变");
    await userEvent.type(screen.getByLabelText(/环境变量名/), "x");
    expect(changes).toEqual([{ env: "X" }]);
  });

  it("set by the server's environment: read-only, naming the variable, nothing to clear; says its mistake at the field", () => {
    renderField({ state: "set" }, { lockedBy: "XUEJI_OIDC_CLIENT_SECRET", validationMessage: "填写了签发者地址时，客户端密钥必填" });
    expect(screen.getByTestId("secret-state").textContent).toContain("XUEJI_OIDC_CLIENT_SECRET");
    expect((screen.getByLabelText("客户端密钥") as HTMLInputElement).readOnly).toBe(true);
    expect(screen.queryByRole("checkbox")).toBeNull();
    expect(screen.getByText("填写了签发者地址时，客户端密钥必填")).toBeTruthy();
  });
});
