package io.rectification.deploy;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Map;
import java.util.function.ToIntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A gateway configuration (deploy/k8s/base/gateway/nginx.conf, as a deployment mounts it) run by the
 * machine's nginx on a free port of 127.0.0.1, everything it writes or serves moved into a temporary
 * directory: its temporary files, the console's files (an index.html and assets/app.js), the access
 * log, and the directory of locations a deployment adds ({@link #DEPLOYMENT_ROUTES}, holding the
 * files given). Each upstream {@code http://<name>:8080} becomes the local port the caller names.
 */
final class RunningGateway implements AutoCloseable {

    static final Path NGINX = Path.of(System.getenv().getOrDefault("RECT_NGINX", "/usr/sbin/nginx"));
    /** Where the shared nginx.conf includes a deployment's own locations from (*.conf). */
    static final String DEPLOYMENT_ROUTES = "/etc/nginx/gateway.d/";

    final Path dir;
    final int port;
    private final Process nginx;

    private RunningGateway(Path dir, int port, Process nginx) {
        this.dir = dir;
        this.port = port;
        this.nginx = nginx;
    }

    static boolean installed() {
        return Files.isExecutable(NGINX);
    }

    static RunningGateway start(String config, Map<String, String> deploymentRoutes, ToIntFunction<String> upstreamPort)
            throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("gateway");
        // Run as root, nginx's workers are nobody: they must be able to read the console's files.
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path console = Files.createDirectories(dir.resolve("console/assets"));
        Files.writeString(dir.resolve("console/index.html"), "<!doctype html><title>console</title>");
        Files.writeString(console.resolve("app.js"), "console.log(1)");
        Path routes = Files.createDirectories(dir.resolve(DEPLOYMENT_ROUTES.substring(1)));
        for (Map.Entry<String, String> file : deploymentRoutes.entrySet()) {
            Files.writeString(routes.resolve(file.getKey()), file.getValue());
        }
        int port = freePort();
        Matcher upstream = Pattern.compile("http://([a-z-]+):8080").matcher(config
                .replace("/tmp/", dir + "/")
                .replace("listen 8080;", "listen 127.0.0.1:" + port + ";")
                .replace("/usr/share/rectification/console", dir.resolve("console").toString())
                .replace("access_log /dev/stdout", "access_log " + dir.resolve("access.log"))
                .replace(DEPLOYMENT_ROUTES, routes + "/"));
        String local = upstream.replaceAll(name -> "http://127.0.0.1:" + upstreamPort.applyAsInt(name.group(1)));
        Files.writeString(dir.resolve("nginx.conf"), local);
        Process nginx = new ProcessBuilder(NGINX.toString(), "-p", dir.toString(), "-c", dir.resolve("nginx.conf").toString(),
                "-e", dir.resolve("error.log").toString(), "-g", "daemon off;")
                .redirectErrorStream(true).redirectOutput(dir.resolve("nginx.out").toFile()).start();
        RunningGateway gateway = new RunningGateway(dir, port, nginx);
        for (int i = 0; i < 100 && !listening(port); i++) {
            assertTrue(nginx.isAlive(), () -> "nginx exited: " + gateway.read("nginx.out"));
            Thread.sleep(50);
        }
        assertTrue(listening(port), "nginx listens on " + port);
        return gateway;
    }

    String read(String file) {
        try {
            return Files.readString(dir.resolve(file));
        } catch (IOException e) {
            return e.toString();
        }
    }

    @Override
    public void close() {
        nginx.destroy();
        try {
            nginx.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(java.io.File::delete);
        } catch (IOException | java.io.UncheckedIOException ignored) {
            // a temporary directory left behind
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static boolean listening(int port) {
        try (Socket ignored = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
