package org.layerlab.ui.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.layerlab.ui.common.FxTaskExecutor;
import org.layerlab.ui.common.TaskExecutor;
import org.layerlab.ui.project.ProjectState;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** While a table loads in the background, the Data tab shows how many rows have been read. */
@ExtendWith(ApplicationExtension.class)
@Tag("fx")
class DataViewProgressTest {
    @TempDir
    static Path folder;

    /** Runs the work as the application does, but holds its result until the test lets it go. */
    private static final class HeldResult implements TaskExecutor {
        private final FxTaskExecutor fx = new FxTaskExecutor();
        private final CountDownLatch release = new CountDownLatch(1);

        @Override
        public <T> void submit(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
            fx.submit(work, onSuccess, onFailure);
        }

        @Override
        public <T> void submit(
                ReportingWork<T> work,
                Consumer<Progress> onProgress,
                Consumer<T> onSuccess,
                Consumer<Throwable> onFailure) {
            fx.submit(
                    progress -> {
                        T result = work.call(progress);
                        release.await();
                        return result;
                    },
                    onProgress,
                    onSuccess,
                    onFailure);
        }
    }

    private final HeldResult executor = new HeldResult();
    private final List<Boolean> onFxThread = new ArrayList<>();
    private DataViewModel model;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        model = new DataViewModel(new ProjectState(), executor);
        model.progressProperty().addListener((o, before, now) -> onFxThread.add(Platform.isFxApplicationThread()));
        stage.setScene(new Scene(new DataView(model), 1024, 768));
        stage.show();
    }

    @AfterEach
    void stop() {
        executor.release.countDown();
        executor.fx.close();
    }

    @Test
    void rowsReadAreShownWhileLoadingAndGoneAfter(FxRobot robot) throws Exception {
        StringBuilder text = new StringBuilder("height,weight,kind\n");
        for (int i = 0; i < 5000; i++) {
            text.append(i)
                    .append(',')
                    .append(i % 7)
                    .append(',')
                    .append(i % 2 == 0 ? "fir" : "oak")
                    .append('\n');
        }
        Path csv = folder.resolve("forest.csv");
        Files.writeString(csv, text);

        robot.interact(() -> model.loadFile(csv));
        Label progress = robot.lookup("#data-progress").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(
                30,
                TimeUnit.SECONDS,
                () -> progress.getText().equals("Reading the text of forest.csv: 5,000 of 5,000 rows"));
        assertTrue(progress.isVisible());
        assertTrue(onFxThread.stream().allMatch(b -> b), "progress arrives on the FX thread");
        snapshot("data-loading-progress");

        executor.release.countDown();
        WaitForAsyncUtils.waitFor(
                30, TimeUnit.SECONDS, () -> model.previewProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("", progress.getText());
        assertTrue(!progress.isVisible(), "no progress line once loaded");
    }

    private void snapshot(String name) throws Exception {
        Path file = Path.of("target", "screenshots", name + ".png");
        Files.createDirectories(file.getParent());
        WritableImage[] image = new WritableImage[1];
        WaitForAsyncUtils.asyncFx(() -> image[0] = stage.getScene().getRoot().snapshot(null, null))
                .get(30, TimeUnit.SECONDS);
        ImageIO.write(SwingFXUtils.fromFXImage(image[0], null), "png", file.toFile());
    }
}
