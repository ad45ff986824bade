import { useContext } from 'react';
import { ScreenshotContext, type ScreenshotFlow } from '../state/screenshot-context';

/** The screenshot reading flow from the nearest <ScreenshotProvider>. */
export function useScreenshot(): ScreenshotFlow {
  const flow = useContext(ScreenshotContext);
  if (!flow) throw new Error('useScreenshot must be used inside <ScreenshotProvider>');
  return flow;
}
