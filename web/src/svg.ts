// One SVG element with its attributes (and text), for the flow and years drawings.
const SVG = 'http://www.w3.org/2000/svg';

export function svgEl(name: string, attrs: Record<string, string | number>, text?: string): SVGElement {
  const e = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  return e;
}
