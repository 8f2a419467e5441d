/**
 * Speech for the hotline: turning Vietnamese text into what a caller should hear.
 *
 * <p>{@link vn.dvc.hotline.speech.VietnameseTextNormalizer} rewrites free text (numbers, dates,
 * money, phone numbers, codes, abbreviations) into words before synthesis;
 * {@link vn.dvc.hotline.speech.SpokenForms} gives the same spoken forms for typed values;
 * {@link vn.dvc.hotline.speech.Region} holds the regional conventions and maps espeak-ng voices to
 * them. Everything here is pure computation: no I/O, no shared mutable state, safe on any thread
 * including an event loop.
 */
package vn.dvc.hotline.speech;
