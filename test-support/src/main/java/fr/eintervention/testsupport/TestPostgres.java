package fr.eintervention.testsupport;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

import fr.eintervention.localpostgres.LocalPostgres;

/**
 * One real PostgreSQL 17 server per test JVM, and a fresh database on it for each test context:
 * a container when a Docker engine is reachable, the embedded server otherwise. Never H2.
 */
public final class TestPostgres {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static TestPostgres instance;

    private final String baseUrl;
    private final String user;
    private final String password;

    private TestPostgres(String baseUrl, String user, String password) {
        this.baseUrl = baseUrl;
        this.user = user;
        this.password = password;
    }

    public static synchronized TestPostgres get() {
        if (instance == null) {
            instance = start();
        }
        return instance;
    }

    private static TestPostgres start() {
        if (!"false".equals(System.getenv("EINTERVENTION_TESTCONTAINERS")) && dockerAvailable()) {
            PostgreSQLContainer container = new PostgreSQLContainer("postgres:17-alpine")
                    .withCommand("postgres", "-c", "max_connections=300", "-c", "fsync=off");
            container.start();
            String url = container.getJdbcUrl();
            return new TestPostgres(url.substring(0, url.lastIndexOf('/') + 1), container.getUsername(), container.getPassword());
        }
        try {
            LocalPostgres server = LocalPostgres.start(Files.createTempDirectory("eintervention-test-pg"), 0, false);
            Runtime.getRuntime().addShutdownHook(new Thread(server::close));
            String url = server.jdbcUrl("postgres");
            return new TestPostgres(url.substring(0, url.lastIndexOf('/') + 1), LocalPostgres.USER, "");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | Error e) {
            return false;
        }
    }

    /** A new, empty database; its JDBC URL. */
    public String newDatabase(String prefix) {
        String name = (prefix + "_" + DATABASES.incrementAndGet()).toLowerCase().replaceAll("[^a-z0-9_]", "_");
        try (Connection connection = DriverManager.getConnection(baseUrl + "postgres", user, password);
                Statement statement = connection.createStatement()) {
            statement.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name, e);
        }
        return baseUrl + name;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

}
