package io.rectification.platform.testing;

import io.rectification.platform.security.Roles;
import org.eclipse.microprofile.config.ConfigProvider;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Another service of the system, started from its packaged jar for an end-to-end test, on the
 * same PostgreSQL server and Kafka broker as the service under test, with its own database.
 * The reactor builds the modules in order, so a later module's tests find an earlier one's jar.
 */
public final class ServiceProcess implements AutoCloseable {

    private final Process process;
    private final Path log;
    private final String baseUrl;

    private ServiceProcess(Process process, Path log, String baseUrl) {
        this.process = process;
        this.log = log;
        this.baseUrl = baseUrl;
    }

    /** How long a module's package is waited for while a build of that module is under way ({@link #packaged}). */
    static final Duration PACKAGE_WAIT = Duration.ofMinutes(4);

    /**
     * @param module   e.g. "tasks-service" (its jar at ../module/target/quarkus-app/quarkus-run.jar)
     * @param database the database it gets (created when missing)
     */
    public static ServiceProcess start(String module, String database) throws IOException, InterruptedException {
        Path jar = packaged(module);
        var config = ConfigProvider.getConfig();
        String jdbcUrl = config.getValue("quarkus.datasource.jdbc.url", String.class);
        String user = config.getValue("quarkus.datasource.username", String.class);
        String password = config.getOptionalValue("quarkus.datasource.password", String.class).orElse("");
        String server = jdbcUrl.substring(0, jdbcUrl.lastIndexOf('/') + 1);
        String suffix = System.getenv("RECT_TEST_DB_SUFFIX");
        String db = database + (suffix == null || suffix.isBlank() ? "" : suffix);
        RealServices.createDatabaseIfMissing(server, user, password, db);

        int port = FreePort.pick();
        Path log = Files.createTempFile(module + "-", ".log");
        // The test JVMs' own options (surefire's argLine): this process lives a minute for a few requests, and
        // with C2 it spent a third of its CPU compiling (10 of 29 s each, two of them in a CI run of 2026-12-07).
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", jar.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("QUARKUS_DATASOURCE_JDBC_URL", server + db);
        env.put("QUARKUS_DATASOURCE_USERNAME", user);
        env.put("QUARKUS_DATASOURCE_PASSWORD", password);
        // The test database's password is a shipped one; the prod profile would refuse it (ProductionSecrets).
        env.put("PLATFORM_ALLOW_DEFAULT_SECRETS", "true");
        env.put("KAFKA_BOOTSTRAP_SERVERS", config.getValue("kafka.bootstrap.servers", String.class));
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        // As a deployment does: the prod profile requires mp.jwt.verify.publickey.location (the tests' key in a file).
        Path key = Files.createTempFile(module + "-token-key-", ".pem");
        Files.writeString(key, "-----BEGIN PUBLIC KEY-----\n" + TestTokens.publicKey() + "\n-----END PUBLIC KEY-----\n");
        key.toFile().deleteOnExit();
        env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", key.toUri().toString());
        env.put("MP_JWT_VERIFY_ISSUER", Roles.ISSUER);
        ServiceProcess service = new ServiceProcess(builder.start(), log, "http://127.0.0.1:" + port);
        service.awaitReady(Duration.ofSeconds(90));
        return service;
    }

    /**
     * The module's packaged application. Modules built side by side (CI's {@code mvn -T 3}) may reach
     * this before the other module has packaged it (tasks-service packages before its tests), so while
     * a build of that module is under way (its {@code target} or its classes changed within
     * {@link #PACKAGE_WAIT}) a missing one is waited for, and so is one older than the module's classes
     * (in a checkout built before: the jar of the code before this build). Its launcher is written
     * last, and one written in the last two seconds is given them to settle. Without a build under way
     * such a jar fails at once.
     */
    private static Path packaged(String module) throws InterruptedException {
        Path target = Path.of("..", module, "target").toAbsolutePath().normalize();
        Path jar = target.resolve("quarkus-app").resolve("quarkus-run.jar");
        Instant deadline = Instant.now().plus(PACKAGE_WAIT);
        while (true) {
            Instant compiled = newestIn(target.resolve("classes"));
            Instant packagedAt = modified(jar);
            Instant now = Instant.now();
            if (packagedAt.isAfter(compiled) && packagedAt.isBefore(now.minusSeconds(2))) {
                return jar;
            }
            boolean underWay = modified(target).isAfter(now.minus(PACKAGE_WAIT)) || compiled.isAfter(now.minus(PACKAGE_WAIT));
            if (now.isAfter(deadline) || !underWay) {
                throw new IllegalStateException(jar + (Files.exists(jar) ? " is older than " + module + "'s classes" : " is missing")
                        + ": build " + module + " first (mvn verify from the root does)");
            }
            Thread.sleep(1_000);
        }
    }

    /** When {@code path} was last modified; the epoch when it does not exist. */
    private static Instant modified(Path path) {
        try {
            return Files.getLastModifiedTime(path).toInstant();
        } catch (IOException missing) {
            return Instant.EPOCH;
        }
    }

    /** The latest modification of a file under {@code dir}; the epoch when there is none. */
    private static Instant newestIn(Path dir) {
        try (var files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).map(ServiceProcess::modified).max(Instant::compareTo).orElse(Instant.EPOCH);
        } catch (IOException | java.io.UncheckedIOException gone) {
            return Instant.EPOCH;
        }
    }

    public String baseUrl() {
        return baseUrl;
    }

    private void awaitReady(Duration timeout) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the service exited while starting; its log:\n" + Files.readString(log));
            }
            try {
                HttpURLConnection connection = (HttpURLConnection) URI.create(baseUrl + "/q/health/ready").toURL().openConnection();
                connection.setConnectTimeout(1000);
                if (connection.getResponseCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        close();
        throw new IllegalStateException("the service did not become ready within " + timeout + "; its log:\n"
                + Files.readString(log));
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(15, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
