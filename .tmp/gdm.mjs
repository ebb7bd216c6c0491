import { chromium } from 'playwright-core'
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', '--auto-accept-this-tab-capture'] })
const page = await browser.newPage()
await page.route('http://127.0.0.1:9/', (r) => r.fulfill({ contentType: 'text/html', body: '<button id=b>go</button><div style="background:red;width:400px;height:300px">hello</div>' })); await page.goto('http://127.0.0.1:9/')
await page.evaluate(() => { document.getElementById('b').onclick = async () => { try { const s = await navigator.mediaDevices.getDisplayMedia({ video: true, preferCurrentTab: true }); const v = document.createElement('video'); v.muted = true; v.srcObject = s; await v.play(); const c = document.createElement('canvas'); c.width = v.videoWidth; c.height = v.videoHeight; const x = c.getContext('2d'); x.drawImage(v, 0, 0); const d = x.getImageData(0, 0, c.width, c.height).data; let nonblack = 0; for (let i = 0; i < d.length; i += 4) if (d[i] + d[i+1] + d[i+2] > 30) nonblack++; window.result = { w: c.width, h: c.height, nonblack, label: s.getVideoTracks()[0].label, px: [...d.slice(0, 8)] } } catch (e) { window.result = String(e) } } })
await page.click('#b')
await page.waitForFunction(() => window.result, null, { timeout: 15000 })
console.log(await page.evaluate(() => window.result))
await browser.close()
