package io.rectification.reporting;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.rectification.platform.testing.TypedSignatures;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The feature packages of reporting-service depend on each other in one direction only: no cycle
 * between any two (or more). Reads the compiled classes; no services.
 */
@Tag("fast")
class PackageStructureTest {

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.rectification.reporting");

    @Test
    void featurePackagesFormNoCycle() {
        slices().matching("io.rectification.reporting.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void resourcesBeansAndConsumersTakeAndAnswerTypedValues() {
        TypedSignatures.rule().check(CLASSES);
    }
}
