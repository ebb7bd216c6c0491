import { h, signal } from '../panel/jsx.ts'
import type { AttachmentStrings } from '../i18n/index.ts'
import type { Box } from './boxes.ts'
import { boxBetween, paint } from './boxes.ts'

export interface EditorProps {
  shot: HTMLCanvasElement
  strings: AttachmentStrings
  /** The picture as it will be sent: cropped, its hidden parts black. */
  onDone: (picture: HTMLCanvasElement) => void
  onCancel: () => void
}

/**
 * The screenshot before it goes: drag over a part to black it out, or, after "Crop", over the
 * part to keep. Two clicks make a box too (WCAG 2.5.7: no dragging needed). Made once per
 * screenshot; its boxes live here and are painted straight onto the canvas.
 */
export function createEditor() {
  const boxes = signal<Box[]>([])
  const cropping = signal(false)
  let canvas: HTMLCanvasElement | null = null
  let start: { x: number; y: number } | undefined
  let props: EditorProps | undefined

  /** A pointer's place in the screenshot's own pixels (the canvas is shown smaller), kept inside it. */
  function at(event: PointerEvent): { x: number; y: number } {
    const rect = (event.currentTarget as HTMLCanvasElement).getBoundingClientRect()
    const { width = 0, height = 0 } = props?.shot ?? {}
    const scale = width / rect.width
    const inside = (value: number, max: number) => Math.min(max, Math.max(0, value))
    return { x: inside((event.clientX - rect.left) * scale, width), y: inside((event.clientY - rect.top) * scale, height) }
  }
  const repaint = (extra: Box[] = []) => canvas && props && paint(canvas, props.shot, [...boxes.value, ...extra], false)
  const keep = (element: HTMLCanvasElement | null) => {
    canvas = element
    repaint()
  }

  function onPointerDown(event: PointerEvent) {
    // A drag that leaves the picture still ends on it, at its edge.
    ;(event.currentTarget as HTMLCanvasElement).setPointerCapture(event.pointerId)
    start ??= at(event)
  }
  function onPointerMove(event: PointerEvent) {
    if (start) repaint([boxBetween(start, at(event), cropping.value)])
  }
  function onPointerUp(event: PointerEvent) {
    if (!start) return
    const box = boxBetween(start, at(event), cropping.value)
    // A click without a drag is a first corner: the next click is the other.
    if (box.w < 4 && box.h < 4) return
    start = undefined
    boxes.value = [...boxes.value, box]
    cropping.value = false
  }

  return function Editor(next: EditorProps) {
    props = next
    const { strings } = next
    repaint()
    function done() {
      const picture = document.createElement('canvas')
      paint(picture, next.shot, boxes.value, true)
      next.onDone(picture)
    }
    return (
      <div class="editor">
        <p class="hint" id="triage-hide-hint">
          {strings.hideHint}
        </p>
        <canvas ref={keep} data-testid="triage-shot" aria-describedby="triage-hide-hint" onPointerDown={onPointerDown} onPointerMove={onPointerMove} onPointerUp={onPointerUp} />
        <div class="row">
          <button type="button" aria-pressed={!cropping.value} onClick={() => (cropping.value = false)}>
            {strings.hide}
          </button>
          <button type="button" aria-pressed={cropping.value} onClick={() => (cropping.value = true)}>
            {strings.crop}
          </button>
          <button type="button" onClick={() => (boxes.value = boxes.value.slice(0, -1))} aria-disabled={!boxes.value.length}>
            {strings.undo}
          </button>
        </div>
        <div class="actions">
          <button type="button" onClick={next.onCancel}>
            {strings.cancel}
          </button>
          <button type="button" class="primary" data-testid="triage-use-shot" onClick={done}>
            {strings.useScreenshot}
          </button>
        </div>
      </div>
    )
  }
}
