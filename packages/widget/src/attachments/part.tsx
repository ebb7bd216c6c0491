import { h, signal } from '../panel/jsx.ts'
import { addStyles } from '../core/host.ts'
import { fill } from '../i18n/index.ts'
import type { AttachmentsPart } from '../panel/attachments-type.ts'
import { acceptTypes, accepts } from './accept.ts'
import { captureTab } from './capture.ts'
import { createEditor } from './editor.tsx'
import css from './attachments.css?raw'

const thumbWidth = 64
const thumbHeight = 48

/** Draws a picture's thumbnail on a canvas: no `blob:` URL, so a page's strict `img-src` does not matter. */
const thumbnails = new WeakMap<File, (canvas: HTMLCanvasElement | null) => void>()
function thumbnail(file: File): (canvas: HTMLCanvasElement | null) => void {
  let draw = thumbnails.get(file)
  if (!draw) {
    draw = (canvas) =>
      void (
        canvas &&
        createImageBitmap(file).then(
          (bitmap) => {
            const scale = Math.min(thumbWidth / bitmap.width, thumbHeight / bitmap.height)
            canvas.getContext('2d')?.drawImage(bitmap, 0, 0, bitmap.width * scale, bitmap.height * scale)
          },
          () => {},
        )
      )
    thumbnails.set(file, draw)
  }
  return draw
}

/**
 * The attachments' part of "Check and send", made once per widget: "Add a screenshot" (the tab,
 * then the editor to crop it and hide parts), "Attach a file" (or paste one), and the files going
 * with the report as thumbnails, each with its remove button. The files live in the panel's state
 * (`state.files`), which sends them with the report.
 */
export function createAttachmentsPart(): AttachmentsPart {
  const shot = signal<HTMLCanvasElement | null>(null)
  /** The words of what went wrong last (a refused file, no screenshot), or nothing. */
  const problem = signal('')
  let Editor = createEditor()
  let styled = false
  // Stable refs: Preact calls a new function on every render, these only when the element comes.
  const style = (element: HTMLElement | null) => {
    if (element && !styled) addStyles(element.getRootNode() as ShadowRoot, css)
    styled = true
  }
  const focus = (element: HTMLElement | null) => element?.focus()

  return function Attachments({ state, strings }) {
    function add(files: File[]) {
      const kept = [...state.files.value]
      for (const file of files) {
        if (accepts(kept, file)) kept.push(file)
        else problem.value = fill(strings.notAccepted, { name: file.name })
      }
      state.files.value = kept
    }
    async function screenshot() {
      problem.value = ''
      try {
        Editor = createEditor()
        shot.value = await captureTab()
      } catch {
        problem.value = strings.screenshotFailed
      }
    }
    function useShot(picture: HTMLCanvasElement) {
      picture.toBlob((blob) => blob && add([new File([blob], `screenshot-${new Date().toISOString().slice(0, 19).replaceAll(':', '-')}.png`, { type: 'image/png' })]), 'image/png')
      shot.value = null
    }

    const editing = shot.value
    return (
      <section
        ref={style}
        class="attachments"
        data-testid="triage-attachments"
        aria-labelledby="triage-attachments-title"
        onPaste={(event) => add([...(event.clipboardData?.files ?? [])])}
      >
        <h4 id="triage-attachments-title">{strings.attachmentsTitle}</h4>
        {editing ? (
          <Editor shot={editing} strings={strings} onDone={useShot} onCancel={() => (shot.value = null)} />
        ) : (
          <div>
            <p class="hint" id="triage-screenshot-hint">
              {strings.screenshotHint}
            </p>
            <div class="row">
              <button type="button" ref={focus} data-testid="triage-screenshot" aria-describedby="triage-screenshot-hint" onClick={() => void screenshot()}>
                {strings.screenshot}
              </button>
              <label class="file">
                <input
                  type="file"
                  multiple
                  accept={acceptTypes}
                  data-testid="triage-file"
                  onChange={(event) => (add([...(event.currentTarget.files ?? [])]), (event.currentTarget.value = ''))}
                />
                {strings.attachFile}
              </label>
            </div>
          </div>
        )}
        <p class="error" aria-live="polite">
          {problem.value}
        </p>
        <ul class="files">
          {state.files.value.map((file) => (
            <li key={file.name + file.size} data-testid="triage-attached">
              {/* biome-ignore lint/a11y/noAriaHiddenOnFocusable: a canvas without tabindex is not focusable; the thumbnail repeats the name beside it */}
              {file.type.startsWith('image/') ? <canvas ref={thumbnail(file)} width={thumbWidth} height={thumbHeight} aria-hidden="true" /> : null}
              <span>{file.name}</span>
              <button type="button" aria-label={fill(strings.remove, { name: file.name })} onClick={() => (state.files.value = state.files.value.filter((kept) => kept !== file))}>
                ×
              </button>
            </li>
          ))}
        </ul>
      </section>
    )
  }
}
