package vn.dvc.hotline.portal;

/** The groups a bearer token may carry (its {@code groups} claim). */
public final class Roles {
    /** Everything. */
    public static final String ADMIN = "hotline-admin";
    /** Catalogue, menus and prompts. */
    public static final String EDITOR = "hotline-editor";
    /** The portal's dossier synchronisation. */
    public static final String PORTAL_SYNC = "portal-sync";

    private Roles() {
    }
}
