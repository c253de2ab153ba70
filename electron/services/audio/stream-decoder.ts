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
      return wrap((b) => decoder.decode(b), null, () => decoder.free());
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
