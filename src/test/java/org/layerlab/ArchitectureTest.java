package org.layerlab;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The package rules of ../shared/DESIGN.md: the domain knows no JavaFX, DJL or Tablesaw; layers depend inward. */
@AnalyzeClasses(packages = "org.layerlab", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule coreUsesOnlyTheJdk = noClasses()
            .that()
            .resideInAPackage("org.layerlab.core..")
            .should()
            .dependOnClassesThat()
            .resideOutsideOfPackages("org.layerlab.core..", "java..");

    @ArchTest
    static final ArchRule coreStackAndDataStandAlone = noClasses()
            .that()
            .resideInAnyPackage("org.layerlab.core.stack..", "org.layerlab.core.data..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.layerlab.core.training..");

    @ArchTest
    static final ArchRule onlyUiUsesJavaFx = noClasses()
            .that()
            .resideOutsideOfPackage("org.layerlab.ui..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("javafx..");

    @ArchTest
    static final ArchRule onlyEngineUsesDjl = noClasses()
            .that()
            .resideOutsideOfPackage("org.layerlab.engine..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("ai.djl..");

    @ArchTest
    static final ArchRule onlyLoadersUseTablesaw = noClasses()
            .that()
            .resideOutsideOfPackage("org.layerlab.data..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("tech.tablesaw..");

    @ArchTest
    static final ArchRule engineAndLoadersDoNotKnowEachOther = noClasses()
            .that()
            .resideInAPackage("org.layerlab.engine..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.layerlab.data..", "org.layerlab.files..", "org.layerlab.cli..");

    @ArchTest
    static final ArchRule nothingButTheCliAndUiDependsOnThem = noClasses()
            .that()
            .resideInAnyPackage(
                    "org.layerlab.core..", "org.layerlab.data..", "org.layerlab.engine..", "org.layerlab.files..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.layerlab.cli..", "org.layerlab.ui..");

    @ArchTest
    static final ArchRule viewModelsHoldNoSceneGraph = noClasses()
            .that()
            .haveSimpleNameEndingWith("ViewModel")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("javafx.scene..");

    @ArchTest
    static final ArchRule onlyUiCommonPostsToTheFxThread = noClasses()
            .that()
            .resideOutsideOfPackage("org.layerlab.ui.common..")
            .should()
            .callMethod(javafx.application.Platform.class, "runLater", Runnable.class);

    /** Command-line programs print: the CLI and the benchmarks (which report what they measured). */
    @ArchTest
    static final ArchRule noPrintingOutsideTheCli = noClasses()
            .that()
            .resideOutsideOfPackage("org.layerlab.cli..")
            .and()
            .haveSimpleNameNotEndingWith("Benchmark")
            .should()
            .accessField(System.class, "out")
            .orShould()
            .accessField(System.class, "err");
}
