package vn.dvc.hotline.ops;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

import org.eclipse.microprofile.config.spi.ConfigSource;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;

/**
 * Supplies the datasource settings the rest of the configuration leaves out, before any datasource starts.
 *
 * <ul>
 *   <li>No {@code quarkus.datasource.reactive.url}: starts {@link EmbeddedPostgres} with its data in
 *       {@code <hotline.data-dir>/pg} and supplies the reactive URL and the JDBC URL Flyway migrates through (the
 *       user is application.properties' default, {@code postgres}, the embedded server's superuser).</li>
 *   <li>A reactive URL but no {@code quarkus.datasource.jdbc.url}: derives the JDBC URL from it, so an operator
 *       configures the database once.</li>
 * </ul>
 * The server starts lazily, on the first read of one of these keys at run time, so building the application never
 * starts one.
 * Its ordinal is below application.properties, so anything configured explicitly wins.
 */
public final class EmbeddedPostgresConfigSourceFactory implements ConfigSourceFactory {

    static final String REACTIVE_URL = "quarkus.datasource.reactive.url";
    static final String JDBC_URL = "quarkus.datasource.jdbc.url";
    static final String DATA_DIR = "hotline.data-dir";
    static final String DEFAULT_DATA_DIR = "./data";
    private static final int ORDINAL = 200;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        String reactiveUrl = valueOf(context, REACTIVE_URL);
        if (reactiveUrl == null) {
            String dataDir = valueOf(context, DATA_DIR);
            Path folder = Path.of(dataDir == null ? DEFAULT_DATA_DIR : dataDir);
            return List.of(new EmbeddedDatasourceSource(folder));
        }
        if (valueOf(context, JDBC_URL) == null) {
            return List.of(new DerivedJdbcUrlSource(jdbcUrlFrom(reactiveUrl)));
        }
        return List.of();
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(ORDINAL);
    }

    private static String valueOf(ConfigSourceContext context, String key) {
        ConfigValue value = context.getValue(key);
        return value == null || value.getValue() == null || value.getValue().isBlank() ? null : value.getValue();
    }

    /** {@code postgresql://user:secret@db:5432/hotline?sslmode=require} → {@code jdbc:postgresql://db:5432/hotline?sslmode=require}. */
    static String jdbcUrlFrom(String reactiveUrl) {
        String url = reactiveUrl.startsWith("vertx-reactive:") ? reactiveUrl.substring("vertx-reactive:".length())
                : reactiveUrl;
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(REACTIVE_URL + " is not a URL: " + reactiveUrl, e);
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException(REACTIVE_URL + " must look like postgresql://host:5432/database, got "
                    + reactiveUrl);
        }
        StringBuilder jdbc = new StringBuilder("jdbc:postgresql://").append(uri.getHost());
        if (uri.getPort() > 0) {
            jdbc.append(':').append(uri.getPort());
        }
        jdbc.append(uri.getRawPath() == null ? "" : uri.getRawPath());
        if (uri.getRawQuery() != null) {
            jdbc.append('?').append(uri.getRawQuery());
        }
        return jdbc.toString();
    }

    /** Starts the embedded server on first read and answers the datasource keys from it. */
    private static final class EmbeddedDatasourceSource implements ConfigSource {
        private static final Set<String> KEYS = Set.of(REACTIVE_URL, JDBC_URL);
        private final Path dataDir;
        private volatile EmbeddedPostgres server;

        EmbeddedDatasourceSource(Path dataDir) {
            this.dataDir = dataDir;
        }

        /**
         * Deliberately empty: the build reads every listed property's value, which would start a server while
         * building. Lookups by name still reach {@link #getValue}.
         */
        @Override
        public Set<String> getPropertyNames() {
            return Set.of();
        }

        @Override
        public String getValue(String propertyName) {
            if (!KEYS.contains(propertyName)) {
                return null;
            }
            EmbeddedPostgres running = server();
            return REACTIVE_URL.equals(propertyName) ? running.reactiveUrl() : running.jdbcUrl();
        }

        private EmbeddedPostgres server() {
            EmbeddedPostgres running = server;
            if (running == null) {
                synchronized (this) {
                    running = server;
                    if (running == null) {
                        running = EmbeddedPostgres.start(dataDir);
                        server = running;
                    }
                }
            }
            return running;
        }

        @Override
        public int getOrdinal() {
            return ORDINAL;
        }

        @Override
        public String getName() {
            return "embedded PostgreSQL in " + dataDir.resolve("pg");
        }
    }

    private record DerivedJdbcUrlSource(String jdbcUrl) implements ConfigSource {
        @Override
        public Set<String> getPropertyNames() {
            return Set.of(JDBC_URL);
        }

        @Override
        public Map<String, String> getProperties() {
            return Map.of(JDBC_URL, jdbcUrl);
        }

        @Override
        public String getValue(String propertyName) {
            return JDBC_URL.equals(propertyName) ? jdbcUrl : null;
        }

        @Override
        public int getOrdinal() {
            return ORDINAL;
        }

        @Override
        public String getName() {
            return "JDBC URL derived from " + REACTIVE_URL;
        }
    }
}
