import type { FieldProps } from "./field-props";
import { EnumArrayField, ItemListField, LinesField } from "./ListFields";
import { ObjectField } from "./ObjectField";
import { BooleanField, EnumField, NumberField, StringField } from "./ScalarField";
import { discriminatorOf, type JsonSchema } from "./schema";
import { TableField } from "./TableField";
import { JsonField, UnionField } from "./UnionField";

const PRIMITIVE = new Set(["string", "number", "integer"]);

/** A union of one primitive type (a date or the word "today") is edited as that type, unconstrained. */
function samePrimitive(branches: JsonSchema[]): JsonSchema | undefined {
  const type = branches[0]?.type;
  if (type && PRIMITIVE.has(type) && branches.every((b) => b.type === type)) return { type };
  return undefined;
}

/** Chooses the editor for a schema node: the whole form is this function applied down the schema. */
export function SchemaField(props: FieldProps) {
  const { schema } = props;
  if (schema.enum) return <EnumField {...props} />;
  const union = schema.oneOf ?? schema.anyOf;
  if (union) {
    if (discriminatorOf(union)) return <UnionField {...props} branches={union} />;
    const primitive = samePrimitive(union);
    if (primitive) return <SchemaField {...props} schema={{ ...primitive, title: schema.title }} />;
    return <JsonField {...props} />;
  }
  switch (schema.type) {
    case "object":
      return schema.properties ? <ObjectField {...props} /> : <JsonField {...props} />;
    case "array": {
      const items = schema.items ?? {};
      if (items.enum) return <EnumArrayField {...props} />;
      if (items.type && PRIMITIVE.has(items.type) && !items.oneOf && !items.anyOf) return <LinesField {...props} />;
      if (items.type === "object" && items.properties) return <TableField {...props} />;
      return <ItemListField {...props} />;
    }
    case "string":
      return <StringField {...props} />;
    case "number":
    case "integer":
      return <NumberField {...props} />;
    case "boolean":
      return <BooleanField {...props} />;
    default:
      return <JsonField {...props} />;
  }
}
