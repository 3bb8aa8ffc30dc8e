// The worked examples of docs/queries.md as a GraphiQL side panel: one click puts an example in
// the editor. They are data (docs/queries/queries.json, the file the docs are written from), served
// by the API server at /graphiql/examples.json and read at run time, not compiled into the page.
import { useEditorContext, type GraphiQLPlugin } from '@graphiql/react';

export interface Example {
  title: string;
  why: string;
  query: string;
}

export async function loadExamples(): Promise<Example[]> {
  const res = await fetch('/graphiql/examples.json');
  return res.ok ? ((await res.json()) as Example[]) : [];
}

let EXAMPLES: Example[] = [];
export function setExamples(list: Example[]): void {
  EXAMPLES = list;
}

/** `?example=3` (1-based, as numbered in docs/queries.md). */
export function exampleFromUrl(search: string): Example | undefined {
  const n = Number(new URLSearchParams(search).get('example'));
  return Number.isInteger(n) && n >= 1 ? EXAMPLES[n - 1] : undefined;
}

function ExamplesPanel() {
  const editors = useEditorContext({ nonNull: true });
  const open = (example: Example, index: number) => {
    editors.queryEditor?.setValue(`# ${example.title}\n${example.query}`);
    const url = new URL(window.location.href);
    url.searchParams.set('example', String(index + 1));
    window.history.replaceState(null, '', url);
  };
  return (
    <div className="bg-examples">
      <div className="graphiql-doc-explorer-title">Examples</div>
      <p>Questions answered in docs/queries.md. Click one to put it in the editor, then run it (Ctrl-Enter).</p>
      <ol>
        {EXAMPLES.map((example, i) => (
          <li key={i}>
            <button type="button" className="bg-example" data-example={i + 1} title={example.why} onClick={() => open(example, i)}>
              {example.title}
            </button>
          </li>
        ))}
      </ol>
    </div>
  );
}

function ExamplesIcon() {
  return (
    <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true">
      <path d="M4 5h16M4 12h16M4 19h10" stroke="currentColor" strokeWidth="1.5" fill="none" strokeLinecap="round" />
    </svg>
  );
}

export const examplesPlugin: GraphiQLPlugin = { title: 'Examples', icon: ExamplesIcon, content: ExamplesPanel };
