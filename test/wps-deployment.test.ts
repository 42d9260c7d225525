import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { validateXML } from "xmllint-wasm";
import { writeWpsDeployment } from "../server/src/cli/manifest";

const root = join(import.meta.dirname, "..");

/** Against a schema, or (none given) for being well-formed XML. */
async function validate(xml: string, schema?: string) {
  const file = [{ fileName: "file.xml", contents: xml }];
  if (!schema) return validateXML({ xml: file, normalization: "format" });
  return validateXML({ xml: file, schema: [{ fileName: "schema.xsd", contents: readFileSync(join(root, schema), "utf8") }] });
}

describe("xueji manifest --wps", () => {
  it("writes jsplugins.xml (one online 表格 plugin at /addin/wps/) and the oem.ini lines for Windows, UOS and Kylin", async () => {
    const out = join(mkdtempSync(join(tmpdir(), "xueji-wps-")), "wps");
    const files = await writeWpsDeployment("https://xueji.example.edu.cn", out, "zh-CN");
    expect(files).toEqual([join(out, "jsplugins.xml"), join(out, "oem.ini")]);
    const list = readFileSync(join(out, "jsplugins.xml"), "utf8");
    const result = await validate(list, "test/wps-schemas/jsplugins.xsd");
    expect(result.errors).toEqual([]);
    expect(list).toMatch(/<jspluginonline name="xueji" type="et" url="https:\/\/xueji\.example\.edu\.cn\/addin\/wps\/" version="[\d.]+"/);
    expect(list).toContain(`version="${/<Version>([^<]+)<\/Version>/.exec(readFileSync(join(root, "manifest.xml"), "utf8"))?.[1]}"`);
    const ini = readFileSync(join(out, "oem.ini"), "utf8");
    expect(ini).toMatch(/^\[Support\]\nJsApiPlugin=true$/m);
    expect(ini).toMatch(/^\[Server\]\nJSPluginsServer=https:\/\/xueji\.example\.edu\.cn\/addin\/wps\/jsplugins\.xml$/m);
    for (const system of ["Windows", "UOS", "Kylin"]) expect(ini).toContain(system);
    expect(ini).toContain("/opt/kingsoft/wps-office/office6/cfgs/oem.ini");
    expect(ini).toMatch(/个人版/); // what personal builds do
  });

  it("refuses an origin WPS cannot load the pane from, and writes nothing", async () => {
    const out = join(mkdtempSync(join(tmpdir(), "xueji-wps-")), "wps");
    await expect(writeWpsDeployment("http://xueji.example.edu.cn", out, "zh-CN")).rejects.toThrow();
    await expect(writeWpsDeployment("https://xueji.example.edu.cn/sub/", out, "zh-CN")).rejects.toThrow();
    expect(() => readFileSync(join(out, "jsplugins.xml"))).toThrow();
  });

  it("ships a ribbon.xml whose 学籍核对 button calls main.js's functions", async () => {
    const ribbon = readFileSync(join(root, "addin/assets/wps/ribbon.xml"), "utf8");
    expect((await validate(ribbon)).valid).toBe(true);
    const main = readFileSync(join(root, "addin/assets/wps/main.js"), "utf8");
    for (const [, fn] of ribbon.matchAll(/(?:onAction|getImage|onLoad)="(\w+)"/g)) expect(main).toContain(`function ${fn}(`);
    expect(ribbon).toMatch(/<button id="xuejiCheck" label="学籍核对"/);
  });
});
