package fr.eintervention.localpostgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A kept data directory is durable; a throw-away one (tests) is fast. */
class LocalPostgresTest {

    private static String setting(LocalPostgres postgres, String name) throws Exception {
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl("postgres"), LocalPostgres.USER, "");
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("show " + name)) {
            result.next();
            return result.getString(1);
        }
    }

    @Test
    void aKeptDataDirectoryCommitsToDiskBeforeAnsweringOk(@TempDir Path data) throws Exception {
        try (LocalPostgres postgres = LocalPostgres.start(data, 0, true)) {
            assertThat(setting(postgres, "fsync")).isEqualTo("on");
            assertThat(setting(postgres, "synchronous_commit")).isEqualTo("on");
        }
    }

    @Test
    void aThrowAwayDataDirectoryTradesDurabilityForSpeed(@TempDir Path data) throws Exception {
        try (LocalPostgres postgres = LocalPostgres.start(data, 0, false)) {
            assertThat(setting(postgres, "fsync")).isEqualTo("off");
            assertThat(setting(postgres, "synchronous_commit")).isEqualTo("off");
        }
    }
}
