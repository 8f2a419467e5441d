package vn.dvc.hotline.ops;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Database settings of our own; the connection itself is {@code quarkus.datasource.*}. */
@ConfigMapping(prefix = "hotline.database")
public interface DatabaseConfig {

    /**
     * Apply the Flyway migrations in {@code db/migration} at start, before anything reads the database. Turn off only
     * when a separate job migrates the schema.
     */
    @WithDefault("true")
    boolean migrateAtStart();
}
