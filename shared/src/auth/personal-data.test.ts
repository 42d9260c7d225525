import { describe, expect, it } from "vitest";
import { maskAddress, maskPersonalData, maskPhone } from "./personal-data";

// 联系电话 and 家庭住址 are personal data, masked like ID numbers.
describe("personal data is masked like ID numbers", () => {
  it("masks phone numbers and addresses, keeping enough to recognise them", () => {
    expect(maskPhone("13812345678")).toBe("138****5678");
    expect(maskPhone("0731-8456789")).toBe("0731-***6789");
    expect(maskAddress("湖南省长沙市岳麓区麓山南路932号")).toBe("湖南省长沙市****");
  });

  it("masks for the roles that see ID numbers masked, and only for them", () => {
    const row = {
      name: "张三",
      idNumber: { id: "430103200405011234", kind: "resident" },
      phone: "13812345678",
      address: "湖南省长沙市岳麓区",
    };
    expect(maskPersonalData(row, "secretary")).toBe(row);
    expect(maskPersonalData(row, "college-leader")).toEqual({
      name: "张三",
      idNumber: { id: "430103********1234", kind: "resident" },
      phone: "138****5678",
      address: "湖南省长沙市****",
    });
  });
});
