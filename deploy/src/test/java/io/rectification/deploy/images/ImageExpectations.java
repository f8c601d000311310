package io.rectification.deploy.images;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What each image of deploy/images/build must hold, checked from its tar alone: the name compose
 * and Kubernetes use, a non-root user, and for a service the JVM, the application and its port
 * (reporting also the CJK font its PDFs need); for the console its files and the shell and cp of
 * the gateway's init container.
 */
public final class ImageExpectations {

    public static final String GROUP = "rectification";
    public static final String TAG = "0.1.0";
    public static final List<String> SERVICES = List.of("tasks-service", "feedback-service", "reporting-service");
    public static final String CONSOLE = "console";
    /** ReportPdf.DEFAULT_FONT, from Debian's fonts-wqy-microhei. */
    static final String REPORT_FONT = "usr/share/fonts/truetype/wqy/wqy-microhei.ttc";

    private ImageExpectations() {
    }

    public static String imageName(String name) {
        return GROUP + "/" + name + ":" + TAG;
    }

    /** The problems found, empty when the image is as expected. */
    public static List<String> problems(String name, ImageArchive image) {
        List<String> problems = new ArrayList<>();
        if (!image.tags().equals(List.of(imageName(name)))) {
            problems.add("tags " + image.tags() + ", expected [" + imageName(name) + "]");
        }
        String user = image.user();
        if (user.isEmpty() || user.equals("0") || user.startsWith("0:") || user.startsWith("root")) {
            problems.add("runs as root (User '" + user + "')");
        }
        if (image.layerCount() != image.diffIdCount()) {
            problems.add(image.layerCount() + " layers but " + image.diffIdCount() + " diff_ids in the config");
        }
        if (name.equals(CONSOLE)) {
            // The last: the mount point of the volume the copy writes to (compose gives a new volume its mode).
            requireFiles(problems, image.files(), "console/index.html", "bin/sh", "bin/cp", "usr/share/rectification/console");
        } else {
            List<String> entrypoint = image.entrypoint();
            if (entrypoint.isEmpty() || !entrypoint.get(0).equals("java") || !entrypoint.contains("quarkus-run.jar")) {
                problems.add("entrypoint " + entrypoint + " does not start quarkus-run.jar with java");
            }
            if (!image.exposedPorts().equals(Set.of("8080/tcp"))) {
                problems.add("exposed ports " + image.exposedPorts() + ", expected [8080/tcp]");
            }
            if (!image.config().path("config").path("WorkingDir").asText().equals("/deployments")) {
                problems.add("working directory is not /deployments");
            }
            requireFiles(problems, image.files(), "deployments/quarkus-run.jar", "deployments/app",
                    "deployments/lib/main", "deployments/quarkus/quarkus-application.dat", "usr/bin/java",
                    "usr/bin/curl");
            if (image.files().stream().noneMatch(f -> f.startsWith("deployments/lib/main/io.rectification.platform-support"))) {
                problems.add("no platform-support jar under deployments/lib/main");
            }
            if (name.equals("reporting-service")) {
                requireFiles(problems, image.files(), REPORT_FONT);
            }
        }
        return problems;
    }

    private static void requireFiles(List<String> problems, Set<String> files, String... required) {
        for (String path : required) {
            if (!files.contains(path)) {
                problems.add("no " + path);
            }
        }
    }
}
