import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { validateXML } from "xmllint-wasm";
import { DEV_ORIGIN, deploymentManifest } from "../server/src/cli/manifest";

const root = join(import.meta.dirname, "..");
const schemas = join(root, "test/office-schemas");
const manifest = readFileSync(join(root, "manifest.xml"), "utf8");

/** Validates offline against Microsoft's XSDs (the online validator cannot be reached here). */
async function validate(xml: string) {
  const read = (name: string) => ({ fileName: name, contents: readFileSync(join(schemas, name), "utf8") });
  return validateXML({
    xml: [{ fileName: "manifest.xml", contents: xml }],
    schema: [read("OfficeAppManifestV1_1.xsd")],
    preload: [
      "OfficeAppBasicTypesV1_0.xsd",
      "MailAppVersionOverridesV1_0.xsd",
      "MailAppVersionOverridesV1_1.xsd",
      "TaskPaneAppVersionOverridesV1_0.xsd",
      "ContentAppVersionOverridesV1_0.xsd",
    ].map(read),
  });
}

describe("manifest.xml", () => {
  it("validates against the Office add-in manifest schemas", async () => {
    const result = await validate(manifest);
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it("is caught by the schemas when broken", async () => {
    expect((await validate(manifest.replace(/<Id>.*<\/Id>/, ""))).valid).toBe(false);
    expect((await validate(manifest.replace("<Permissions>ReadWriteDocument", "<Permissions>Everything"))).valid).toBe(false);
  });

  it("defines every resid it uses, and uses every resource it defines", () => {
    const used = new Set([...manifest.matchAll(/resid="([^"]+)"/g)].map((m) => m[1]));
    const defined = new Set([...manifest.matchAll(/<bt:(?:Image|Url|String) id="([^"]+)"/g)].map((m) => m[1]));
    expect([...used].filter((id) => !defined.has(id))).toEqual([]);
    expect([...defined].filter((id) => !used.has(id))).toEqual([]);
  });

  it("is Chinese first with an English override for every string", () => {
    expect(manifest).toContain("<DefaultLocale>zh-CN</DefaultLocale>");
    const strings = [...manifest.matchAll(/<bt:String id="[^"]+" DefaultValue="([^"]+)">\s*<bt:Override Locale="en-US" Value="[^"]+"\/>/g)];
    expect(strings).toHaveLength([...manifest.matchAll(/<bt:String id=/g)].length);
    for (const [, zh] of strings) expect(zh).toMatch(/[\u4e00-\u9fff]/);
    expect(manifest).toMatch(/<DisplayName DefaultValue="[^"]*[\u4e00-\u9fff][^"]*">\s*<Override Locale="en-US"/);
  });

  it("asks for ExcelApi 1.1 only (Excel 2016/2019 volume editions) and opens the task pane from a ribbon button", () => {
    expect([...manifest.matchAll(/<Set Name="(\w+)" MinVersion="([\d.]+)"\/>/g)].map((m) => `${m[1]} ${m[2]}`)).toEqual(["ExcelApi 1.1"]);
    expect(manifest).toMatch(/<Action xsi:type="ShowTaskpane">[\s\S]*<SourceLocation resid="Taskpane.Url"\/>/);
  });

  it("points at icons that exist with the size their id says", () => {
    for (const [, id, url] of manifest.matchAll(/<bt:Image id="Icon\.(\d+)x\d+" DefaultValue="([^"]+)"/g)) {
      // Vite copies addin/assets/ (its public folder) to /addin/.
      const file = join(root, "addin/assets", new URL(url as string).pathname.replace(/^\/addin\//, ""));
      expect(existsSync(file), file).toBe(true);
      const png = readFileSync(file);
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([Number(id), Number(id)]);
    }
  });

  it("serves every URL from the development origin, under /addin/", () => {
    const urls = [...manifest.matchAll(/(?:DefaultValue|Value)="(https:[^"]+)"|<AppDomain>([^<]+)</g)].map((m) => m[1] ?? m[2]);
    expect(urls.length).toBeGreaterThan(5);
    for (const url of urls) expect(url?.startsWith(DEV_ORIGIN)).toBe(true);
  });

  it("rewrites to a deployment's origin with the same Id, still schema-valid", async () => {
    const deployed = deploymentManifest(manifest, "https://xueji.example.edu.cn");
    expect(deployed).not.toContain("localhost");
    expect(deployed).toContain("https://xueji.example.edu.cn/addin/taskpane.html");
    expect(deployed.match(/<Id>(.*)<\/Id>/)?.[1]).toBe(manifest.match(/<Id>(.*)<\/Id>/)?.[1]);
    const result = await validate(deployed);
    expect(result.errors).toEqual([]);
    expect(() => deploymentManifest(manifest, "http://xueji.example.edu.cn")).toThrow();
    expect(() => deploymentManifest(manifest, "https://xueji.example.edu.cn/sub/")).toThrow();
  });
});
