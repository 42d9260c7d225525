import { SaxesParser } from "saxes";

/** One element of a small XML message, by namespace and local name. */
export interface XmlElement {
  uri: string;
  local: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  /** The element's own text (CDATA included), trimmed. */
  text: string;
}

/**
 * Reads a small XML message (a CAS answer, a single sign-out request) into a tree, or null when it is
 * not well-formed XML. A DOCTYPE is refused, as for workbook parts (files/xml-events.ts): no portal
 * sends one, and it is how entities would be smuggled in.
 */
export function parseXmlTree(xml: string): XmlElement | null {
  const parser = new SaxesParser({ xmlns: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  let failed = false;
  parser.on("doctype", () => {
    failed = true;
  });
  parser.on("error", () => {
    failed = true;
  });
  parser.on("opentag", (tag) => {
    const attributes: Record<string, string> = {};
    for (const attribute of Object.values(tag.attributes)) attributes[attribute.local] = attribute.value;
    const element: XmlElement = { uri: tag.uri, local: tag.local, attributes, children: [], text: "" };
    const parent = stack.at(-1);
    if (parent) parent.children.push(element);
    else root ??= element;
    stack.push(element);
  });
  parser.on("closetag", () => {
    const element = stack.pop();
    if (element) element.text = element.text.trim();
  });
  const addText = (text: string) => {
    const current = stack.at(-1);
    if (current) current.text += text;
  };
  parser.on("text", addText);
  parser.on("cdata", addText);
  try {
    parser.write(xml).close();
  } catch {
    return null;
  }
  return failed ? null : root;
}

export function child(element: XmlElement, uri: string, local: string): XmlElement | undefined {
  return element.children.find((c) => c.uri === uri && c.local === local);
}
