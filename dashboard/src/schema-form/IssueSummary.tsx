import { Link, MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { useForm } from "./form-context";
import { type FieldIssue, fieldId, type JsonSchema, type Path } from "./schema";
import { fill } from "./strings";

/** The titles along a path, as the reader knows the fields: 学期预警档次 › 第 1 行 › 起点. */
export function labelOfPath(schema: JsonSchema, path: Path, rowWord: string): string {
  const names: string[] = [];
  let node: JsonSchema | undefined = schema;
  for (const step of path) {
    if (typeof step === "number") {
      names.push(fill(rowWord, { n: step + 1 }));
      node = node?.items;
      continue;
    }
    const union: JsonSchema[] | undefined = node?.oneOf ?? node?.anyOf;
    const owner: JsonSchema | undefined = node?.properties?.[step] ? node : union?.find((b) => b.properties?.[step]);
    node = owner?.properties?.[step];
    names.push(node?.title ?? step);
  }
  return names.join(" › ");
}

/** Every problem at the top of the form, each a link to its field, so none is missed below the fold. */
export function IssueSummary({ schema, issues }: { schema: JsonSchema; issues: readonly FieldIssue[] }) {
  const form = useForm();
  if (issues.length === 0) return null;
  const focus = (path: Path) => {
    // The field itself, or the nearest enclosing one that is on the page.
    for (let n = path.length; n >= 0; n--) {
      const element = document.getElementById(fieldId(form.idPrefix, path.slice(0, n)));
      if (element) {
        element.focus();
        element.scrollIntoView?.({ block: "center" });
        return;
      }
    }
  };
  return (
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{fill(form.strings.issues, { n: issues.length })}</MessageBarTitle>
        <ul>
          {issues.map((issue) => (
            <li key={`${issue.path.join(".")}:${issue.message}`}>
              <Link as="button" onClick={() => focus(issue.path)}>
                {labelOfPath(schema, issue.path, form.strings.row) || "—"}
              </Link>
              ：{issue.message}
            </li>
          ))}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}
