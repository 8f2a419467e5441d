package vn.dvc.hotline.ops;

import java.util.Optional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Migrates the schema with Flyway at start, through {@code quarkus.datasource.jdbc.url}.
 *
 * <p>The service keeps no JDBC pool ({@code quarkus.datasource.jdbc=false}): every query goes through the reactive
 * client. Quarkus' Flyway extension only migrates datasources that have a JDBC pool, so this bean drives Flyway itself
 * with a short-lived connection of its own. It observes start-up before every other observer, so the seed loaders and
 * the call path always find the current schema.
 *
 * <p>Thread model: runs once on the main thread during start-up (blocking JDBC is fine there, never on an event loop).
 */
@ApplicationScoped
public class DatabaseMigration {

    /** Observers of start-up with a larger priority run after the migration. */
    public static final int PRIORITY = 100;
    private static final Logger LOG = Logger.getLogger(DatabaseMigration.class);

    private final DatabaseConfig config;
    private final String jdbcUrl;
    private final String username;
    private final Optional<String> password;

    DatabaseMigration(DatabaseConfig config,
            @ConfigProperty(name = "quarkus.datasource.jdbc.url") String jdbcUrl,
            @ConfigProperty(name = "quarkus.datasource.username") String username,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.config = config;
        this.jdbcUrl = jdbcUrl;
        this.username = username;
        this.password = password;
    }

    void onStart(@Observes @Priority(PRIORITY) StartupEvent event) {
        if (!config.migrateAtStart()) {
            LOG.info("Schema migration at start is off (hotline.database.migrate-at-start=false)");
            return;
        }
        MigrateResult result = migrate(jdbcUrl, username, password.orElse(""));
        LOG.infof("Database schema at version %s (%d migration(s) applied now)",
                result.targetSchemaVersion == null ? result.initialSchemaVersion : result.targetSchemaVersion,
                result.migrationsExecuted);
    }

    /** Applies every pending migration to the database at {@code jdbcUrl}; safe to repeat. */
    public static MigrateResult migrate(String jdbcUrl, String username, String password) {
        return Flyway.configure(DatabaseMigration.class.getClassLoader())
                .dataSource(jdbcUrl, username, password)
                .locations("classpath:db/migration")
                .failOnMissingLocations(true)
                .load()
                .migrate();
    }
}
