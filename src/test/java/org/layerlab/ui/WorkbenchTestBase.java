package org.layerlab.ui;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.layerlab.core.training.TrainingEngine;
import org.layerlab.engine.DjlTrainingEngine;
import org.layerlab.ui.common.FxTaskExecutor;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Opens the real workbench window, with the real engine, for each test; stops its work afterwards.
 * TestFX only finds a test class's own @Start method, so each subclass has one that calls {@link #open}.
 */
@ExtendWith(ApplicationExtension.class)
@Tag("fx")
abstract class WorkbenchTestBase {
    @TempDir
    static Path home;

    MainWindow window;
    private FxTaskExecutor executor;

    void open(Stage stage) {
        open(stage, new DjlTrainingEngine());
    }

    /** Opens the workbench on another engine, e.g. one that fails. */
    void open(Stage stage, TrainingEngine engine) {
        executor = new FxTaskExecutor();
        window = LayerLabApp.build(stage, engine, executor, home);
        stage.show();
    }

    @AfterEach
    void stopWork() {
        window.training().stop();
        executor.close();
    }

    /** Writes the whole window to target/screenshots/NAME.png and checks that it is a real, non-empty picture. */
    void snapshot(FxRobot robot, String name) throws Exception {
        Snapshots.save(robot, window.stage().getScene().getRoot(), name, 10_000);
    }

    /** Waits (by polling, with a deadline) for background work the test started, then for the FX thread. */
    static void await(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
