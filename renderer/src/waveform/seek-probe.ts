/**
 * Measures, in the page, how far playback lands from where a seek asked: plays from
 * each seek time, records what the media element outputs (MediaElementAudioSourceNode
 * into a ScriptProcessor: no module to load, so the CSP allows it), and compares the
 * delay to the next burst of the test signal (a quiet 440 Hz tone with a loud 2 kHz
 * burst at every k + 0.5 s; see electron/services/audio/test-audio.ts) with the true one.
 * Used by the seek-accuracy UI test and `npm run bench -- seek`; passed to page.evaluate.
 */
export async function measureSeekErrors([src, seeks, playMs]: [string, number[], number]): Promise<number[]> {
  const a = new Audio(src);
  a.preload = 'auto';
  await new Promise((resolve, reject) => {
    a.onloadedmetadata = resolve;
    a.onerror = () => reject(new Error(`cannot load: ${a.error?.message}`));
  });
  const ctx = new AudioContext();
  const source = ctx.createMediaElementSource(a);
  const recorder = ctx.createScriptProcessor(1024, 1, 1);
  const samples: number[] = [];
  let recording = false;
  recorder.onaudioprocess = (e) => { if (recording) for (const x of e.inputBuffer.getChannelData(0)) samples.push(x); };
  source.connect(recorder);
  recorder.connect(ctx.destination);
  const errors: number[] = [];
  for (const t of seeks) {
    a.currentTime = t;
    await new Promise((resolve) => { a.onseeked = resolve; });
    // Let the graph drain what the previous play left in its buffers.
    await new Promise((resolve) => setTimeout(resolve, 400));
    samples.length = 0;
    recording = true;
    await a.play();
    await new Promise((resolve) => setTimeout(resolve, playMs));
    a.pause();
    recording = false;
    const start = samples.findIndex((x) => Math.abs(x) > 0.005);
    let burst = -1;
    for (let i = Math.max(0, start); i < samples.length; i++) if (Math.abs(samples[i]!) > 0.4) { burst = i; break; }
    const expected = Math.ceil(t - 0.5) + 0.5 - t;
    errors.push(start < 0 || burst < 0 ? NaN : ((burst - start) / ctx.sampleRate - expected) * 1000);
  }
  await ctx.close();
  return errors;
}
