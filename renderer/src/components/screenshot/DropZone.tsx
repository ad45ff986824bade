/** Shown over the tools while files are dragged over the window: where a broker screenshot can be let go. */
export function DropZone() {
  return (
    <div className="drop-zone" data-testid="drop-zone" aria-hidden="true">
      <div className="drop-zone-box">
        <strong>Drop a broker screenshot</strong>
        <span>PNG, JPEG or WebP, up to 10 MB: the positions are read and shown to you before the coach sees them</span>
      </div>
    </div>
  );
}
