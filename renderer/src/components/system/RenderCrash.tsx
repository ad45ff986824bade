/** Throws while rendering, on purpose: the "raise a renderer error" test tool. */
export function RenderCrash(): never {
  throw new Error('Test render error raised in the renderer (monitoring check)');
}
