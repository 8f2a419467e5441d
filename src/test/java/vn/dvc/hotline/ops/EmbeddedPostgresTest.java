package vn.dvc.hotline.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;

/**
 * The embedded server on its own: a database migrated from empty, written, stopped, started again on the same folder
 * (a new port), still holding its data, and with nothing left to migrate.
 */
class EmbeddedPostgresTest {

    @Test
    void migratesFromEmptyAndKeepsDataAcrossARestart() throws Exception {
        Path folder = Files.createTempDirectory(Path.of("target"), "embedded-pg-");
        EmbeddedPostgres first = EmbeddedPostgres.start(folder);
        try {
            MigrateResult fromEmpty = DatabaseMigration.migrate(first.jdbcUrl(), "postgres", "");
            assertTrue(fromEmpty.migrationsExecuted >= 1, "migrations applied to an empty database");
            execute(first, "INSERT INTO field (code, name) VALUES ('KEPT', 'Lĩnh vực còn lại sau khi khởi động lại')");
        } finally {
            first.stop();
        }

        EmbeddedPostgres second = EmbeddedPostgres.start(folder);
        try {
            MigrateResult again = DatabaseMigration.migrate(second.jdbcUrl(), "postgres", "");
            assertEquals(0, again.migrationsExecuted, "a migrated database has nothing left to migrate");
            assertEquals("Lĩnh vực còn lại sau khi khởi động lại",
                    queryString(second, "SELECT name FROM field WHERE code = 'KEPT'"));
        } finally {
            second.stop();
        }
    }

    @Test
    void aSecondStartOnARunningFolderReusesTheServer() throws Exception {
        Path folder = Files.createTempDirectory(Path.of("target"), "embedded-pg-");
        EmbeddedPostgres owner = EmbeddedPostgres.start(folder);
        try {
            EmbeddedPostgres reuser = EmbeddedPostgres.start(folder);
            assertEquals(owner.port(), reuser.port());
            reuser.stop();
            assertEquals("1", queryString(owner, "SELECT 1"), "the reuser's stop leaves the owner's server running");
        } finally {
            owner.stop();
        }
    }

    private static void execute(EmbeddedPostgres server, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(server.jdbcUrl(), "postgres", "");
             Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static String queryString(EmbeddedPostgres server, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(server.jdbcUrl(), "postgres", "");
             Statement s = c.createStatement();
             ResultSet rows = s.executeQuery(sql)) {
            return rows.next() ? rows.getString(1) : null;
        }
    }
}
