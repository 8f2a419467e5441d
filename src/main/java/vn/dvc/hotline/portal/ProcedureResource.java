package vn.dvc.hotline.portal;

import java.util.Locale;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.JsonNode;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import vn.dvc.hotline.catalog.InvalidEntryException;
import vn.dvc.hotline.catalog.OnTheSpot;
import vn.dvc.hotline.catalog.ProcedureCatalog;
import vn.dvc.hotline.catalog.ProcedureQuery;

/** Administrative procedures: public search and detail; staff writes. */
@Path("/api/v1/procedures")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Procedures")
public class ProcedureResource {

    private final ProcedureCatalog catalog;
    private final JsonMergePatch mergePatch;

    ProcedureResource(ProcedureCatalog catalog, JsonMergePatch mergePatch) {
        this.catalog = catalog;
        this.mergePatch = mergePatch;
    }

    @GET
    @PermitAll
    @Throttled
    @Operation(summary = "Search procedures",
            description = "Ignores case and Vietnamese diacritics (\"dang ky khai sinh\" finds \"Đăng ký khai sinh\"),"
                    + " matches the words in any order, best match first.")
    public Uni<PageBody<ProcedureBody>> search(
            @Parameter(example = "dang ky khai sinh") @QueryParam("q") String q,
            @Parameter(example = "HO_TICH") @QueryParam("field") String field,
            @QueryParam("agency") String agency,
            @Parameter(description = "NONE, FOUR or FIVE") @QueryParam("onTheSpot") String onTheSpot,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100_000) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return catalog.search(new ProcedureQuery(q, field, agency, parseOnTheSpot(onTheSpot), page, size))
                .map(result -> new PageBody<>(result.items().stream().map(ProcedureMapping::toBody).toList(),
                        result.total(), result.page(), result.size()));
    }

    @GET
    @Path("/{code}")
    @PermitAll
    @Throttled
    @Operation(summary = "Everything a citizen needs to know about one procedure")
    public Uni<ProcedureBody> get(@Parameter(example = "1.001193") @PathParam("code") String code) {
        return catalog.get(code).map(ProcedureMapping::toBody);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.EDITOR})
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "Create a procedure (409 if the code exists)")
    public Uni<Response> create(@NotNull @Valid ProcedureBody body, UriInfo uri) {
        return catalog.create(ProcedureMapping.toEntity(body)).map(saved -> Response
                .created(uri.getAbsolutePathBuilder().path(saved.code).build())
                .entity(ProcedureMapping.toBody(saved)).build());
    }

    @PUT
    @Path("/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.EDITOR})
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "Replace a procedure, or create it with this code")
    public Uni<Response> put(@PathParam("code") String code, @NotNull @Valid ProcedureBody body) {
        PathAndBody.requireSameCode(code, body.code());
        return catalog.put(ProcedureMapping.toEntity(body)).map(saved -> Response
                .status(saved.created() ? Response.Status.CREATED : Response.Status.OK)
                .entity(ProcedureMapping.toBody(saved.entry())).build());
    }

    @PATCH
    @Path("/{code}")
    @Consumes({JsonMergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @RolesAllowed({Roles.ADMIN, Roles.EDITOR})
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "Change some fields of a procedure (JSON merge patch, RFC 7396)")
    public Uni<ProcedureBody> patch(@PathParam("code") String code, @NotNull JsonNode patch) {
        return catalog.get(code).flatMap(current -> {
            ProcedureBody merged = mergePatch.apply(ProcedureMapping.toBody(current), patch, ProcedureBody.class);
            PathAndBody.requireSameCode(code, merged.code());
            return catalog.put(ProcedureMapping.toEntity(merged));
        }).map(saved -> ProcedureMapping.toBody(saved.entry()));
    }

    @DELETE
    @Path("/{code}")
    @RolesAllowed({Roles.ADMIN, Roles.EDITOR})
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "Delete a procedure (409 while dossiers refer to it)")
    public Uni<Response> delete(@PathParam("code") String code) {
        return catalog.delete(code).replaceWith(Response.noContent().build());
    }

    private static OnTheSpot parseOnTheSpot(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OnTheSpot.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidEntryException("onTheSpot", "must be NONE, FOUR or FIVE");
        }
    }
}
