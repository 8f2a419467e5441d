package vn.dvc.hotline.portal;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import vn.dvc.hotline.catalog.CatalogScripts;
import vn.dvc.hotline.catalog.InvalidEntryException;
import vn.dvc.hotline.catalog.NoSuchEntryException;
import vn.dvc.hotline.media.EncodedClip;
import vn.dvc.hotline.media.Law;
import vn.dvc.hotline.media.PcmAudio;
import vn.dvc.hotline.media.WavWriter;
import vn.dvc.hotline.speech.NoSuchPromptException;
import vn.dvc.hotline.speech.PromptLibrary;

/**
 * The prompts' audio, exactly as calls play it, and staff recordings that replace speech synthesis. Staff only, except
 * the catalogue's audio ({@code procedure.{code}…}, {@code agency.{code}}): the same public data as
 * {@code GET /api/v1/procedures/{code}} and {@code /agencies/{code}}, spoken, which the portal's public pages play.
 *
 * <p>Thread model: listing and downloads read the {@link PromptLibrary}'s in-memory clips on the event loop (a copy
 * of at most a few hundred kilobytes); an upload is decoded and resampled on the library's preparation thread.
 */
@Path("/api/v1/prompts")
@Tag(name = "Prompts")
public class PromptResource {

    /** RFC 2046: 8 kHz mono µ-law, which is exactly what a PCMU call plays. */
    static final String AUDIO_BASIC = "audio/basic";
    /** The customary name for raw 8 kHz A-law (no registered type exists). */
    static final String AUDIO_ALAW = "audio/x-alaw-basic";
    static final String AUDIO_WAV = "audio/wav";

    private final PromptLibrary library;
    private final CurrentIdentityAssociation identities;

    PromptResource(PromptLibrary library, CurrentIdentityAssociation identities) {
        this.library = library;
        this.identities = identities;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.EDITOR})
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "Every prompt: its text, where its audio came from, and whether the audio is current")
    public List<PromptBody> list() {
        return library.list().stream().map(PromptBody::of).toList();
    }

    @GET
    @Path("/{key}/audio")
    @PermitAll
    @Throttled
    @Produces({AUDIO_WAV, AUDIO_BASIC, AUDIO_ALAW})
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "The audio calls play for this prompt",
            description = "ulaw and alaw: the raw G.711 bytes sent in RTP to PCMU and PCMA calls (8 kHz, 20 ms frames,"
                    + " the last padded with silence). wav: the same µ-law audio decoded to 16-bit PCM at 8 kHz,"
                    + " which every browser plays and which is sample for sample what a PCMU caller hears."
                    + " The catalogue's prompts (procedure.{code}: the spoken summary, procedure.{code}.documents,"
                    + " procedure.{code}.where, agency.{code}) are public, like GET /api/v1/procedures/{code} and"
                    + " /agencies/{code}: the same data, spoken, for the portal's public pages; 404 for an unknown"
                    + " code, 503 with Retry-After while a new or edited entry's audio is being rendered. Every other"
                    + " prompt needs a staff token (hotline-admin, hotline-editor).")
    public Uni<Response> audio(@PathParam("key") String key,
            @Parameter(description = "ulaw, alaw or wav") @QueryParam("format") @DefaultValue("wav") String format,
            @Context UriInfo uri) {
        if (CatalogScripts.isCatalogueKey(key)) {
            return Uni.createFrom().item(() -> catalogueAudio(key, format, uri));
        }
        // Checked here rather than by annotation: one path serves public and staff prompts.
        return identities.getDeferredIdentity().map(identity -> {
            if (identity.isAnonymous()) {
                throw new UnauthorizedException();
            }
            if (!identity.hasRole(Roles.ADMIN) && !identity.hasRole(Roles.EDITOR)) {
                throw new ForbiddenException();
            }
            if (library.info(key).isEmpty()) {
                throw new NoSuchPromptException(key);
            }
            return encoded(key, library.clip(key).orElseThrow(() -> new NoAudioException(key)), format);
        });
    }

    /** Catalogue audio: 404 for an unknown code, 503 while a new or edited entry's audio is being rendered. */
    private Response catalogueAudio(String key, String format, UriInfo uri) {
        boolean procedure = key.startsWith(CatalogScripts.PROCEDURE_PREFIX);
        String what = procedure ? "procedure" : "agency";
        String code = key.substring(procedure ? CatalogScripts.PROCEDURE_PREFIX.length()
                : CatalogScripts.AGENCY_PREFIX.length());
        if (library.info(key).isEmpty()) {
            throw new NoSuchEntryException(what, code);
        }
        Optional<EncodedClip> clip = library.clip(key);
        if (clip.isEmpty()) {
            return Problem.of(Response.Status.SERVICE_UNAVAILABLE, "about:blank", "The audio of " + what + " " + code
                    + " is being prepared; try again in a few seconds").at(uri.getPath()).response()
                    .header(HttpHeaders.RETRY_AFTER, "5").build();
        }
        return encoded(key, clip.get(), format);
    }

    private static Response encoded(String key, EncodedClip clip, String format) {
        Law law = null;
        String type;
        switch (format.toLowerCase(Locale.ROOT)) {
            case "ulaw" -> {
                law = Law.PCMU;
                type = AUDIO_BASIC;
            }
            case "alaw" -> {
                law = Law.PCMA;
                type = AUDIO_ALAW;
            }
            case "wav" -> type = AUDIO_WAV;
            default -> throw new InvalidEntryException("format", "must be ulaw, alaw or wav");
        }
        byte[] bytes = law != null ? clip.toByteArray(law) : wavOf(clip);
        String extension = law == null ? "wav" : law == Law.PCMU ? "ulaw" : "alaw";
        return Response.ok(bytes, type)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + key + "." + extension + "\"")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .build();
    }

    @PUT
    @Path("/{key}/audio")
    @RolesAllowed({Roles.ADMIN, Roles.EDITOR})
    @SecurityRequirement(name = "jwt")
    @Consumes({AUDIO_WAV, "audio/x-wav", "audio/wave", "audio/vnd.wave"})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Use a recording instead of speech synthesis",
            description = "A WAV file: PCM 8/16-bit, A-law or µ-law, any rate and channel count (mixed to mono and"
                    + " resampled to 8 kHz), at most 5 minutes; the request body limit is"
                    + " quarkus.http.limits.max-body-size. The recording plays until an editor changes the prompt's"
                    + " text, which brings back speech synthesis.")
    public Uni<PromptBody> upload(@PathParam("key") String key, byte[] wav) {
        return library.upload(key, wav).map(PromptBody::of);
    }

    /** µ-law decodes exactly to 16-bit PCM, so this WAV is what a PCMU caller hears, playable anywhere. */
    private static byte[] wavOf(EncodedClip clip) {
        return wavOfUlaw(clip.toByteArray(Law.PCMU));
    }

    static byte[] wavOfUlaw(byte[] ulaw) {
        short[] samples = new short[ulaw.length];
        for (int i = 0; i < ulaw.length; i++) {
            samples[i] = Law.PCMU.decode(ulaw[i]);
        }
        return WavWriter.writePcm16(new PcmAudio(samples, Law.CLOCK_RATE));
    }

    /** The prompt exists but has no audio yet (espeak-ng missing and nothing stored or shipped for it). */
    static final class NoAudioException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        NoAudioException(String key) {
            super("Prompt '" + key + "' has no audio yet: its text could not be rendered (see the 'speech' health"
                    + " check); upload a recording or install espeak-ng");
        }
    }
}
