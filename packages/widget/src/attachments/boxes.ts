/** A rectangle dragged over a screenshot, in the screenshot's own pixels: a part to black out, or the part to keep (`crop`). */
export interface Box {
  x: number
  y: number
  w: number
  h: number
  crop: boolean
}

/** The box between two corners, whichever way it was dragged. */
export const boxBetween = (a: { x: number; y: number }, b: { x: number; y: number }, crop: boolean): Box => ({
  x: Math.min(a.x, b.x),
  y: Math.min(a.y, b.y),
  w: Math.abs(a.x - b.x),
  h: Math.abs(a.y - b.y),
  crop,
})

/**
 * Paints the screenshot with its hidden parts in solid black. `cut` keeps only the last crop box
 * (the picture that is sent); without it the crop box is outlined over the whole picture (the editor).
 * What is hidden is painted over the pixels themselves, so no part of it leaves the page.
 */
export function paint(canvas: HTMLCanvasElement, shot: HTMLCanvasElement, boxes: readonly Box[], cut: boolean): void {
  const crop = (cut && boxes.filter((box) => box.crop).at(-1)) || { x: 0, y: 0, w: shot.width, h: shot.height }
  canvas.width = Math.round(crop.w)
  canvas.height = Math.round(crop.h)
  const context = canvas.getContext('2d')
  if (!context) return
  context.drawImage(shot, -Math.round(crop.x), -Math.round(crop.y))
  context.fillStyle = '#000'
  context.strokeStyle = '#fff'
  context.lineWidth = Math.max(2, shot.width / 300)
  for (const box of boxes) {
    const args = [Math.round(box.x - crop.x), Math.round(box.y - crop.y), Math.round(box.w), Math.round(box.h)] as const
    if (!box.crop) context.fillRect(...args)
    else if (!cut) context.strokeRect(...args)
  }
}
