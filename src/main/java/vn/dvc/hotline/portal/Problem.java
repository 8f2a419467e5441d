package vn.dvc.hotline.portal;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import vn.dvc.hotline.catalog.Violation;

/** An error answer in the form of RFC 9457 ({@code application/problem+json}), with field-level messages. */
@Schema(name = "Problem", description = "RFC 9457 problem details")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
        @Schema(example = "urn:dvc-hotline:problem:invalid-input") String type,
        @Schema(example = "Invalid input") String title,
        @Schema(example = "400") int status,
        @Schema(example = "name: must not be blank") String detail,
        @Schema(example = "/api/v1/procedures") String instance,
        List<Violation> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final MediaType PROBLEM_JSON = MediaType.valueOf(MEDIA_TYPE);

    static Problem of(Response.Status status, String type, String detail) {
        return new Problem(type, status.getReasonPhrase(), status.getStatusCode(), detail, null, null);
    }

    Problem at(String path) {
        return new Problem(type, title, status, detail, path, errors);
    }

    Response.ResponseBuilder response() {
        return Response.status(status).type(PROBLEM_JSON).entity(this);
    }
}
