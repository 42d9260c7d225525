import { z } from "zod";
import { MATERIALS, type Material } from "../workflows/materials";

/** The materials an application carries (keys of `MATERIALS`): the database's CHECK holds the same list. */
export const materialsSchema = z.array(z.enum(Object.keys(MATERIALS) as [Material, ...Material[]]));

/** What an application changes when executed, field → new value (专业 id, 年级 …; the workflow's `changes` name them). */
export const changesSchema = z.record(z.string(), z.union([z.string(), z.number()]));
