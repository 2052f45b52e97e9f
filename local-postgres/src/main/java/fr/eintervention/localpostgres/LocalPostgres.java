package fr.eintervention.localpostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * An embedded PostgreSQL 17 server (zonky binaries) on loopback, for a machine with nothing but
 * a JDK: the one-command demo and the tests. Production points at a real PostgreSQL instead.
 */
public final class LocalPostgres implements AutoCloseable {

    public static final String USER = "postgres";

    private final EmbeddedPostgres server;

    private LocalPostgres(EmbeddedPostgres server) {
        this.server = server;
    }

    /**
     * @param dataDirectory where the cluster lives; kept across restarts when {@code keep} is true
     * @param port          0 for any free port
     */
    public static LocalPostgres start(Path dataDirectory, int port, boolean keep) {
        return start(dataDirectory, port, keep, Map.of());
    }

    /**
     * @param serverConfig more server settings, e.g. {@code shared_preload_libraries} for a
     *                     benchmark's statement statistics
     */
    public static LocalPostgres start(Path dataDirectory, int port, boolean keep, Map<String, String> serverConfig) {
        try {
            Files.createDirectories(dataDirectory);
            LeftoverPostmaster.stopIfAny(dataDirectory);
            // a kept data directory is durable: an answered commit is on disk (the library's
            // default is synchronous_commit=off); a throw-away one (tests) trades that for speed
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(!keep)
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("fsync", keep ? "on" : "off")
                    .setServerConfig("synchronous_commit", keep ? "on" : "off");
            serverConfig.forEach(builder::setServerConfig);
            if (port > 0) {
                builder.setPort(port);
            }
            return new LocalPostgres(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded PostgreSQL in " + dataDirectory, e);
        }
    }

    public int port() {
        return server.getPort();
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port() + "/" + database;
    }

    /** Creates the database if it does not exist yet. */
    public void createDatabase(String database) {
        try (Connection connection = server.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            try (ResultSet exists = statement.executeQuery(
                    "select 1 from pg_database where datname = '" + database.replace("'", "") + "'")) {
                if (exists.next()) {
                    return;
                }
            }
            statement.execute("create database \"" + database.replace("\"", "") + "\"");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + database, e);
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
