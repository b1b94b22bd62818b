package org.layerlab;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.layerlab.engine.DjlTrainingEngine;
import org.layerlab.ui.LayerLabApp;
import org.layerlab.ui.common.ViewPart;

/** The package rules of ../shared/DESIGN.md: the domain knows no JavaFX, DJL or Tablesaw; layers depend inward. */
@AnalyzeClasses(packages = "org.layerlab", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** Benchmark programs: they build a whole window or engine and print what they measured. */
    private static final String BENCHMARKS = "org.layerlab.ui.bench..";

    /**
     * core ← adapters (data, engine, files, export, serve) ← errors (the sentence for a failure) ← cli, ui ←
     * the launcher. A layer may use its own classes and those of the layers below it, never those above.
     */
    @ArchTest
    static final ArchRule layers = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .ensureAllClassesAreContainedInArchitecture()
            .layer("Core")
            .definedBy("org.layerlab.core..")
            .layer("Adapters")
            .definedBy(
                    "org.layerlab.data..",
                    "org.layerlab.engine..",
                    "org.layerlab.files..",
                    "org.layerlab.export..",
                    "org.layerlab.serve..")
            .layer("Errors")
            .definedBy("org.layerlab.errors..")
            .layer("Cli")
            .definedBy("org.layerlab.cli..")
            .layer("Ui")
            .definedBy("org.layerlab.ui..")
            .layer("Launcher")
            .definedBy("org.layerlab")
            .whereLayer("Launcher")
            .mayNotBeAccessedByAnyLayer()
            .whereLayer("Cli")
            .mayOnlyBeAccessedByLayers("Launcher")
            .whereLayer("Ui")
            .mayOnlyBeAccessedByLayers("Launcher")
            .whereLayer("Errors")
            .mayOnlyBeAccessedByLayers("Cli", "Ui")
            .whereLayer("Adapters")
            .mayOnlyBeAccessedByLayers("Errors", "Cli", "Ui", "Launcher");

    /**
     * The screens (ui.data, ui.network, ui.training, ...) do not know each other: they share only ui.common
     * (executor, dispatcher, messages) and ui.project, the state every screen reads and writes (the project,
     * its dataset and stack, its runs and their models). The window in package ui wires them together; the
     * benchmarks drive a whole window and are no screen.
     */
    @ArchTest
    static final ArchRule screensDoNotKnowEachOther =
            slices().assignedFrom(new ScreenSlices()).should().notDependOnEachOther();

    /** Only a composition root creates the engine: the app, the CLI's commands and the benchmarks. */
    @ArchTest
    static final ArchRule onlyCompositionRootsCreateTheEngine = noClasses()
            .that()
            .resideOutsideOfPackages("org.layerlab.cli..", BENCHMARKS)
            .and()
            .doNotBelongToAnyOf(LayerLabApp.class)
            .should()
            .callConstructor(DjlTrainingEngine.class);

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

    /**
     * DJL's PyTorch internals may change in any release: one class reaches them, and TorchCallsTest pins
     * what it relies on.
     */
    @ArchTest
    static final ArchRule onlyTorchCallsReachesDjlInternals = noClasses()
            .that()
            .doNotHaveFullyQualifiedName("org.layerlab.engine.TorchCalls")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("ai.djl.pytorch..")
            .orShould()
            .callMethod(ai.djl.ndarray.NDArray.class, "getNDArrayInternal");

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

    /**
     * ViewModel-side code holds no scene graph and opens no window. Which classes that is does not depend on
     * their names: every class of a ui sub-package that is not a JavaFX {@code Node} (nor nested in one) and
     * not marked {@link ViewPart}. So the ViewModels, and the plain models beside them (RunView, EventBuffer,
     * Sketch, ProjectState, ...), are covered whatever they are called. The benchmarks build a window.
     */
    @ArchTest
    static final ArchRule viewModelsHoldNoSceneGraph = noClasses()
            .that()
            .resideInAPackage("org.layerlab.ui.*..")
            .and()
            .resideOutsideOfPackage(BENCHMARKS)
            .and(viewModelSide())
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("javafx.scene..", "javafx.stage..");

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
            .resideOutsideOfPackages("org.layerlab.cli..", BENCHMARKS)
            .should()
            .accessField(System.class, "out")
            .orShould()
            .accessField(System.class, "err");

    private static DescribedPredicate<JavaClass> viewModelSide() {
        return DescribedPredicate.describe(
                "are ViewModel-side (no Node, not nested in a Node, not @ViewPart)", c -> !isViewSide(c));
    }

    private static boolean isViewSide(JavaClass c) {
        JavaClass outermost = c;
        while (outermost.getEnclosingClass().isPresent()) {
            outermost = outermost.getEnclosingClass().get();
        }
        return outermost.isAssignableTo(javafx.scene.Node.class) || outermost.isAnnotatedWith(ViewPart.class);
    }

    /** One slice per screen package of ui; ui itself, ui.common, ui.project and the benchmarks are no screen. */
    static final class ScreenSlices implements SliceAssignment {
        private static final String UI = "org.layerlab.ui.";

        @Override
        public SliceIdentifier getIdentifierOf(JavaClass c) {
            String name = c.getPackageName();
            if (!name.startsWith(UI)) {
                return SliceIdentifier.ignore();
            }
            String screen = name.substring(UI.length()).split("\\.", -1)[0];
            if (screen.equals("common") || screen.equals("project") || screen.equals("bench")) {
                return SliceIdentifier.ignore();
            }
            return SliceIdentifier.of(screen);
        }

        @Override
        public String getDescription() {
            return "the screen packages of org.layerlab.ui (all but common, project and bench)";
        }
    }
}
