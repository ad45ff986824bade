/**
 * Web mode's screen capture: the browser's own picker (`getDisplayMedia`), one frame drawn into a
 * canvas, the tracks stopped at once (the browser's "sharing" indicator goes away), a PNG blob.
 * Resolves undefined when the user closes the picker without choosing.
 */
export async function captureDisplayFrame(): Promise<Blob | undefined> {
  const media = navigator.mediaDevices as MediaDevices | undefined;
  if (!media?.getDisplayMedia) throw new Error('This browser cannot capture the screen: save a screenshot and drop it here instead');
  let stream: MediaStream;
  try {
    stream = await media.getDisplayMedia({ video: true, audio: false });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'NotAllowedError') return undefined;
    throw error;
  }
  try {
    const video = document.createElement('video');
    video.muted = true;
    video.srcObject = stream;
    await video.play();
    // The first frame can be black until one is decoded.
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    const canvas = document.createElement('canvas');
    canvas.width = video.videoWidth;
    canvas.height = video.videoHeight;
    canvas.getContext('2d')?.drawImage(video, 0, 0);
    video.srcObject = null;
    return await new Promise<Blob | undefined>((resolve) => canvas.toBlob((blob) => resolve(blob ?? undefined), 'image/png'));
  } finally {
    for (const track of stream.getTracks()) track.stop();
  }
}
