// A page's text → its element tree, as a browser builds it: parse5 follows the HTML standard's
// tree construction, so an unclosed <td> or <p>, a <tr> without <tbody>, stray end tags and
// misnested inline markup (what office suites and old content systems publish) give the table a
// browser shows. Costs are capped while the tree is built (caps.ts): each element is counted as
// it is created, and each node keeps only the line it starts on (parse5's full location objects
// would double the tree), so a refusal names its line.
import { defaultTreeAdapter, parse, type DefaultTreeAdapterMap, type TreeAdapter } from 'parse5';
import type { DefaultTreeAdapterTypes } from 'parse5';
import { HTML_CAPS, HtmlTooLargeError } from './caps.js';

export type Element = DefaultTreeAdapterTypes.Element;
export type Node = DefaultTreeAdapterTypes.Node;
export type ParentNode = DefaultTreeAdapterTypes.ParentNode;

/** The line of the page each node starts on (1 when the parser made it up: an implied <tbody>). */
const LINES = new WeakMap<object, number>();

export const lineOf = (node: object): number => LINES.get(node) ?? 1;

/** How deep each node was when it was put in the tree (the document is 0). */
const DEPTHS = new WeakMap<object, number>();

/**
 * The page's element tree; throws HtmlTooLargeError past the element or the depth cap. A page
 * with more tags than twice the element cap (each element has a start and an end tag) is refused
 * before it is parsed, in one pass over its characters; nesting is refused as the tree is built.
 */
export function parseHtmlTree(html: string, file: string): DefaultTreeAdapterTypes.Document {
  let tags = 0;
  let tagLine = 1;
  for (let i = 0; i < html.length; i++) {
    const c = html.charCodeAt(i);
    if (c === 10) tagLine++;
    else if (c === 60 && ++tags > 2 * HTML_CAPS.elements) throw new HtmlTooLargeError(file, tagLine, 'elements', `the page has more than ${(2 * HTML_CAPS.elements).toLocaleString('en-US')} tags`);
  }
  let elements = 0;
  let line = 1;
  const placed = (parent: object, child: object) => {
    const depth = (DEPTHS.get(parent) ?? 0) + 1;
    if (depth > HTML_CAPS.depth) throw new HtmlTooLargeError(file, line, 'depth', `its elements nest more than ${HTML_CAPS.depth} deep`);
    DEPTHS.set(child, depth);
  };
  const adapter: TreeAdapter<DefaultTreeAdapterMap> = {
    ...defaultTreeAdapter,
    appendChild(parent, child) {
      placed(parent, child);
      defaultTreeAdapter.appendChild(parent, child);
    },
    insertBefore(parent, child, reference) {
      placed(parent, child);
      defaultTreeAdapter.insertBefore(parent, child, reference);
    },
    createElement(tagName, namespaceURI, attrs) {
      if (++elements > HTML_CAPS.elements) throw new HtmlTooLargeError(file, line, 'elements', `the page builds more than ${HTML_CAPS.elements.toLocaleString('en-US')} elements`);
      return defaultTreeAdapter.createElement(tagName, namespaceURI, attrs);
    },
    setNodeSourceCodeLocation(node, location) {
      if (!location) return;
      line = location.startLine;
      LINES.set(node, location.startLine);
    },
    updateNodeSourceCodeLocation() {
      // The end tag's place is not needed: a node is named by the line it starts on.
    },
  };
  return parse(html, { treeAdapter: adapter, sourceCodeLocationInfo: true, scriptingEnabled: false });
}

export const isElement = (node: Node): node is Element => 'tagName' in node;

export const attr = (el: Element, name: string): string | undefined => el.attrs.find((a) => a.name === name)?.value;
