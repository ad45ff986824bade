import Markdown, { type Components } from 'react-markdown';
import remarkGfm from 'remark-gfm';

interface MdNode {
  type: string;
  value?: string;
  children?: MdNode[];
}

/**
 * Raw HTML in an answer is shown as the text it is, never rendered: a model writing
 * `greeks on SPX <strike>c` means the words, and dropping the "tag" would lose them.
 */
export function remarkHtmlAsText() {
  const walk = (node: MdNode): void => {
    if (node.type === 'html') node.type = 'text';
    node.children?.forEach(walk);
  };
  return walk;
}

const PLUGINS = [remarkGfm, remarkHtmlAsText];

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

/** The coach's Markdown (GitHub flavour: tables, lists, strikethrough). Raw HTML shows as text, never rendered. */
export function MarkdownText({ text, streaming = false }: { text: string; streaming?: boolean }) {
  return (
    <div className={streaming ? 'chat-markdown chat-markdown-streaming' : 'chat-markdown'}>
      <Markdown remarkPlugins={PLUGINS} components={COMPONENTS}>
        {text}
      </Markdown>
    </div>
  );
}
