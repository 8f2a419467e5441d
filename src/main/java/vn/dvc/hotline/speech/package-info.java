/**
 * Speech for the hotline: turning Vietnamese text into what a caller should hear.
 *
 * <p>Text: {@link vn.dvc.hotline.speech.VietnameseTextNormalizer} rewrites free text (numbers, dates,
 * money, phone numbers, codes, abbreviations) into words before synthesis;
 * {@link vn.dvc.hotline.speech.SpokenForms} gives the same spoken forms for typed values;
 * {@link vn.dvc.hotline.speech.Region} holds the regional conventions and maps espeak-ng voices to
 * them. These are pure computation: no I/O, no shared mutable state, safe on any thread including an
 * event loop.
 *
 * <p>Audio: {@link vn.dvc.hotline.speech.SpeechSynthesizer} is the synthesiser SPI and
 * {@link vn.dvc.hotline.speech.EspeakSynthesizer} runs espeak-ng processes on a bounded pool of its
 * own threads; {@link vn.dvc.hotline.speech.PromptLibrary} holds every prompt's encoded audio for the
 * call path (lock-free reads) and prepares it on one dedicated thread: from the {@code prompt} table,
 * from the audio shipped in {@code prompts/shipped/} (made by {@code tools/render-prompts.sh}), from
 * the disk cache, or by rendering, keyed by the voice and the normalised text;
 * {@link vn.dvc.hotline.speech.SpeechPreview} lets editors hear a text before saving it. Configuration:
 * {@link vn.dvc.hotline.speech.TtsConfig} ({@code hotline.tts.*}). The catalogue's spoken texts are written in
 * {@code catalog.CatalogScripts} and kept in step by {@code catalog.CatalogPrompts}.
 */
package vn.dvc.hotline.speech;
