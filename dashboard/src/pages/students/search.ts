import { int, str } from "../../url/search-values";

export interface StudentsSearch {
  q?: string;
  collegeId?: number;
  /** Narrowing filters a count elsewhere links with (学籍统计, 注册): the students behind the number. */
  majorId?: number;
  grade?: number;
  status?: string;
  /** The student whose card is open. */
  open?: string;
}

export function readStudentsSearch(s: Record<string, unknown>): StudentsSearch {
  return {
    q: str(s.q),
    collegeId: int(s.collegeId),
    majorId: int(s.majorId),
    grade: int(s.grade),
    status: str(s.status),
    open: str(s.open),
  };
}
