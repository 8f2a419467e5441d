package vn.dvc.hotline.portal;

import java.util.ArrayList;
import java.util.List;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.UriInfo;
import vn.dvc.hotline.catalog.Violation;
import vn.dvc.hotline.ivr.InvalidMenuException;
import vn.dvc.hotline.ivr.MenuViolation;
import vn.dvc.hotline.speech.InvalidRecordingException;
import vn.dvc.hotline.speech.NoSuchPromptException;
import vn.dvc.hotline.speech.SynthesisException;

/**
 * Problem answers for the menu and prompt API, in the same shape as {@link ProblemResponses}: an invalid menu lists
 * every broken rule with the field at fault, as the client wrote it.
 */
public class IvrProblemResponses {

    /**
     * PUT of the whole menu: {@code nodes[i].field} for the i-th submitted node, {@code nodes} for menu-wide rules.
     * PATCH of one node: the bare field for that node; other nodes the patch breaks (a MENU turned into a MESSAGE
     * strands its children) as {@code nodes[i].field}, i in the order GET lists them, with their key in the message.
     */
    @ServerExceptionMapper
    public Response invalidMenu(InvalidMenuException e, UriInfo uri) {
        String patchedKey = uri.getPathParameters().getFirst("key");
        List<Violation> errors = new ArrayList<>();
        for (MenuViolation violation : e.violations()) {
            if (violation.isMenuWide()) {
                errors.add(new Violation("nodes", violation.message()));
            } else if (patchedKey != null && patchedKey.equals(violation.nodeKey())) {
                errors.add(new Violation(violation.field(), violation.message()));
            } else if (patchedKey != null) {
                errors.add(new Violation("nodes[" + violation.nodeIndex() + "]." + violation.field(),
                        "node '" + violation.nodeKey() + "': " + violation.message()));
            } else {
                errors.add(new Violation("nodes[" + violation.nodeIndex() + "]." + violation.field(),
                        violation.message()));
            }
        }
        return invalid(errors, uri);
    }

    @ServerExceptionMapper
    public Response invalidRecording(InvalidRecordingException e, UriInfo uri) {
        return invalid(List.of(new Violation("body", e.getMessage())), uri);
    }

    @ServerExceptionMapper
    public Response noSuchPrompt(NoSuchPromptException e, UriInfo uri) {
        return Problem.of(Status.NOT_FOUND, ProblemResponses.NOT_FOUND, e.getMessage()).at(uri.getPath()).response()
                .build();
    }

    @ServerExceptionMapper
    public Response noAudio(PromptResource.NoAudioException e, UriInfo uri) {
        return Problem.of(Status.NOT_FOUND, ProblemResponses.NOT_FOUND, e.getMessage()).at(uri.getPath()).response()
                .build();
    }

    /** A text had to be rendered and could not be: espeak-ng missing, failing or too busy. Not the client's fault. */
    @ServerExceptionMapper
    public Response synthesisFailed(SynthesisException e, UriInfo uri) {
        return Problem.of(Status.SERVICE_UNAVAILABLE, "about:blank", "Speech could not be rendered: " + e.getMessage())
                .at(uri.getPath()).response().header(HttpHeaders.RETRY_AFTER, "10").build();
    }

    private static Response invalid(List<Violation> errors, UriInfo uri) {
        StringBuilder detail = new StringBuilder();
        for (Violation error : errors) {
            if (detail.length() > 0) {
                detail.append("; ");
            }
            detail.append(error.field()).append(": ").append(error.message());
        }
        return new Problem(ProblemResponses.INVALID_INPUT, "Invalid input", 400, detail.toString(), uri.getPath(),
                errors).response().build();
    }
}
