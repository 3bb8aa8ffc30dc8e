// The query editor at /graphiql: GraphiQL bundled from npm (no CDN, works offline), pointed at
// this server's /graphql, with the worked examples of docs/queries.md one click away.
import { createRoot } from 'react-dom/client';
import { GraphiQL } from 'graphiql';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import 'graphiql/style.css';
import './graphiql.css';
import { examplesPlugin, exampleFromUrl, loadExamples, setExamples } from './examples';

const fetcher = createGraphiQLFetcher({ url: new URL('/graphql', window.location.href).toString() });
const examples = await loadExamples();
setExamples(examples);
const chosen = exampleFromUrl(window.location.search);
const first = examples[0];

const root = document.getElementById('graphiql');
if (!root) throw new Error('graphiql.html lacks #graphiql');
createRoot(root).render(
  <GraphiQL
    fetcher={fetcher}
    plugins={[examplesPlugin]}
    // An example named in the URL (?example=N) opens in the editor; otherwise the first.
    query={chosen?.query}
    defaultQuery={first ? `# ${first.title}\n${first.query}` : '{ health { ok } }'}
    defaultEditorToolsVisibility={false}
  />,
);
