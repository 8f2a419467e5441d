package vn.dvc.hotline.portal;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.JsonNode;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import vn.dvc.hotline.calls.MenuStore;
import vn.dvc.hotline.ivr.InvalidMenuException;
import vn.dvc.hotline.ivr.MenuNode;
import vn.dvc.hotline.ivr.MenuViolation;
import vn.dvc.hotline.portal.MenuBodies.MenuBody;
import vn.dvc.hotline.portal.MenuBodies.MenuNodeBody;

/**
 * The editable IVR menu. Every write is validated as a whole menu (no unreachable node, no duplicate digit, no empty
 * prompt, ...); violations come back as {@code application/problem+json} with one error per broken rule. New calls
 * use the saved menu at once; calls in progress keep the menu they started with.
 */
@Path("/api/v1/ivr")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "IVR menu")
@RolesAllowed({Roles.ADMIN, Roles.EDITOR})
@SecurityRequirement(name = "jwt")
public class IvrMenuResource {

    private final MenuStore menus;
    private final JsonMergePatch mergePatch;

    IvrMenuResource(MenuStore menus, JsonMergePatch mergePatch) {
        this.menus = menus;
        this.mergePatch = mergePatch;
    }

    @GET
    @Path("/menu")
    @Operation(summary = "The menu, depth first from the root")
    public Uni<MenuBody> get() {
        return menus.reload().map(MenuBodies::toBody);
    }

    @PUT
    @Path("/menu")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace the whole menu",
            description = "Prompts of new or changed texts are rendered in the background; until then the previous"
                    + " audio of the node, if any, plays.")
    public Uni<MenuBody> put(@NotNull MenuBody body) {
        return Uni.createFrom().item(() -> MenuBodies.toNodes(body.nodes()))
                .flatMap(menus::replace).map(MenuBodies::toBody);
    }

    @PATCH
    @Path("/nodes/{key}")
    @Consumes({JsonMergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @Operation(summary = "Change some fields of one node (JSON merge patch, RFC 7396)",
            description = "promptText, digit, kind, target and parentKey may change; the key may not.")
    public Uni<MenuNodeBody> patch(@PathParam("key") String key, @NotNull JsonNode patch) {
        return menus.patch(key, stored -> {
            MenuNodeBody merged = mergePatch.apply(MenuBodies.toBody(stored), patch, MenuNodeBody.class);
            List<MenuViolation> violations = new ArrayList<>();
            MenuNode node = MenuBodies.toNode(0, merged, violations);
            if (!violations.isEmpty()) {
                throw new InvalidMenuException(violations);
            }
            return node;
        }).map(MenuBodies::toBody);
    }
}
