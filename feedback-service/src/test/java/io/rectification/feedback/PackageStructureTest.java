package io.rectification.feedback;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.rectification.platform.testing.TypedSignatures;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The feature packages of feedback-service depend on each other in one direction only: no cycle
 * between any two (or more). The ledger read model, which the handling and publications read, knows
 * nothing of them (answers to an escalation reach the handling through {@code ledger.EscalationReplies}).
 * Reads the compiled classes; no services.
 */
@Tag("fast")
class PackageStructureTest {

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.rectification.feedback");

    @Test
    void featurePackagesFormNoCycle() {
        slices().matching("io.rectification.feedback.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void resourcesBeansAndConsumersTakeAndAnswerTypedValues() {
        TypedSignatures.rule().check(CLASSES);
    }
}
