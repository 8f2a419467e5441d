package vn.dvc.hotline.portal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import vn.dvc.hotline.catalog.Agency;
import vn.dvc.hotline.catalog.Field;
import vn.dvc.hotline.catalog.Holiday;
import vn.dvc.hotline.catalog.InvalidEntryException;
import vn.dvc.hotline.catalog.OpeningHours;
import vn.dvc.hotline.catalog.ReferenceData;
import vn.dvc.hotline.catalog.Saved;
import vn.dvc.hotline.portal.ReferenceBodies.AgencyBody;
import vn.dvc.hotline.portal.ReferenceBodies.FieldBody;
import vn.dvc.hotline.portal.ReferenceBodies.HolidayBody;
import vn.dvc.hotline.portal.ReferenceBodies.OpeningHoursBody;

/** Fields, agencies and holidays: public reads, staff writes. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reference data")
public class ReferenceDataResource {

    private final ReferenceData data;

    ReferenceDataResource(ReferenceData data) {
        this.data = data;
    }

    @GET
    @Path("/fields")
    @PermitAll
    @Throttled
    @Operation(summary = "Fields of administration (lĩnh vực)")
    public Uni<List<FieldBody>> fields() {
        return data.fields().map(all -> all.stream().map(f -> new FieldBody(f.code, f.name)).toList());
    }

    @POST
    @Path("/fields")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.EDITOR})
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "Create or replace a field")
    public Uni<Response> postField(@NotNull @Valid FieldBody body) {
        return putField(body.code(), body);
    }

    @PUT
    @Path("/fields/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.EDITOR})
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "Create or replace a field")
    public Uni<Response> putField(@PathParam("code") String code, @NotNull @Valid FieldBody body) {
        PathAndBody.requireSameCode(code, body.code());
        Field field = new Field();
        field.code = body.code();
        field.name = body.name().trim();
        return data.putField(field).map(saved -> saved(saved, new FieldBody(saved.entry().code, saved.entry().name)));
    }

    @DELETE
    @Path("/fields/{code}")
    @RolesAllowed({Roles.ADMIN, Roles.EDITOR})
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "Delete a field (409 while procedures refer to it)")
    public Uni<Response> deleteField(@PathParam("code") String code) {
        return data.deleteField(code).replaceWith(Response.noContent().build());
    }

    @GET
    @Path("/agencies")
    @PermitAll
    @Throttled
    @Operation(summary = "Agencies, with addresses and opening hours")
    public Uni<List<AgencyBody>> agencies() {
        return data.agencies().map(all -> all.stream().map(ReferenceDataResource::toBody).toList());
    }

    @GET
    @Path("/agencies/{code}")
    @PermitAll
    @Throttled
    @Operation(summary = "One agency")
    public Uni<AgencyBody> agency(@PathParam("code") String code) {
        return data.agency(code).map(ReferenceDataResource::toBody);
    }

    @POST
    @Path("/agencies")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.EDITOR})
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "Create or replace an agency")
    public Uni<Response> postAgency(@NotNull @Valid AgencyBody body) {
        return putAgency(body.code(), body);
    }

    @PUT
    @Path("/agencies/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.EDITOR})
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "Create or replace an agency")
    public Uni<Response> putAgency(@PathParam("code") String code, @NotNull @Valid AgencyBody body) {
        PathAndBody.requireSameCode(code, body.code());
        Agency agency = new Agency();
        agency.code = body.code();
        agency.name = body.name().trim();
        agency.address = body.address();
        agency.phone = body.phone();
        agency.email = body.email();
        agency.workingHours = body.workingHours();
        agency.openingHours = body.openingHours() == null ? List.of() : body.openingHours().stream()
                .map(h -> new OpeningHours(List.copyOf(h.days()), h.open(), h.close())).toList();
        for (int i = 0; i < agency.openingHours.size(); i++) {
            if (!agency.openingHours.get(i).open().isBefore(agency.openingHours.get(i).close())) {
                throw new InvalidEntryException("openingHours[" + i + "]", "open must be before close");
            }
        }
        return data.putAgency(agency).map(saved -> saved(saved, toBody(saved.entry())));
    }

    @DELETE
    @Path("/agencies/{code}")
    @RolesAllowed({Roles.ADMIN, Roles.EDITOR})
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "Delete an agency (409 while procedures refer to it)")
    public Uni<Response> deleteAgency(@PathParam("code") String code) {
        return data.deleteAgency(code).replaceWith(Response.noContent().build());
    }

    @GET
    @Path("/holidays")
    @PermitAll
    @Throttled
    @Operation(summary = "Days on which offices are closed, optionally of one year")
    public Uni<List<HolidayBody>> holidays(@QueryParam("year") @Min(1900) @Max(2200) Integer year) {
        return data.holidays(year).map(all -> all.stream().map(h -> new HolidayBody(h.day, h.name)).toList());
    }

    @POST
    @Path("/holidays")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.EDITOR})
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "Create or rename a holiday")
    public Uni<Response> postHoliday(@NotNull @Valid HolidayBody body) {
        return putHoliday(body.date().toString(), body);
    }

    @PUT
    @Path("/holidays/{date}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.EDITOR})
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "Create or rename a holiday")
    public Uni<Response> putHoliday(@PathParam("date") String date, @NotNull @Valid HolidayBody body) {
        if (!body.date().equals(parseDate(date))) {
            throw new InvalidEntryException("date", "must equal the date in the path (" + date + ")");
        }
        Holiday holiday = new Holiday();
        holiday.day = body.date();
        holiday.name = body.name().trim();
        return data.putHoliday(holiday).map(saved -> saved(saved,
                new HolidayBody(saved.entry().day, saved.entry().name)));
    }

    @DELETE
    @Path("/holidays/{date}")
    @RolesAllowed({Roles.ADMIN, Roles.EDITOR})
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "Delete a holiday")
    public Uni<Response> deleteHoliday(@PathParam("date") String date) {
        return data.deleteHoliday(parseDate(date)).replaceWith(Response.noContent().build());
    }

    private static LocalDate parseDate(String date) {
        try {
            return LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            throw new InvalidEntryException("date", "must be a date like 2026-09-02");
        }
    }

    private static AgencyBody toBody(Agency a) {
        List<OpeningHoursBody> hours = a.openingHours == null ? List.of() : a.openingHours.stream()
                .map(h -> new OpeningHoursBody(h.days(), h.open(), h.close())).toList();
        return new AgencyBody(a.code, a.name, a.address, a.phone, a.email, a.workingHours, hours);
    }

    private static Response saved(Saved<?> saved, Object body) {
        return Response.status(saved.created() ? Response.Status.CREATED : Response.Status.OK).entity(body).build();
    }
}
