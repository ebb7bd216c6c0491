/**
 * One picture of the current tab, taken with the browser's own screen sharing: the browser asks
 * the reporter what to share (this tab first, where it can) and shows that it is sharing; the
 * stream stops as soon as one frame is drawn. Rejects when the reporter refuses or the browser
 * cannot share (no `getDisplayMedia`, e.g. on phones).
 * @see https://w3c.github.io/mediacapture-screen-share/#dom-mediadevices-getdisplaymedia
 */
export async function captureTab(): Promise<HTMLCanvasElement> {
  // preferCurrentTab and selfBrowserSurface are Chromium's; other browsers ignore them.
  const stream = await navigator.mediaDevices.getDisplayMedia({ video: true, audio: false, preferCurrentTab: true, selfBrowserSurface: 'include' } as DisplayMediaStreamOptions)
  try {
    const video = document.createElement('video')
    video.muted = true
    video.srcObject = stream
    await video.play()
    // Playing is not yet a picture: wait for the first frame, with its size (a busy machine can
    // start a stream before its first frame arrives). A stream that never gives one fails.
    await new Promise((resolve, reject) => {
      setTimeout(() => reject(new Error('Triage: the shared screen sent no picture')), 10_000)
      if (video.videoWidth) resolve(undefined)
      else video.addEventListener('resize', resolve, { once: true })
    })
    const canvas = document.createElement('canvas')
    canvas.width = video.videoWidth
    canvas.height = video.videoHeight
    canvas.getContext('2d')?.drawImage(video, 0, 0)
    return canvas
  } finally {
    for (const track of stream.getTracks()) track.stop()
  }
}
