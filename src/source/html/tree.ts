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

/** The line of the page a node starts on (1 when the parser made it up: an implied <tbody>). */
const LINE = Symbol('line');
type Lined = { [LINE]?: number };

export const lineOf = (node: Node): number => (node as Lined)[LINE] ?? 1;

/** The page's element tree; throws HtmlTooLargeError past the element cap. */
export function parseHtmlTree(html: string, file: string): DefaultTreeAdapterTypes.Document {
  let elements = 0;
  let line = 1;
  const adapter: TreeAdapter<DefaultTreeAdapterMap> = {
    ...defaultTreeAdapter,
    createElement(tagName, namespaceURI, attrs) {
      if (++elements > HTML_CAPS.elements) throw new HtmlTooLargeError(file, line, 'elements', `the page builds more than ${HTML_CAPS.elements.toLocaleString('en-US')} elements`);
      return defaultTreeAdapter.createElement(tagName, namespaceURI, attrs);
    },
    setNodeSourceCodeLocation(node, location) {
      if (!location) return;
      line = location.startLine;
      (node as Lined)[LINE] = location.startLine;
    },
    updateNodeSourceCodeLocation() {
      // The end tag's place is not needed: a node is named by the line it starts on.
    },
  };
  return parse(html, { treeAdapter: adapter, sourceCodeLocationInfo: true, scriptingEnabled: false });
}

export const isElement = (node: Node): node is Element => 'tagName' in node;

export const attr = (el: Element, name: string): string | undefined => el.attrs.find((a) => a.name === name)?.value;
