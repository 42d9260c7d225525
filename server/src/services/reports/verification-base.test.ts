import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeWorld, type World } from "../../../test/world";
import { TEST_ENGINES } from "../../db/test-database";
import { verificationBase } from "./verification-base";

describe("where a paper says it can be checked", () => {
  it("takes the configured public address, and believes a request's origin only on loopback", () => {
    expect(verificationBase("https://xueji.example.edu.cn/", "https://evil.example")).toBe("https://xueji.example.edu.cn");
    expect(verificationBase(undefined, "http://localhost:3000")).toBe("http://localhost:3000");
    expect(verificationBase(undefined, "http://127.0.0.1:3000")).toBe("http://127.0.0.1:3000");
    expect(() => verificationBase(undefined, "https://evil.example")).toThrow("document.public-url-missing");
    expect(() => verificationBase(undefined, "http://localhost.evil.example")).toThrow("document.public-url-missing");
  });
});

describe.each(TEST_ENGINES)("a 在读证明 requested with a forged Host on %s", (engine) => {
  let w: World;
  let http: { base: string; close: () => void };
  beforeAll(async () => {
    w = await makeWorld(engine);
    await w.insertStudents([{ studentNo: "2024016001", name: "甲", collegeId: w.collegeA, majorId: w.majorA, grade: 2024 }]);
    http = await w.serve();
  }, 60_000);
  afterAll(async () => {
    http.close();
    await w.database.close();
  });

  /** `reports.issueDocument` over HTTP with the Host header the sender chose (fetch would not let us set it). */
  function issue(host: string): Promise<{ status: number; body: string }> {
    const url = new URL(`${http.base}/api/trpc/reports.issueDocument`);
    const body = JSON.stringify({ studentNo: "2024016001", kind: "enrolment" });
    return new Promise((resolve, reject) => {
      const req = request(
        url,
        {
          method: "POST",
          headers: { host, "content-type": "application/json", authorization: `Bearer ${w.tokens.get("secretary-a")}` },
        },
        (res) => {
          let text = "";
          res.setEncoding("utf8");
          res.on("data", (chunk: string) => {
            text += chunk;
          });
          res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text }));
        },
      );
      req.on("error", reject);
      req.end(body);
    });
  }

  it("is refused in the issuer's words, and numbers nothing, when no public address is configured", async () => {
    const forged = await issue("evil.example");
    expect(forged.status).toBe(412);
    expect(forged.body).toContain("未配置公开访问地址");
    expect(forged.body).not.toContain("evil.example/verify");
    const local = await issue(new URL(http.base).host);
    expect(local.status).toBe(200);
    expect(local.body).toContain(`${http.base}/verify/`);
    expect(local.body).toContain("ZD2026000001"); // the refused request used no number
  });
});
