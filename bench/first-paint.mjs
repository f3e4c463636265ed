// `node bench/first-paint.mjs [visits]`: the first contentful paint of a cold visit to
// `/` on a slow phone (2 s round trip, 50 kB/s, CPU 4× slower), measured `visits` times
// (default 7) in the real browser, with the median against the 2.6 s target (issue 12).
// A speed target, so it is a benchmark and not a test: a shared machine's noise moves
// it by a tenth. Needs `npm ci` in tests/browser and Debian's chromium, as the browser
// suite does; uses APP_BIN or the debug binary (`cargo build` first), like the suite.
import { startServer, launchBrowser, slowPhoneFirstPaint } from '../tests/browser/harness.mjs';

const TARGET_MS = 2600;
const visits = Number(process.argv[2] || 7);
const server = await startServer();
const browser = await launchBrowser();
const times = [];
try {
  for (let i = 0; i < visits; i++) {
    const context = await browser.newContext({ viewport: { width: 360, height: 800 } });
    const { atFirstPaint } = await slowPhoneFirstPaint(context, server.base);
    times.push(Math.round(atFirstPaint.fcp));
    await context.close();
  }
} finally {
  await browser.close();
  await server.stop();
}
const sorted = [...times].sort((a, b) => a - b);
const median = sorted[Math.floor(sorted.length / 2)];
console.log(`first contentful paint, cold visit to / on a slow phone, ${visits} visits: ${times.join(', ')} ms`);
console.log(`  ${median <= TARGET_MS ? 'PASS' : 'MISS'}  median ${median} ms (<= ${TARGET_MS} ms); fastest ${sorted[0]}, slowest ${sorted[sorted.length - 1]}`);
