package io.rectification.deploy.images;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The tars deploy/images/build made, checked without a Docker daemon (deploy/images/check runs this
 * with RECT_CHECK_IMAGES=the directory). Skipped otherwise: building them takes minutes and root.
 */
class BuiltImagesTest {

    static Stream<String> images() {
        return Stream.concat(ImageExpectations.SERVICES.stream(), Stream.of(ImageExpectations.CONSOLE));
    }

    @ParameterizedTest
    @MethodSource("images")
    void isAsDeployedAndRunnable(String name) {
        String dir = System.getenv("RECT_CHECK_IMAGES");
        assumeTrue(dir != null && !dir.isBlank(), "RECT_CHECK_IMAGES not set: no built images to check");
        Path tar = Path.of(dir, name + ".tar");
        assertTrue(Files.isRegularFile(tar), tar + " missing: deploy/images/build writes it");
        assertEquals(List.of(), ImageExpectations.problems(name, ImageArchive.read(tar)), tar.toString());
    }
}
