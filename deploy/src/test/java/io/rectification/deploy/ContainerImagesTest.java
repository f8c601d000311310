package io.rectification.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rectification.deploy.images.ImageExpectations;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The fast half of the container images (the build itself takes minutes and root, deploy/images/build):
 * the three services get one image configuration, its names are those compose and Kubernetes run,
 * and no hand-kept Dockerfile is left to drift from it.
 */
@Tag("fast")
class ContainerImagesTest {

    static final Path ROOT = DeploymentManifestsTest.ROOT;

    @Test
    void theParentsImagesProfileNamesTheImagesTheManifestsRun() throws IOException {
        String profile = imagesProfile(Files.readString(ROOT.resolve("pom.xml")));
        assertEquals(ImageExpectations.GROUP, property(profile, "quarkus.container-image.group"));
        assertEquals(ImageExpectations.TAG, property(profile, "quarkus.container-image.tag"));
        assertEquals("true", property(profile, "quarkus.container-image.build"));
        assertEquals("false", property(profile, "quarkus.container-image.push"), "nowhere to push to");
        assertEquals("185", property(profile, "quarkus.jib.user"), "not root");
        assertEquals(String.valueOf(DeploymentManifestsTest.CONTAINER_PORT), property(profile, "quarkus.jib.ports"),
                "the image exposes the port compose and Kubernetes use, not the local stack's");
        assertEquals(String.valueOf(DeploymentManifestsTest.CONTAINER_PORT),
                property(profile, "quarkus.jib.environment-variables.QUARKUS_HTTP_PORT"), "and listens on it");
        assertEquals("false", property(profile, "quarkus.jib.use-current-timestamp"), "same inputs, same image");
    }

    @ParameterizedTest
    @ValueSource(strings = {"tasks-service", "feedback-service", "reporting-service"})
    void eachServiceBuildsItsImageWithJibOnlyInTheImagesProfile(String service) throws IOException {
        String pom = Files.readString(ROOT.resolve(service).resolve("pom.xml"));
        String profile = imagesProfile(pom);
        assertTrue(profile.contains("<artifactId>quarkus-container-image-jib</artifactId>"), service + " images profile adds Jib");
        assertEquals(1, pom.split("quarkus-container-image-jib", -1).length - 1, service + ": Jib only in the profile, not in every build");
        assertTrue(Files.notExists(ROOT.resolve(service).resolve("src/main/docker")), service + " keeps no Dockerfile");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theGatewaysInitContainerRunsTheConsoleImage() throws IOException {
        List<Map<String, Object>> documents = Kustomize.render(ROOT.resolve("deploy/k8s/overlays/production"));
        Map<String, Object> pod = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>)
                DeploymentManifestsTest.find(documents, "Deployment", "gateway").get("spec")).get("template")).get("spec");
        Map<String, Object> init = ((List<Map<String, Object>>) pod.get("initContainers")).get(0);
        assertEquals(ImageExpectations.imageName(ImageExpectations.CONSOLE), init.get("image"));
        // console-image gives it busybox's sh and cp, and the files under /console.
        assertEquals(List.of("/bin/sh", "-c", "cp -R /console/. /usr/share/rectification/console/"), init.get("command"));
    }

    @Test
    void theBuildScriptsAreThereAndRunnable() {
        Stream.of("build", "base-image", "debian-tree", "console-image", "pack-image", "docker-to-tar", "check",
                        "stand-ins", "stand-ins.d/postgres-entrypoint", "stand-ins.d/kafka-run", "stand-ins.d/kafka-tool", "run-check")
                .map(s -> ROOT.resolve("deploy/images").resolve(s))
                .forEach(s -> assertTrue(Files.isExecutable(s), s + " executable"));
    }

    /**
     * deploy/compose/stand-ins.yml swaps public images for ones deploy/images/stand-ins builds, and
     * nothing else: each service it names is compose's, it sets only the image, and that image is one
     * the script builds (its name and tag are in the script).
     */
    @Test
    @SuppressWarnings("unchecked")
    void theStandInsReplaceOnlyImagesTheScriptBuilds() throws IOException {
        Map<String, Map<String, Object>> compose = (Map<String, Map<String, Object>>)
                DeploymentManifestsTest.yaml(ROOT.resolve("deploy/compose/docker-compose.yml")).get(0).get("services");
        Map<String, Map<String, Object>> standIns = (Map<String, Map<String, Object>>)
                DeploymentManifestsTest.yaml(ROOT.resolve("deploy/compose/stand-ins.yml")).get(0).get("services");
        String script = Files.readString(ROOT.resolve("deploy/images/stand-ins"));
        assertTrue(standIns.size() >= 5, "postgres, kafka, mail, keycloak, gateway: " + standIns.keySet());
        standIns.forEach((service, settings) -> {
            assertTrue(compose.containsKey(service), service + " is a compose service");
            assertEquals(Set.of("image"), settings.keySet(), service + ": only the image is replaced");
            String image = (String) settings.get("image");
            String[] nameAndTag = image.split(":");
            assertTrue(image.startsWith("rectification/") && nameAndTag.length == 2, service + ": " + image);
            String name = nameAndTag[0], tag = nameAndTag[1];
            // Named literally, or as name:$variable with the variable set to the tag.
            Matcher variable = Pattern.compile(Pattern.quote(name) + ":\\$([a-z_]+)").matcher(script);
            assertTrue(script.contains(image + " ") || variable.find() && script.contains("\n" + variable.group(1) + "=" + tag + "\n"),
                    service + ": deploy/images/stand-ins builds " + image);
        });
        for (String service : List.of("tasks-service", "feedback-service", "reporting-service", "console")) {
            assertFalse(standIns.containsKey(service), service + " runs the image deploy/images/build makes");
        }
    }

    private static String imagesProfile(String pom) {
        Matcher m = Pattern.compile("<profile>\\s*(?:<!--.*?-->\\s*)?<id>images</id>(.*?)</profile>", Pattern.DOTALL).matcher(pom);
        assertTrue(m.find(), "an `images` profile");
        return m.group(1);
    }

    private static String property(String xml, String name) {
        Matcher m = Pattern.compile("<" + Pattern.quote(name) + ">([^<]*)</" + Pattern.quote(name) + ">").matcher(xml);
        return m.find() ? m.group(1) : null;
    }
}
