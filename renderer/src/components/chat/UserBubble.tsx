/** What the user asked, as they typed it (line breaks kept, no Markdown). */
export function UserBubble({ text }: { text: string }) {
  return (
    <article className="chat-message chat-message-user" data-testid="chat-message" data-role="user" aria-label="You">
      <p className="chat-user-text">{text}</p>
    </article>
  );
}
