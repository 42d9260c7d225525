import type { TFunction } from "i18next";
import type { Reference } from "../../api/reference";

/**
 * A stored value as the reader reads it, on the screen and on the printed notice: a status code by its
 * name (enrolled → 在读), a major or college by its name; never the code on paper that gets stamped.
 */
export function valueLabelOf(t: TFunction, reference: Reference | undefined) {
  return (field: string, value: unknown): string => {
    if (value === null || value === undefined || value === "") return "—";
    if (field === "status") return t(`studentStatus.${String(value)}`, { defaultValue: String(value) });
    if (field === "majorId") return reference?.majors.find((m) => m.id === Number(value))?.name ?? String(value);
    if (field === "collegeId") return reference?.colleges.find((c) => c.id === Number(value))?.name ?? String(value);
    if (field === "gender") return t(`gender.${String(value)}`, { defaultValue: String(value) });
    return String(value);
  };
}
