import Markdown, { type Components } from 'react-markdown';
import remarkGfm from 'remark-gfm';

const PLUGINS = [remarkGfm];

// Links leave the app for the browser; tables scroll sideways in a narrow panel.
const COMPONENTS: Components = {
  a: ({ href, children }) => (
    <a href={href} target="_blank" rel="noreferrer noopener">
      {children}
    </a>
  ),
  table: ({ children }) => (
    <div className="table-scroll">
      <table className="data-table">{children}</table>
    </div>
  ),
};

/** The coach's Markdown (GitHub flavour: tables, lists, strikethrough). Raw HTML is dropped, never rendered. */
export function MarkdownText({ text, streaming = false }: { text: string; streaming?: boolean }) {
  return (
    <div className={streaming ? 'chat-markdown chat-markdown-streaming' : 'chat-markdown'}>
      <Markdown remarkPlugins={PLUGINS} components={COMPONENTS} skipHtml>
        {text}
      </Markdown>
    </div>
  );
}
