package io.rectification.platform.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * Gives a test real PostgreSQL and a real Kafka broker, never stand-ins.
 *
 * <p>In this order: the services named by environment variables ({@code RECT_TEST_PG_URL} as a JDBC
 * URL of the server without a database, {@code RECT_TEST_PG_USER}, {@code RECT_TEST_PG_PASSWORD},
 * {@code RECT_TEST_KAFKA}, or the module's own broker, {@link #moduleBroker()}); else Testcontainers
 * when a Docker engine answers; else the local stack that {@code deploy/local/stack test} starts
 * (PostgreSQL on 127.0.0.1:5432, the test broker on 127.0.0.1:19092). When none answers the run
 * fails, saying how to start them.
 *
 * <p>Init argument {@code database}: the service's test database, created when missing
 * ({@code RECT_TEST_DB_SUFFIX} is appended when set).
 */
public class RealServices implements QuarkusTestResourceLifecycleManager {

    static final String DEFAULT_PG_URL = "jdbc:postgresql://127.0.0.1:5432/";
    static final String DEFAULT_KAFKA = "127.0.0.1:19092";
    private static final String HOW_TO_START =
            "start them with `deploy/local/stack test-services` (or run the tests with `deploy/local/stack test`), "
                    + "or set RECT_TEST_PG_URL / RECT_TEST_KAFKA, or run where a Docker engine answers";

    private static PostgreSQLContainer postgres;
    private static KafkaContainer kafka;

    private String database = "rectification_test";

    /** The services for a plain test (no Quarkus) of the platform's own parts, on {@code database}. */
    public static Map<String, String> startedOn(String database) {
        RealServices resource = new RealServices();
        resource.init(Map.of("database", database));
        return resource.start();
    }

    /** A JDBC connection to the database of {@code services} ({@link #startedOn}'s answer). */
    public static Connection connect(Map<String, String> services) throws SQLException {
        return DriverManager.getConnection(services.get("quarkus.datasource.jdbc.url"),
                services.get("quarkus.datasource.username"), services.get("quarkus.datasource.password"));
    }

    @Override
    public void init(Map<String, String> initArgs) {
        // RECT_TEST_DB_SUFFIX keeps two checkouts testing at once on one server apart.
        String suffix = env("RECT_TEST_DB_SUFFIX");
        database = initArgs.getOrDefault("database", database) + (suffix == null ? "" : suffix);
    }

    @Override
    public Map<String, String> start() {
        String pgUrl = env("RECT_TEST_PG_URL");
        String pgUser = env("RECT_TEST_PG_USER");
        String pgPassword = env("RECT_TEST_PG_PASSWORD");
        String bootstrap = moduleBroker();

        if (pgUrl == null || bootstrap == null) {
            if (dockerAvailable()) {
                startContainers();
                pgUrl = pgUrl != null ? pgUrl : postgres.getJdbcUrl().replaceFirst("/[^/?]*(\\?.*)?$", "/");
                pgUser = pgUser != null ? pgUser : postgres.getUsername();
                pgPassword = pgPassword != null ? pgPassword : postgres.getPassword();
                bootstrap = bootstrap != null ? bootstrap : kafka.getBootstrapServers();
            } else {
                pgUrl = pgUrl != null ? pgUrl : DEFAULT_PG_URL;
                bootstrap = bootstrap != null ? bootstrap : DEFAULT_KAFKA;
            }
        }
        pgUser = pgUser != null ? pgUser : "rectification";
        pgPassword = pgPassword != null ? pgPassword : (pgUser.equals("rectification") ? "rectification" : null);

        requireKafka(bootstrap);
        createDatabaseIfMissing(pgUrl, pgUser, pgPassword, database);

        String base = pgUrl.endsWith("/") ? pgUrl : pgUrl + "/";
        Map<String, String> config = new java.util.HashMap<>();
        config.put("quarkus.datasource.jdbc.url", base + database);
        config.put("quarkus.datasource.username", pgUser);
        config.put("quarkus.datasource.password", pgPassword == null ? "" : pgPassword);
        config.put("kafka.bootstrap.servers", bootstrap);
        // Tokens minted by TestTokens verify against this key.
        config.put("mp.jwt.verify.publickey", TestTokens.publicKey());
        config.put("mp.jwt.verify.issuer", io.rectification.platform.security.Roles.ISSUER);
        return config;
    }

    /**
     * The broker this module's tests use: {@code RECT_TEST_KAFKA_<MODULE>} (e.g.
     * {@code RECT_TEST_KAFKA_REPORTING_SERVICE}) when set, else {@code RECT_TEST_KAFKA}. Modules that test
     * side by side (CI's {@code mvn -T 3}) each get a broker of their own this way: their services use
     * the same topics and consumer groups, and on one broker one module's services would answer another's
     * events. The module is named by surefire ({@code rect.test.module}, the parent pom).
     */
    static String moduleBroker() {
        String module = System.getProperty("rect.test.module");
        String own = module == null ? null
                : env("RECT_TEST_KAFKA_" + module.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
        return own != null ? own : env("RECT_TEST_KAFKA");
    }

    @Override
    public void stop() {
        // Containers are shared by all test classes of the run and stopped by Testcontainers' reaper.
    }

    private static synchronized void startContainers() {
        if (postgres == null) {
            postgres = new PostgreSQLContainer("postgres:15-alpine");
            postgres.start();
        }
        if (kafka == null) {
            kafka = new KafkaContainer("apache/kafka:4.1.1");
            kafka.start();
        }
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static void requireKafka(String bootstrap) {
        String first = bootstrap.split(",")[0].trim();
        int colon = first.lastIndexOf(':');
        String host = first.substring(0, colon);
        int port = Integer.parseInt(first.substring(colon + 1));
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 2_000);
        } catch (IOException e) {
            throw new IllegalStateException("No Kafka broker answers at " + bootstrap + ": " + HOW_TO_START, e);
        }
    }

    public static void createDatabaseIfMissing(String serverUrl, String user, String password, String database) {
        if (!database.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("test database name must be a plain identifier: " + database);
        }
        String base = serverUrl.endsWith("/") ? serverUrl : serverUrl + "/";
        try (Connection connection = DriverManager.getConnection(base + "postgres", user, password)) {
            try (PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                exists.setString(1, database);
                try (ResultSet result = exists.executeQuery()) {
                    if (result.next()) {
                        return;
                    }
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute("CREATE DATABASE " + database);
            } catch (SQLException e) {
                if (!"42P04".equals(e.getSQLState())) { // created meanwhile by a parallel run
                    throw e;
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL does not answer at " + base + " as " + user + " ("
                    + e.getMessage() + "): " + HOW_TO_START, e);
        }
    }

    private static String env(String name) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? null : value;
    }
}
