package vn.dvc.hotline.portal;

import java.util.Locale;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import vn.dvc.hotline.catalog.InvalidEntryException;
import vn.dvc.hotline.catalog.NoSuchEntryException;
import vn.dvc.hotline.speech.PromptLibrary;
import vn.dvc.hotline.speech.Region;
import vn.dvc.hotline.speech.SpeechPreview;

/**
 * Lets an editor hear and read what callers will hear for a text before saving it.
 *
 * <p>Thread model: validation on the event loop; the preview's lookups and render run off it
 * ({@link SpeechPreview}); the audio download reads memory.
 */
@Path("/api/v1/speech")
@Tag(name = "Speech")
@RolesAllowed({Roles.ADMIN, Roles.EDITOR})
@SecurityRequirement(name = "jwt")
public class SpeechResource {

    /** A text to preview. */
    @Schema(name = "SpeechPreviewRequest")
    record PreviewRequest(
            @Schema(example = "Lệ phí: 8.000 đồng/bản, trả kết quả trong 03 ngày làm việc.") String text,
            @Schema(example = "vi-vn-x-south", description = "vi, vi-vn-x-central or vi-vn-x-south, optionally with an"
                    + " espeak-ng variant (+f3); default: the service's voice (hotline.tts.voice)") String voice) {
    }

    /** What callers will hear. */
    @Schema(name = "SpeechPreview")
    record PreviewBody(
            @Schema(example = "Lệ phí: tám ngàn đồng mỗi bản, trả kết quả trong ba ngày làm việc.",
                    description = "The words the synthesiser is given, after the normaliser") String spoken,
            @Schema(example = "vi-vn-x-south") String voice,
            @Schema(example = "4120") long durationMs,
            @Schema(description = "Whether the audio was rendered now (false: it existed already)") boolean rendered,
            @Schema(example = "/api/v1/speech/preview/3f2a…/audio",
                    description = "The audio as 8 kHz 16-bit WAV, exactly what a PCMU caller hears; kept for the"
                            + " most recent previews") String audioUrl) {
    }

    private final SpeechPreview previews;
    private final PromptLibrary prompts;

    SpeechResource(SpeechPreview previews, PromptLibrary prompts) {
        this.previews = previews;
        this.prompts = prompts;
    }

    @POST
    @Path("/preview")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Hear and read what callers will hear for a text",
            description = "Normalises the text (numbers, money, dates, codes, abbreviations) as prompts are, and"
                    + " renders it with espeak-ng unless that audio exists already. 400: blank or longer than "
                    + SpeechPreview.MAX_TEXT_CHARS + " characters, or an unknown voice. 503: the audio had to be"
                    + " rendered and espeak-ng is missing, failing or busy (Retry-After).")
    public Uni<PreviewBody> preview(@NotNull PreviewRequest request) {
        String text = request.text();
        if (text == null || text.isBlank()) {
            throw new InvalidEntryException("text", "must not be blank");
        }
        if (text.length() > SpeechPreview.MAX_TEXT_CHARS) {
            throw new InvalidEntryException("text", "must be at most " + SpeechPreview.MAX_TEXT_CHARS
                    + " characters (it has " + text.length() + ")");
        }
        String voice = request.voice() == null || request.voice().isBlank() ? prompts.voice()
                : request.voice().trim().toLowerCase(Locale.ROOT);
        try {
            Region.forVoice(voice);
        } catch (IllegalArgumentException e) {
            throw new InvalidEntryException("voice", "must be " + Region.VOICE_NORTH + ", " + Region.VOICE_CENTRAL
                    + " or " + Region.VOICE_SOUTH + ", optionally with an espeak-ng variant such as +f3");
        }
        if (!voice.matches("[a-z0-9-]+(\\+[a-z0-9]{1,16})?")) {
            throw new InvalidEntryException("voice", "an espeak-ng variant is letters and digits after '+'");
        }
        return previews.preview(text, voice).map(preview -> new PreviewBody(preview.spoken(), preview.voice(),
                preview.durationMs(), preview.rendered(), "/api/v1/speech/preview/" + preview.hash() + "/audio"));
    }

    @GET
    @Path("/preview/{hash}/audio")
    @Produces(PromptResource.AUDIO_WAV)
    @Operation(summary = "The audio of a recent preview, as 8 kHz WAV")
    public Response audio(@PathParam("hash") String hash) {
        byte[] ulaw = previews.audio(hash).orElseThrow(() -> new NoSuchEntryException("preview", hash
                + " (previews are kept for the most recent texts only: POST /api/v1/speech/preview again)"));
        return Response.ok(PromptResource.wavOfUlaw(ulaw), PromptResource.AUDIO_WAV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"preview.wav\"")
                // Named by the hash of its text and voice: the same URL never serves other audio.
                .header(HttpHeaders.CACHE_CONTROL, "private, max-age=86400, immutable")
                .build();
    }
}
