package io.rectification.platform.error;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The problem members the services send are the ones the OpenAPI documents list (ProblemMembers):
 * every {@code .with("name", …)} of the main code of every module is documented, and every
 * documented member is sent somewhere.
 */
@Tag("fast")
class ProblemMembersTest {

    /** ApiException's with(name, value); Panache's Parameters.with(name, value) is a query's, not a problem's. */
    private static final Pattern WITH = Pattern.compile("(?<!Parameters)\\.with\\(\\s*\"(\\w+)\"");

    @Test
    void everyMemberAProblemCarriesIsDocumentedAndEveryDocumentedOneIsSent() throws IOException {
        Set<String> sent = sentMembers();
        assertTrue(sent.contains("currentVersion") && sent.contains("allowedSteps"), "the scan found " + sent);
        Set<String> undocumented = new TreeSet<>(sent);
        undocumented.removeAll(ProblemMembers.ALL.keySet());
        assertEquals(Set.of(), undocumented, "sent in a problem but not in ProblemMembers");
        Set<String> unsent = new TreeSet<>(ProblemMembers.ALL.keySet());
        unsent.removeAll(sent);
        assertEquals(Set.of(), unsent, "in ProblemMembers but sent by no service");
    }

    @Test
    void theScanFindsAMemberAndPassesOverAQuerysParameters() {
        assertEquals(Set.of("state"), members("throw ApiException.conflict(d).with(\"state\", s);\n"
                + "find(\"x = :today\", Parameters.with(\"today\", today));"));
    }

    private static Set<String> sentMembers() throws IOException {
        Set<String> found = new TreeSet<>();
        try (Stream<Path> modules = Files.list(Path.of(".."))) {
            for (Path main : modules.map(module -> module.resolve("src/main/java")).filter(Files::isDirectory).toList()) {
                try (Stream<Path> sources = Files.walk(main)) {
                    for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                        found.addAll(members(Files.readString(source)));
                    }
                }
            }
        }
        return found;
    }

    private static Set<String> members(String source) {
        Set<String> found = new TreeSet<>();
        Matcher with = WITH.matcher(source);
        while (with.find()) {
            found.add(with.group(1));
        }
        return found;
    }
}
