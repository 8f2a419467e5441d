import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * Mints a development bearer token for the staff API, signed with the development key pair that the service trusts by
 * default (tools/dev-keys/jwt-private.pem; src/main/resources/dev-keys/jwt-public.pem). JDK only, no build needed:
 *
 * <pre>
 *   java tools/DevToken.java hotline-admin            # groups: hotline-admin | hotline-editor | portal-sync
 *   java tools/DevToken.java hotline-editor --hours 8 --subject editor@example.vn
 * </pre>
 *
 * A production deployment trusts its own issuer's key instead (mp.jwt.verify.publickey.location and
 * mp.jwt.verify.issuer), so these tokens are worthless there.
 */
public final class DevToken {
    static final String ISSUER = "https://dvc-hotline.local/dev";

    public static void main(String[] args) throws Exception {
        List<String> groups = new ArrayList<>();
        String subject = "dev@dvc-hotline.local";
        long hours = 12;
        Path key = Path.of("tools/dev-keys/jwt-private.pem");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--hours" -> hours = Long.parseLong(args[++i]);
                case "--subject" -> subject = args[++i];
                case "--key" -> key = Path.of(args[++i]);
                default -> groups.add(args[i]);
            }
        }
        if (groups.isEmpty()) {
            System.err.println("usage: java tools/DevToken.java GROUP... [--hours N] [--subject NAME] [--key PEM]");
            System.err.println("groups: hotline-admin, hotline-editor, portal-sync");
            System.exit(2);
        }
        Instant now = Instant.now();
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";
        String payload = "{\"iss\":\"" + ISSUER + "\",\"sub\":\"" + subject + "\",\"upn\":\"" + subject + "\""
                + ",\"groups\":[\"" + String.join("\",\"", groups) + "\"]"
                + ",\"iat\":" + now.getEpochSecond()
                + ",\"exp\":" + now.plus(Duration.ofHours(hours)).getEpochSecond()
                + ",\"jti\":\"" + UUID.randomUUID() + "\"}";
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String signingInput = b64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initSign(readPrivateKey(key));
        signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        System.out.println(signingInput + "." + b64.encodeToString(signature.sign()));
    }

    private static PrivateKey readPrivateKey(Path pem) throws Exception {
        String base64 = Files.readString(pem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }
}
