package vn.dvc.hotline.portal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.pgclient.PgException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.UriInfo;
import vn.dvc.hotline.catalog.ConflictingEntryException;
import vn.dvc.hotline.catalog.InvalidEntryException;
import vn.dvc.hotline.catalog.NoSuchEntryException;
import vn.dvc.hotline.catalog.Violation;

/**
 * Turns every failure of the REST API into {@code application/problem+json}: field-level messages for bad input,
 * the right status for the rest, and never a stack trace or a class name on the wire.
 */
public class ProblemResponses {

    static final String INVALID_INPUT = "urn:dvc-hotline:problem:invalid-input";
    static final String NOT_FOUND = "urn:dvc-hotline:problem:not-found";
    static final String CONFLICT = "urn:dvc-hotline:problem:conflict";
    private static final Logger LOG = Logger.getLogger(ProblemResponses.class);

    @ServerExceptionMapper
    public Response invalidBeans(ConstraintViolationException e, UriInfo uri) {
        List<Violation> violations = new ArrayList<>();
        for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
            violations.add(new Violation(fieldOf(violation.getPropertyPath()), violation.getMessage()));
        }
        violations.sort(Comparator.comparing(Violation::field));
        return invalid(violations, uri);
    }

    @ServerExceptionMapper
    public Response invalidEntry(InvalidEntryException e, UriInfo uri) {
        return invalid(e.violations(), uri);
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        String field = "body";
        String message = "is not valid JSON";
        if (e instanceof UnrecognizedPropertyException unknown) {
            field = pathOf(unknown);
            message = "is not a known property";
        } else if (e instanceof InvalidFormatException format) {
            field = pathOf(format);
            message = format.getTargetType() != null && format.getTargetType().isEnum()
                    ? "must be one of " + Arrays.toString(format.getTargetType().getEnumConstants())
                    : "has the wrong format (" + String.valueOf(format.getValue()) + ")";
        } else if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            field = pathOf(mapping);
            message = "has the wrong type";
        }
        return invalid(List.of(new Violation(field, message)), uri);
    }

    /** Quarkus maps this Jackson failure itself (400, empty body); ours names the field instead. */
    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e, UriInfo uri) {
        return unreadableJson(e, uri);
    }

    @ServerExceptionMapper
    public Response unreadablePatch(JsonMergePatch.InvalidJsonException e, UriInfo uri) {
        return unreadableJson((JsonProcessingException) e.getCause(), uri);
    }

    @ServerExceptionMapper
    public Response noSuchEntry(NoSuchEntryException e, UriInfo uri) {
        return Problem.of(Status.NOT_FOUND, NOT_FOUND, e.getMessage()).at(uri.getPath()).response().build();
    }

    @ServerExceptionMapper
    public Response conflict(ConflictingEntryException e, UriInfo uri) {
        return Problem.of(Status.CONFLICT, CONFLICT, e.getMessage()).at(uri.getPath()).response().build();
    }

    @ServerExceptionMapper
    public Response optimisticLock(OptimisticLockException e, UriInfo uri) {
        return Problem.of(Status.CONFLICT, CONFLICT, "The entry was changed by someone else meanwhile; read it and retry")
                .at(uri.getPath()).response().build();
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return unauthenticated(uri);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        return unauthenticated(uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return Problem.of(Status.FORBIDDEN, "about:blank", "Your token's groups do not allow this")
                .at(uri.getPath()).response().build();
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e, UriInfo uri) {
        Response original = e.getResponse();
        Status status = Status.fromStatusCode(original.getStatus());
        String title = status == null ? "Error" : status.getReasonPhrase();
        String detail = switch (original.getStatus()) {
            case 400 -> "The request could not be read (is the body well-formed JSON?)";
            case 404 -> "No such resource";
            case 405 -> "Method not allowed on this resource";
            case 406 -> "Only application/json is produced";
            case 415 -> "Send application/json";
            case 413 -> "Request body too large";
            default -> title;
        };
        Response.ResponseBuilder builder = Response.status(original.getStatus()).type(Problem.PROBLEM_JSON)
                .entity(new Problem("about:blank", title, original.getStatus(), detail, uri.getPath(), null));
        for (String header : List.of(HttpHeaders.ALLOW, HttpHeaders.RETRY_AFTER, HttpHeaders.WWW_AUTHENTICATE)) {
            if (original.getHeaderString(header) != null) {
                builder.header(header, original.getHeaderString(header));
            }
        }
        return builder.build();
    }

    /** Database rules that the services did not catch first, e.g. a concurrent duplicate or a referenced row. */
    @ServerExceptionMapper(priority = 5000)
    public Response unexpected(Throwable e, UriInfo uri) {
        String sqlState = sqlStateOf(e);
        if ("23505".equals(sqlState)) {
            return Problem.of(Status.CONFLICT, CONFLICT, "An entry with the same unique value already exists")
                    .at(uri.getPath()).response().build();
        }
        if ("23503".equals(sqlState)) {
            return Problem.of(Status.CONFLICT, CONFLICT,
                    "Other entries refer to this one (or it refers to a missing one); change those first")
                    .at(uri.getPath()).response().build();
        }
        LOG.errorf(e, "Unexpected failure on %s", uri.getPath());
        return Problem.of(Status.INTERNAL_SERVER_ERROR, "about:blank", "An unexpected error occurred; it has been logged")
                .at(uri.getPath()).response().build();
    }

    /**
     * The SQL state of a database failure (Hibernate's constraint exception shares its simple name with Bean
     * Validation's, hence the qualified name) anywhere in the cause chain: unique 23505, foreign key 23503.
     */
    private static String sqlStateOf(Throwable e) {
        for (Throwable cause = e; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof PgException pg) {
                return pg.getSqlState();
            }
            if (cause instanceof org.hibernate.exception.ConstraintViolationException violation) {
                return switch (violation.getKind()) {
                    case UNIQUE -> "23505";
                    case FOREIGN_KEY -> "23503";
                    default -> violation.getSQLState();
                };
            }
        }
        return null;
    }

    private static Response unauthenticated(UriInfo uri) {
        return Problem.of(Status.UNAUTHORIZED, "about:blank", "A valid bearer token is required")
                .at(uri.getPath()).response().header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    private static Response invalid(List<Violation> violations, UriInfo uri) {
        String detail = violations.isEmpty() ? "Invalid input"
                : violations.stream().map(v -> v.field() + ": " + v.message()).reduce((a, b) -> a + "; " + b).get();
        return new Problem(INVALID_INPUT, "Invalid input", 400, detail, uri.getPath(), violations).response().build();
    }

    /** "create.body.documents[0].name" → "documents[0].name": the path the client wrote, not the method's. */
    private static String fieldOf(Path path) {
        List<String> parts = new ArrayList<>();
        String parameter = null;
        for (Path.Node node : path) {
            ElementKind kind = node.getKind();
            if (kind == ElementKind.PARAMETER) {
                parameter = node.getName();
                continue;
            }
            if (kind == ElementKind.METHOD || kind == ElementKind.RETURN_VALUE || kind == ElementKind.CROSS_PARAMETER) {
                continue;
            }
            if (node.isInIterable() && !parts.isEmpty()) {
                Object position = node.getIndex() != null ? node.getIndex() : node.getKey();
                parts.set(parts.size() - 1, parts.get(parts.size() - 1) + "[" + position + "]");
            }
            if (node.getName() != null && !node.getName().startsWith("<")) {
                parts.add(node.getName());
            }
        }
        if (!parts.isEmpty()) {
            return String.join(".", parts);
        }
        return parameter == null ? "body" : parameter;
    }

    private static String pathOf(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.length() == 0 ? "body" : path.toString();
    }
}
