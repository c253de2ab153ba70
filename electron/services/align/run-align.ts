/**
 * One alignment run: the synthesizer program speaks the cues while the recording is
 * decoded into features (in a thread of its own when the caller gives a script for it,
 * else in this one), this thread turning the synthesized speech into features as it
 * arrives; then the aligner (shared/align/aligner.ts) places the cues. Used by the
 * align worker (the app), the CLI and the bench.
 */
import { align, type AlignedUnit, type AnchorKind } from '../../../shared/align/aligner';
import { spokenWords } from '../../../shared/align/words';
import type { AlignStage } from '../../../shared/ipc/align-contract';
import { decodeFeatures, decodeFeaturesInWorker, type DecodeFeaturesOptions, type DecodeWorkerScript } from './decode-features';
import { synthesize } from './synthesizer';

export interface RunAlignInput {
  audioPath: string;
  /** Raw cue texts (WebVTT markup allowed) and the start time the source gave, if any. */
  cues: { text: string; anchor: number | null }[];
  anchorKind: AnchorKind;
  /** Only this part of the recording (Align selection), seconds. */
  window?: { from: number; to: number };
  signal?: AbortSignal;
  onProgress?(stage: AlignStage, share: number): void;
  synthesizerProgram?: string;
  /**
   * A script to decode the recording in a thread of its own (one that calls
   * serveDecodeFeatures when started with a DecodeFeaturesRequest); this thread decodes
   * when absent.
   */
  decodeWorker?: DecodeWorkerScript;
}

export interface RunAlignResult {
  units: (AlignedUnit & { tokens: string[] })[];
  audioSeconds: number;
}

/** Shares of the whole run by stage, for one progress figure (measured on the bench). */
const DECODE_SHARE = 0.6;

export async function runAlign(input: RunAlignInput): Promise<RunAlignResult> {
  const words = input.cues.map((c) => spokenWords(c.text));
  let decoded = 0;
  let synthesized = 0;
  const report = () => input.onProgress?.(decoded < 1 ? 'decoding' : 'synthesizing', DECODE_SHARE * Math.min(decoded, synthesized));
  const decodeOptions: DecodeFeaturesOptions = {
    ...(input.window ?? {}),
    ...(input.signal ? { signal: input.signal } : {}),
    onProgress: (share) => ((decoded = share), report()),
  };
  const [ref, syn] = await Promise.all([
    input.decodeWorker ? decodeFeaturesInWorker(input.decodeWorker, input.audioPath, decodeOptions) : decodeFeatures(input.audioPath, decodeOptions),
    synthesize(words, {
      ...(input.signal ? { signal: input.signal } : {}),
      ...(input.synthesizerProgram ? { program: input.synthesizerProgram } : {}),
      onProgress: (share) => ((synthesized = share), report()),
    }),
  ]);
  const units = align({
    ref,
    syn: syn.signal,
    units: syn.units,
    anchors: input.cues.map((c) => c.anchor),
    anchorKind: input.anchorKind,
    tick: (share) => {
      input.signal?.throwIfAborted();
      input.onProgress?.('aligning', DECODE_SHARE + (1 - DECODE_SHARE) * share);
    },
  });
  return { units: units.map((u, k) => ({ ...u, tokens: words[k]!.tokens })), audioSeconds: ref.seconds };
}
