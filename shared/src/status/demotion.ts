/**
 * 降级 (docs/domain.md §4; seed 004 二.2 学生因成绩原因降级): the student joins a later grade and the
 * expected graduation moves by the same number of years. One rule for the preview the registrar reads
 * before taking a 留级 to 降级（学业原因） and for the change executed at the end of the workflow.
 */
export function demotedRecord(
  record: { grade: number; expectedGraduationDate: string },
  newGrade: number = record.grade + 1,
): { grade: number; expectedGraduationDate: string } {
  const years = newGrade - record.grade;
  const date = record.expectedGraduationDate;
  return { grade: newGrade, expectedGraduationDate: `${Number(date.slice(0, 4)) + years}${date.slice(4)}` };
}
