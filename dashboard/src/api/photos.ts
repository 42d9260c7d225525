import type { RouterOutputs } from "./client";
import { apiMutation, apiQuery } from "./query";

export type PhotoImportReport = RouterOutputs["students"]["importPhotos"];
export type PhotoProblemOut = Extract<PhotoImportReport["entries"][number], { result: "refused" }>["problems"][number];

export const studentPhotoQuery = (studentNo: string) => apiQuery("students", "photo", { studentNo });
export const uploadPhoto = apiMutation("students", "uploadPhoto");
export const importPhotos = apiMutation("students", "importPhotos");
