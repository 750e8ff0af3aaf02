// Helpers for tests that look at a PDF drawn by pdf.js in the app, and wait for conditions the app's test ids cannot show.
import assert from 'node:assert/strict';

/** How many clearly dark pixels the PDF canvas shows (0 when nothing was drawn). */
export const inkOnCanvas = (app) =>
  app.session.execute(
    `const canvas = document.querySelector('[data-testid="pdf-canvas"]');
     if (!canvas || canvas.width === 0) return 0;
     const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
     let dark = 0;
     for (let i = 0; i < data.length; i += 4) if (data[i + 3] > 0 && data[i] + data[i + 1] + data[i + 2] < 300) dark += 1;
     return dark;`,
  );

/** Polls `check` until it returns something truthy (and returns it), failing after `timeout` ms. */
export async function until(what, check, timeout = 20000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}
