package io.rectification.deploy.images;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The image check on small archives made here, so that it can be seen to fail. */
@Tag("fast")
class ImageArchiveTest {

    static final String SERVICE_CONFIG = """
            {"config":{"User":"185","WorkingDir":"/deployments","ExposedPorts":{"8080/tcp":{}},
             "Entrypoint":["java","-Djava.util.logging.manager=org.jboss.logmanager.LogManager","-jar","quarkus-run.jar"]},
             "rootfs":{"type":"layers","diff_ids":["sha256:a","sha256:b"]}}""";
    static final List<String> BASE = List.of("./usr/bin/java", "./usr/bin/curl", "./usr/share/fonts/truetype/wqy/wqy-microhei.ttc");
    static final List<String> APP = List.of("/deployments/quarkus-run.jar", "/deployments/app/", "/deployments/lib/main/",
            "/deployments/lib/main/io.rectification.platform-support-0.1.0-SNAPSHOT.jar",
            "/deployments/quarkus/quarkus-application.dat");

    @TempDir
    Path dir;

    @Test
    void aServiceImageAsJibWritesItPasses() throws IOException {
        Path tar = archive("rectification/reporting-service:0.1.0", SERVICE_CONFIG, false, BASE, APP);
        ImageArchive image = ImageArchive.read(tar);
        assertEquals(List.of(), ImageExpectations.problems("reporting-service", image));
        assertTrue(image.files().contains("deployments/quarkus-run.jar"), "gzipped layer read: " + image.files());
        assertTrue(image.files().contains("usr/bin/java"), "plain layer read");
    }

    @Test
    void eachMissingPieceIsNamed() throws IOException {
        String rootNoPort = SERVICE_CONFIG.replace("\"User\":\"185\"", "\"User\":\"0\"")
                .replace("\"8080/tcp\":{}", "\"9090/tcp\":{}");
        Path tar = archive("rectification/reporting-service:latest", rootNoPort, true,
                List.of("./usr/bin/java", "./usr/bin/curl"), List.of("/deployments/quarkus-run.jar"));
        List<String> problems = ImageExpectations.problems("reporting-service", ImageArchive.read(tar));
        assertEquals(List.of(
                "tags [rectification/reporting-service:latest], expected [rectification/reporting-service:0.1.0]",
                "runs as root (User '0')",
                "2 layers but 1 diff_ids in the config",
                "exposed ports [9090/tcp], expected [8080/tcp]",
                "no deployments/app", "no deployments/lib/main", "no deployments/quarkus/quarkus-application.dat",
                "no platform-support jar under deployments/lib/main",
                "no " + ImageExpectations.REPORT_FONT), problems);
    }

    @Test
    void theConsoleNeedsItsFilesAndTheInitContainersShell() throws IOException {
        String config = "{\"config\":{\"User\":\"185\"},\"rootfs\":{\"diff_ids\":[\"sha256:a\",\"sha256:b\"]}}";
        Path good = archive("rectification/console:0.1.0", config, false, List.of("./bin/sh", "./bin/cp"),
                List.of("./console/index.html", "./usr/share/rectification/console/"));
        assertEquals(List.of(), ImageExpectations.problems("console", ImageArchive.read(good)));
        Path bare = archive("rectification/console:0.1.0", config.replace("\"User\":\"185\"", "\"User\":\"\""), false,
                List.of("./bin/sh"), List.of("./console/index.html"));
        assertEquals(List.of("runs as root (User '')", "no bin/cp", "no usr/share/rectification/console"),
                ImageExpectations.problems("console", ImageArchive.read(bare)));
    }

    /** A two-layer `docker save` archive, the second layer gzipped as Jib writes its own; optionally one diff_id short. */
    private Path archive(String tag, String config, boolean oneDiffIdShort, List<String> base, List<String> app) throws IOException {
        List<String> layers = new ArrayList<>(List.of("base/layer.tar", "app.tar.gz"));
        String manifest = "[{\"Config\":\"config.json\",\"RepoTags\":[\"" + tag + "\"],\"Layers\":[\"base/layer.tar\",\"app.tar.gz\"]}]";
        String effectiveConfig = oneDiffIdShort ? config.replace("\"sha256:a\",", "") : config;
        Path tar = dir.resolve(tag.replaceAll("[/:]", "_") + ".tar");
        try (TarArchiveOutputStream out = new TarArchiveOutputStream(Files.newOutputStream(tar))) {
            out.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            put(out, "manifest.json", manifest.getBytes(StandardCharsets.UTF_8));
            put(out, "config.json", effectiveConfig.getBytes(StandardCharsets.UTF_8));
            put(out, layers.get(0), layer(base, false));
            put(out, layers.get(1), layer(app, true));
        }
        return tar;
    }

    private static byte[] layer(List<String> paths, boolean gzip) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream sink = gzip ? new GZIPOutputStream(bytes) : bytes;
             TarArchiveOutputStream out = new TarArchiveOutputStream(sink)) {
            out.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (String path : paths) {
                if (path.endsWith("/")) {
                    out.putArchiveEntry(new TarArchiveEntry(path));
                    out.closeArchiveEntry();
                } else {
                    put(out, path, new byte[] {1});
                }
            }
        }
        return bytes.toByteArray();
    }

    private static void put(TarArchiveOutputStream out, String name, byte[] content) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setSize(content.length);
        out.putArchiveEntry(entry);
        out.write(content);
        out.closeArchiveEntry();
    }
}
