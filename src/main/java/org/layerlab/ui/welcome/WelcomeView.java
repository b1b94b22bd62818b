package org.layerlab.ui.welcome;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.layerlab.core.lesson.Lesson;
import org.layerlab.core.lesson.Lessons;
import org.layerlab.core.stack.Template;

/**
 * The first screen: recent projects, guided lessons and bundled examples, each one click away. It scrolls,
 * so that at 1024×768 every card can be reached.
 */
public final class WelcomeView extends ScrollPane {

    /** A ready example: a bundled sample, the template that suits it, and epochs that train it well. */
    public record Example(
            String title,
            String text,
            String sample,
            Template template,
            int epochs,
            int batchSize,
            double learningRate) {}

    /** What the screen's buttons do. */
    public record Actions(
            Consumer<Example> openExample,
            Consumer<Lesson> openLesson,
            Consumer<Path> openRecent,
            Runnable openProject,
            Runnable openData) {}

    public static final List<Example> EXAMPLES = List.of(
            new Example(
                    "Handwritten digits",
                    "MNIST with a small CNN: 98 % after one epoch",
                    "mnist",
                    Template.MNIST_CNN,
                    1,
                    128,
                    0.001),
            new Example(
                    "Iris flowers",
                    "Three species from four measurements, an MLP",
                    "iris",
                    Template.IRIS_MLP,
                    40,
                    8,
                    0.01),
            new Example(
                    "Movie reviews",
                    "Positive or negative sentences, an Embedding and LSTM",
                    "sentiment",
                    Template.LSTM_SENTIMENT,
                    4,
                    64,
                    0.002),
            new Example(
                    "Small photos",
                    "Ten kinds of object in colour (CIFAR-10), a CNN",
                    "cifar10",
                    Template.CIFAR_CNN,
                    8,
                    64,
                    0.001));

    private final VBox recentList = new VBox(2);

    public WelcomeView(ObservableList<Path> recent, Actions actions) {
        getStyleClass().add("welcome");
        setFitToWidth(true);
        Label title = new Label("Welcome to LayerLab");
        title.getStyleClass().add("title-1");
        Label lead = new Label("Follow a lesson, or pick an example to load its data and a network that suits it, "
                + "then press Start. Or bring your own data.");
        lead.setWrapText(true);

        FlowPane lessons = cards();
        for (Lesson lesson : Lessons.ALL) {
            lessons.getChildren()
                    .add(card(
                            lesson.title(),
                            lesson.summary(),
                            "Open lesson",
                            "lesson-" + lesson.id(),
                            "lesson-card",
                            () -> actions.openLesson().accept(lesson)));
        }
        FlowPane examples = cards();
        for (Example example : EXAMPLES) {
            examples.getChildren()
                    .add(card(
                            example.title(),
                            example.text(),
                            "Try it",
                            "example-" + example.sample(),
                            "example-card",
                            () -> actions.openExample().accept(example)));
        }

        Button project = new Button("Open a project…");
        project.setOnAction(e -> actions.openProject().run());
        Button data = new Button("Use your own data…");
        data.setOnAction(e -> actions.openData().run());
        recent.addListener((ListChangeListener<Path>) c -> fillRecent(recent, actions.openRecent()));
        fillRecent(recent, actions.openRecent());

        VBox content = new VBox(
                12,
                title,
                lead,
                heading("Recent projects"),
                recentList,
                new HBox(10, project, data),
                heading("Lessons"),
                lessons,
                heading("Examples"),
                examples);
        content.setPadding(new Insets(24, 32, 32, 32));
        setContent(content);
    }

    private static FlowPane cards() {
        return new FlowPane(16, 16);
    }

    private static Label heading(String text) {
        Label heading = new Label(text);
        heading.getStyleClass().add("title-3");
        return heading;
    }

    private static VBox card(String name, String text, String action, String id, String style, Runnable open) {
        Label title = new Label(name);
        title.getStyleClass().add("title-4");
        title.setWrapText(true);
        Label description = new Label(text);
        description.setWrapText(true);
        description.setMinHeight(Label.USE_PREF_SIZE);
        Button go = new Button(action);
        go.setId(id);
        go.getStyleClass().add("accent");
        go.setOnAction(e -> open.run());
        VBox card = new VBox(8, title, description, go);
        card.getStyleClass().add(style);
        card.setPrefWidth(222);
        card.setMinHeight(130);
        card.setAlignment(Pos.TOP_LEFT);
        return card;
    }

    private void fillRecent(List<Path> recent, Consumer<Path> open) {
        recentList.getChildren().clear();
        if (recent.isEmpty()) {
            Label none = new Label("None yet: projects you save or open are listed here.");
            none.getStyleClass().add("text-muted");
            recentList.getChildren().add(none);
            return;
        }
        for (Path path : recent) {
            Hyperlink link = new Hyperlink(path.getFileName().toString());
            link.setId("recent-" + recentList.getChildren().size());
            link.setTooltip(new Tooltip(path.toString()));
            link.setOnAction(e -> open.accept(path));
            Label folder =
                    new Label(path.getParent() == null ? "" : path.getParent().toString());
            folder.getStyleClass().add("text-muted");
            HBox row = new HBox(8, link, folder);
            row.setAlignment(Pos.CENTER_LEFT);
            recentList.getChildren().add(row);
        }
    }
}
