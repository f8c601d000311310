package io.rectification.tasks;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.rectification.platform.testing.TypedSignatures;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The packages of tasks-service depend on each other in one direction only: no cycle between any two
 * (or more) feature packages, and the progress roll-ups, areas and problems know nothing of tasks.
 * Reads the compiled classes; no services.
 */
@Tag("fast")
class PackageStructureTest {

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.rectification.tasks");

    @Test
    void featurePackagesFormNoCycle() {
        slices().matching("io.rectification.tasks.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void rollupsAreasAndProblemsDoNotImportTasks() {
        noClasses().that().resideInAnyPackage("io.rectification.tasks.rollup..", "io.rectification.tasks.area..",
                        "io.rectification.tasks.problem..")
                .should().dependOnClassesThat().resideInAnyPackage("io.rectification.tasks.task..",
                        "io.rectification.tasks.work..")
                .check(CLASSES);
    }

    @Test
    void resourcesBeansAndConsumersTakeAndAnswerTypedValues() {
        TypedSignatures.rule().check(CLASSES);
    }
}
