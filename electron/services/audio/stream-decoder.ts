/**
 * One interface over the streaming decoders: feed the file's bytes in order, get PCM
 * chunks back. Nothing keeps the decoded audio: each chunk goes to the peak accumulator
 * and is dropped, so memory stays flat however long the file is.
 *
 * MP3 uses mpg123 (WASM) with gapless on: it reads the LAME/Xing header and trims the
 * encoder delay and padding, so sample 0 of its output is sample 0 of what was encoded
 * (the click-track tests prove it), which keeps peaks and cue times on one time base.
 *
 * Each decoder is imported only when a file needs it: their WASM is inlined in the
 * modules (the Opus one carries a speech-enhancement model), and loading all of them
 * delayed the first peaks by over a second.
 */
import type { AudioFormat } from './audio-format';
import { WavDecoder } from './wav-decoder';

export interface DecodedChunk {
  channelData: Float32Array[];
  samples: number;
  sampleRate: number;
}

export interface StreamDecoder {
  decode(bytes: Uint8Array): Promise<DecodedChunk | null>;
  /**
   * Where the decoder allows it (MP3): decodes `bytes` and hands each decoded block to
   * `each` as views into the decoder's own memory, valid only during the call. For a
   * consumer that folds the PCM and drops it (the peaks), this skips the copies `decode`
   * makes: every block sliced out of the WASM heap, then all of them concatenated.
   */
  decodeEach?(bytes: Uint8Array, each: (chunk: DecodedChunk) => void): void;
  /** Returns what the decoder still holds once the input has ended. */
  flush(): Promise<DecodedChunk | null>;
  free(): void;
}

interface WasmDecoded {
  channelData: Float32Array[];
  samplesDecoded: number;
  sampleRate: number;
}

export interface StreamDecoderOptions {
  /**
   * MP3: trim encoder delay and padding (default). Off for a part decoded from the
   * middle of a file, whose samples are then placed by the caller (see mp3-layout.ts).
   */
  gapless?: boolean;
}

export async function createStreamDecoder(format: AudioFormat, options: StreamDecoderOptions = {}): Promise<StreamDecoder> {
  switch (format) {
    case 'wav':
      return new WavDecoder();
    case 'mp3': {
      const { MPEGDecoder } = await import('mpg123-decoder');
      const decoder = new MPEGDecoder({ enableGapless: options.gapless ?? true });
      await decoder.ready;
      const wrapped = wrap((b) => decoder.decode(b), null, () => decoder.free());
      const each = mpg123DecodeEach(decoder);
      return each ? { ...wrapped, decodeEach: each } : wrapped;
    }
    case 'flac': {
      const { FLACDecoder } = await import('@wasm-audio-decoders/flac');
      const decoder = new FLACDecoder();
      await decoder.ready;
      return wrap((b) => decoder.decode(b), () => decoder.flush(), () => decoder.free());
    }
    case 'ogg-vorbis': {
      const { OggVorbisDecoder } = await import('@wasm-audio-decoders/ogg-vorbis');
      const decoder = new OggVorbisDecoder();
      await decoder.ready;
      return wrap((b) => decoder.decode(b), () => decoder.flush(), () => decoder.free());
    }
    case 'ogg-opus': {
      const { OggOpusDecoder } = await import('ogg-opus-decoder');
      const decoder = new OggOpusDecoder();
      await decoder.ready;
      return wrap((b) => decoder.decode(b), () => decoder.flush(), () => decoder.free());
    }
    case 'mp4':
      throw new Error('M4A/AAC waveforms are not supported yet; convert the audio to MP3, WAV, FLAC or Ogg');
    default:
      throw new Error('unrecognised audio format (MP3, WAV, FLAC, Ogg Vorbis and Ogg Opus are supported)');
  }
}

function wrap(
  decode: (bytes: Uint8Array) => WasmDecoded | Promise<WasmDecoded>,
  flush: (() => Promise<WasmDecoded>) | null,
  free: () => void,
): StreamDecoder {
  const toChunk = (d: WasmDecoded): DecodedChunk | null =>
    d.samplesDecoded > 0 ? { channelData: d.channelData, samples: d.samplesDecoded, sampleRate: d.sampleRate } : null;
  return {
    decode: async (bytes) => toChunk(await decode(bytes)),
    flush: async () => (flush ? toChunk(await flush()) : null),
    free,
  };
}

/** The parts of mpg123-decoder 1.0.x's MPEGDecoder that its `decode` drives (not its public API). */
interface Mpg123Internals {
  _common?: { wasm?: { mpeg_decoder_feed?(d: number, input: number, length: number): number; mpeg_decoder_read?(d: number, output: number, length: number, samples: number, rate: number, error: number): number } };
  _decoder?: number;
  _input?: { buf: Uint8Array; ptr: number; len: number };
  _output?: { buf: Float32Array; ptr: number; len: number };
  _samplesDecodedPtr?: { buf: Uint32Array; ptr: number };
  _sampleRatePtr?: { buf: Uint32Array; ptr: number };
  _errorStringPtr?: { ptr: number };
}

const MPG123_NEED_MORE = -10;
const MPG123_NEW_FORMAT = -11;

/**
 * `decodeEach` for mpg123-decoder: the loop its `decode` runs (feed the input buffer,
 * read until it needs more), handing out views of the output buffer instead of copies.
 * Null when the installed version's internals differ (then `decode` is used).
 */
function mpg123DecodeEach(decoder: object): StreamDecoder['decodeEach'] | null {
  const m = decoder as Mpg123Internals;
  const wasm = m._common?.wasm;
  const { _input: input, _output: output, _samplesDecodedPtr: samples, _sampleRatePtr: rate, _errorStringPtr: error, _decoder: handle } = m;
  if (!wasm?.mpeg_decoder_feed || !wasm.mpeg_decoder_read || !input || !output || !samples || !rate || !error || handle === undefined) return null;
  const feed = wasm.mpeg_decoder_feed.bind(wasm);
  const read = wasm.mpeg_decoder_read.bind(wasm);
  return (bytes, each) => {
    for (let offset = 0; offset < bytes.length; offset += input.len) {
      const part = bytes.subarray(offset, offset + input.len);
      input.buf.set(part);
      if (feed(handle, input.ptr, part.length) === MPG123_NEED_MORE) continue;
      for (let errors = 0; ;) {
        samples.buf[0] = 0;
        const code = read(handle, output.ptr, output.len, samples.ptr, rate.ptr, error.ptr);
        const n = samples.buf[0]!;
        // Planar: channel 0, then channel 1 (mpg123 always gives two).
        if (n > 0) each({ channelData: [output.buf.subarray(0, n), output.buf.subarray(n, 2 * n)], samples: n, sampleRate: rate.buf[0]! });
        if (code === MPG123_NEW_FORMAT || code === 0) continue;
        if (code === MPG123_NEED_MORE) break;
        // A damaged frame: mpg123 skips it and resyncs, as in `decode` (which logs it);
        // a run of errors without end means the input is not MP3 any more.
        if (++errors > 64) break;
      }
    }
  };
}
