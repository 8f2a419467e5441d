package vn.dvc.hotline.dossier;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What is kept of an applicant's phone number, and how a caller proves they know it.
 *
 * <p>Four digits have only 10,000 values, so no hash makes them secret to someone holding the table; the hash keeps
 * them out of plain sight (logs, dumps, staff views), salting by dossier code keeps one table from answering for all
 * dossiers, and the lookup throttle is the real defence. Immutable; thread-safe.
 */
public final class ApplicantSecrets {

    private static final Pattern NOT_DIGIT = Pattern.compile("[^0-9]");

    private ApplicantSecrets() {
    }

    /** The national form of a phone number: digits only, +84/84 prefix turned into 0. Null if there are no digits. */
    public static String nationalNumber(String phone) {
        if (phone == null) {
            return null;
        }
        String digits = NOT_DIGIT.matcher(phone).replaceAll("");
        if (digits.isEmpty()) {
            return null;
        }
        if (digits.startsWith("84") && digits.length() >= 11) {
            digits = "0" + digits.substring(2);
        }
        return digits;
    }

    /** The last four digits of a phone number, or null if it has fewer. */
    public static String lastFourDigits(String phone) {
        String national = nationalNumber(phone);
        return national == null || national.length() < 4 ? null : national.substring(national.length() - 4);
    }

    public static String verifierHash(String dossierCode, String lastFour) {
        return sha256(dossierCode.toUpperCase(Locale.ROOT) + ":" + lastFour);
    }

    public static String phoneHash(String phone) {
        String national = nationalNumber(phone);
        return sha256("phone:" + (national == null ? "" : national));
    }

    private static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
