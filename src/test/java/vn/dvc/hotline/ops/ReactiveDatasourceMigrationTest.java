package vn.dvc.hotline.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;

/**
 * The application keeps no JDBC pool (quarkus.datasource.jdbc=false) and still migrates at start through
 * quarkus.datasource.jdbc.url, derived from the reactive URL: the reactive client sees Flyway's history and the
 * schema's tables.
 */
@QuarkusTest
class ReactiveDatasourceMigrationTest {

    @Inject
    Pool pool;

    @ConfigProperty(name = "quarkus.datasource.jdbc")
    boolean jdbcPool;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @ConfigProperty(name = "quarkus.datasource.reactive.url")
    String reactiveUrl;

    @Test
    void migratedThroughTheJdbcUrlWithoutAJdbcPool() {
        assertFalse(jdbcPool, "no JDBC pool");
        assertEquals(EmbeddedPostgresConfigSourceFactory.jdbcUrlFrom(reactiveUrl), jdbcUrl);
        List<String> versions = new ArrayList<>();
        for (Row row : pool.query("SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank")
                .execute().await().atMost(Duration.ofSeconds(10))) {
            versions.add(row.getString(0));
        }
        assertTrue(versions.contains("1"), "version 1 applied: " + versions);
        List<String> tables = new ArrayList<>();
        for (Row row : pool.query("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'")
                .execute().await().atMost(Duration.ofSeconds(10))) {
            tables.add(row.getString(0));
        }
        assertTrue(tables.containsAll(List.of("field", "agency", "procedure", "holiday", "dossier",
                "dossier_status_change")), "tables: " + tables);
    }

    @Test
    void jdbcUrlIsDerivedFromAnyReactiveUrl() {
        assertEquals("jdbc:postgresql://db.example:5433/hotline?sslmode=require",
                EmbeddedPostgresConfigSourceFactory.jdbcUrlFrom(
                        "postgresql://user:secret@db.example:5433/hotline?sslmode=require"));
        assertEquals("jdbc:postgresql://db/hotline",
                EmbeddedPostgresConfigSourceFactory.jdbcUrlFrom("vertx-reactive:postgresql://db/hotline"));
    }
}
