package io.rectification.deploy.images;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The tars deploy/images/build made, checked without a Docker daemon (deploy/images/check runs this
 * with RECT_CHECK_IMAGES=the directory). Not part of the ordinary test run (deploy's pom excludes it):
 * building the images takes minutes and root.
 */
class BuiltImagesTest {

    static Stream<String> images() {
        return Stream.concat(ImageExpectations.SERVICES.stream(), Stream.of(ImageExpectations.CONSOLE));
    }

    @ParameterizedTest
    @MethodSource("images")
    void isAsDeployedAndRunnable(String name) {
        String dir = System.getenv("RECT_CHECK_IMAGES");
        assertTrue(dir != null && !dir.isBlank(), "RECT_CHECK_IMAGES must name the directory of built images (deploy/images/check)");
        Path tar = Path.of(dir, name + ".tar");
        assertTrue(Files.isRegularFile(tar), tar + " missing: deploy/images/build writes it");
        assertEquals(List.of(), ImageExpectations.problems(name, ImageArchive.read(tar)), tar.toString());
    }
}
