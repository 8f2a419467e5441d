package vn.dvc.hotline.portal;

import java.util.Set;

import io.smallrye.jwt.build.Jwt;

/** Bearer tokens for tests, signed with the development key the test profile trusts. */
public final class Tokens {

    private Tokens() {
    }

    public static String withGroups(String... groups) {
        return "Bearer " + Jwt.upn("test@dvc-hotline.local").groups(Set.of(groups)).expiresIn(600).sign();
    }

    public static String admin() {
        return withGroups(Roles.ADMIN);
    }

    public static String editor() {
        return withGroups(Roles.EDITOR);
    }

    public static String portalSync() {
        return withGroups(Roles.PORTAL_SYNC);
    }
}
