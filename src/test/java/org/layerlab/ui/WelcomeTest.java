package org.layerlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.ScrollPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerlab.core.lesson.Lessons;
import org.layerlab.ui.welcome.WelcomeView;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** The Welcome tab at 1024×768: every lesson and example can be reached, and recent projects open. */
class WelcomeTest extends WorkbenchTestBase {
    @TempDir
    Path folder;

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        open(stage);
    }

    @Test
    void atTheSmallestWindowEveryCardsButtonCanBeScrolledFullyIntoView(FxRobot robot) throws Exception {
        robot.interact(() -> {
            stage.setWidth(1024);
            stage.setHeight(768);
        });
        ScrollPane welcome = robot.lookup(".welcome").queryAs(ScrollPane.class);
        List<String> ids = new java.util.ArrayList<>();
        Lessons.ALL.forEach(lesson -> ids.add("#lesson-" + lesson.id()));
        WelcomeView.EXAMPLES.forEach(example -> ids.add("#example-" + example.sample()));

        for (String id : ids) {
            Button button = robot.lookup(id).queryAs(Button.class);
            robot.interact(() -> scrollTo(welcome, button));
            Bounds shown = button.localToScene(button.getBoundsInLocal());
            Bounds viewport = welcome.localToScene(welcome.getLayoutBounds());
            assertTrue(
                    shown.getMinX() >= viewport.getMinX()
                            && shown.getMaxX() <= viewport.getMaxX()
                            && shown.getMinY() >= viewport.getMinY()
                            && shown.getMaxY() <= viewport.getMaxY()
                            && viewport.getMaxX() <= 1024
                            && viewport.getMaxY() <= 768,
                    id + " at " + shown + " lies inside the view " + viewport);
        }
        robot.interact(() -> welcome.setVvalue(0));
        snapshot(robot, "welcome-1024");
    }

    @Test
    void aSavedProjectIsListedAndOpensWithOneClick(FxRobot robot) throws Exception {
        Path project = folder.resolve("digits-lesson.layerlab");
        robot.interact(() -> window.projects().saveAs(project));
        await(() -> robot.lookup("#recent-0").tryQuery().isPresent());
        Hyperlink recent = robot.lookup("#recent-0").queryAs(Hyperlink.class);
        assertEquals("digits-lesson.layerlab", recent.getText());

        robot.interact(() -> window.projects().newProject());
        assertFalse(project.equals(window.projects().state().fileProperty().get()));
        robot.clickOn("#recent-0");
        await(() -> project.equals(window.projects().state().fileProperty().get()));
    }

    /** Scrolls so that {@code node} is at the top of the view, or as far as the content allows. */
    private static void scrollTo(ScrollPane pane, Node node) {
        pane.layout();
        double contentHeight = pane.getContent().getBoundsInLocal().getHeight();
        double viewHeight = pane.getViewportBounds().getHeight();
        double y = pane.getContent()
                .sceneToLocal(node.localToScene(node.getBoundsInLocal()))
                .getMinY();
        pane.setVvalue(contentHeight <= viewHeight ? 0 : Math.min(1, y / (contentHeight - viewHeight)));
        pane.layout();
    }
}
