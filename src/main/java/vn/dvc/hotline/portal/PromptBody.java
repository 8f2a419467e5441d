package vn.dvc.hotline.portal;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import vn.dvc.hotline.speech.PromptInfo;
import vn.dvc.hotline.speech.PromptSource;

/** One prompt as the staff API lists it. */
@Schema(name = "Prompt")
record PromptBody(
        @Schema(example = "hours", description = "A menu node's key, or a system.* key") String key,
        @Schema(description = "What the prompt should say") String text,
        @Schema(example = "vi-vn-x-south") String voice,
        @Schema(description = "Where the audio in use came from; null while there is none") PromptSource source,
        @Schema(example = "6240") Integer durationMs,
        OffsetDateTime updatedAt,
        @Schema(description = "Whether the audio says the current text (false while an edit could not be rendered)")
        boolean audioCurrent,
        @Schema(example = "/api/v1/prompts/hours/audio") String audioUrl) {

    static PromptBody of(PromptInfo info) {
        return new PromptBody(info.key(), info.text(), info.voice(), info.source(), info.durationMs(),
                info.updatedAt(), info.audioCurrent(), "/api/v1/prompts/" + info.key() + "/audio");
    }
}
