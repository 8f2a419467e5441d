package vn.dvc.hotline.portal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import vn.dvc.hotline.catalog.ConflictingEntryException;
import vn.dvc.hotline.catalog.InvalidEntryException;
import vn.dvc.hotline.catalog.NoSuchEntryException;
import vn.dvc.hotline.catalog.Violation;
import vn.dvc.hotline.dossier.DossierInput;
import vn.dvc.hotline.dossier.DossierLookup;
import vn.dvc.hotline.dossier.DossierLookupResult;
import vn.dvc.hotline.dossier.DossierRepository;
import vn.dvc.hotline.dossier.DossierStatusChangeRepository;
import vn.dvc.hotline.dossier.DossierSync;
import vn.dvc.hotline.portal.DossierBodies.BatchItem;
import vn.dvc.hotline.portal.DossierBodies.BatchRequest;
import vn.dvc.hotline.portal.DossierBodies.BatchResult;
import vn.dvc.hotline.portal.DossierBodies.DossierView;
import vn.dvc.hotline.portal.DossierBodies.HistoryEntry;
import vn.dvc.hotline.portal.DossierBodies.ItemResult;
import vn.dvc.hotline.portal.DossierBodies.LookupBody;
import vn.dvc.hotline.portal.DossierBodies.LookupRequest;

/** Dossiers: the citizen's lookup with a second factor, and the portal's synchronisation. */
@Path("/api/v1/dossiers")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Dossiers")
public class DossierResource {

    private static final String NOT_FOUND_DETAIL = "No dossier matches this code and verifier";

    private final DossierLookup lookup;
    private final DossierSync sync;
    private final DossierRepository dossiers;
    private final DossierStatusChangeRepository history;
    private final Validator validator;

    @Context
    HttpServerRequest request;

    DossierResource(DossierLookup lookup, DossierSync sync, DossierRepository dossiers,
            DossierStatusChangeRepository history, Validator validator) {
        this.lookup = lookup;
        this.sync = sync;
        this.dossiers = dossiers;
        this.history = history;
        this.validator = validator;
    }

    @POST
    @Path("/lookup")
    @Consumes(MediaType.APPLICATION_JSON)
    @PermitAll
    @Throttled
    @Operation(summary = "Look up a dossier's status",
            description = "The verifier is the last 4 digits of the applicant's phone. An unknown code and a wrong"
                    + " verifier give the same 404. Too many failures from one client give 429 with Retry-After.")
    @APIResponse(responseCode = "404", description = "no such dossier, or wrong verifier")
    @APIResponse(responseCode = "429", description = "too many failed lookups")
    public Uni<Response> lookup(@NotNull @Valid LookupRequest body) {
        return lookup.lookup(body.code(), body.verifier(), "rest:" + ClientAddress.of(request)).map(result -> {
            if (result instanceof DossierLookupResult.Found found) {
                return Response.ok(new LookupBody(found.code(), found.keypadCode(), found.status(),
                        found.status().label(), found.procedureCode(), found.procedureName(), found.receivedAt(),
                        found.dueAt(), found.completedAt(), found.workingDaysLeft(), found.workingDaysOverdue(),
                        found.currentStep(), found.applicantNameMasked())).build();
            }
            if (result instanceof DossierLookupResult.Throttled throttled) {
                long seconds = Math.max(1, throttled.retryAfter().toSeconds());
                return new Problem("urn:dvc-hotline:problem:rate-limited", "Too Many Requests", 429,
                        "Too many failed lookups; retry after " + seconds + " s", "/api/v1/dossiers/lookup", null)
                        .response().header(HttpHeaders.RETRY_AFTER, seconds).build();
            }
            return new Problem(ProblemResponses.NOT_FOUND, "Not Found", 404, NOT_FOUND_DETAIL,
                    "/api/v1/dossiers/lookup", null).response().build();
        });
    }

    @GET
    @Path("/{code}")
    @RolesAllowed({Roles.ADMIN, Roles.PORTAL_SYNC})
    @SecurityRequirement(name = "jwt")
    @WithSession
    @Operation(summary = "A dossier in full, with its history (by code or keypad code)")
    public Uni<DossierView> get(@PathParam("code") String code) {
        return dossiers.findByCodeOrKeypadCode(code)
                .onItem().ifNull().failWith(() -> new NoSuchEntryException("dossier", code))
                .flatMap(d -> history.historyOf(d.code).map(changes -> new DossierView(d.code, d.keypadCode,
                        d.procedureCode, d.applicantName, d.status, d.status.label(), d.currentStep, d.receivedAt,
                        d.dueAt, d.dueAt == null ? null : d.dueAt.toLocalDate(), d.completedAt, d.updatedAt,
                        changes.stream().map(c -> new HistoryEntry(c.status, c.currentStep, c.changedAt)).toList())));
    }

    @PUT
    @Path("/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.PORTAL_SYNC})
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "Create or update a dossier (idempotent)")
    @APIResponse(responseCode = "201", description = "created")
    @APIResponse(responseCode = "200", description = "updated or unchanged")
    public Uni<Response> put(@PathParam("code") String code, @NotNull @Valid DossierInput body) {
        return sync.upsert(code, body).map(outcome -> Response
                .status(outcome == DossierSync.Outcome.CREATED ? Response.Status.CREATED : Response.Status.OK)
                .entity(new ItemResult(0, code.toUpperCase(Locale.ROOT), outcome.name(), null)).build());
    }

    @POST
    @Path("/batch")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.PORTAL_SYNC})
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "Upsert up to 500 dossiers; each item succeeds or fails on its own",
            description = "Idempotent: sending the same batch again reports UNCHANGED.")
    public Uni<BatchResult> batch(@NotNull @Valid BatchRequest body) {
        List<ItemResult> results = new ArrayList<>();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (int i = 0; i < body.items().size(); i++) {
            int index = i;
            BatchItem item = body.items().get(i);
            chain = chain.flatMap(ignored -> upsertOne(index, item)).invoke(results::add).replaceWithVoid();
        }
        return chain.map(ignored -> {
            results.sort(Comparator.comparingInt(ItemResult::index));
            int created = count(results, "CREATED");
            int updated = count(results, "UPDATED");
            int unchanged = count(results, "UNCHANGED");
            return new BatchResult(created, updated, unchanged, results.size() - created - updated - unchanged,
                    results);
        });
    }

    private Uni<ItemResult> upsertOne(int index, BatchItem item) {
        if (item == null) {
            return Uni.createFrom().item(new ItemResult(index, null, "INVALID",
                    List.of(new Violation("items[" + index + "]", "must not be null"))));
        }
        List<Violation> violations = new ArrayList<>();
        if (item.code() == null || item.code().isBlank()) {
            violations.add(new Violation("code", "must not be blank"));
        }
        DossierInput input = item.input();
        Set<ConstraintViolation<DossierInput>> invalid = validator.validate(input);
        for (ConstraintViolation<DossierInput> v : invalid) {
            violations.add(new Violation(v.getPropertyPath().toString(), v.getMessage()));
        }
        if (!violations.isEmpty()) {
            violations.sort(Comparator.comparing(Violation::field));
            return Uni.createFrom().item(new ItemResult(index, item.code(), "INVALID", violations));
        }
        return sync.upsert(item.code(), input)
                .map(outcome -> new ItemResult(index, item.code().toUpperCase(Locale.ROOT), outcome.name(),
                        null))
                .onFailure(InvalidEntryException.class).recoverWithItem(e -> new ItemResult(index, item.code(),
                        "INVALID", ((InvalidEntryException) e).violations()))
                .onFailure(ConflictingEntryException.class).recoverWithItem(e -> new ItemResult(index, item.code(),
                        "CONFLICT", List.of(new Violation("keypadCode", e.getMessage()))));
    }

    private static int count(List<ItemResult> results, String outcome) {
        return (int) results.stream().filter(r -> outcome.equals(r.outcome())).count();
    }
}
