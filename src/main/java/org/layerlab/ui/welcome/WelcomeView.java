package org.layerlab.ui.welcome;

import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import org.layerlab.core.stack.Template;

/** The first screen: bundled examples that are one click from training. */
public final class WelcomeView extends VBox {

    /** A ready example: a bundled sample, the template that suits it, and epochs that train it well. */
    public record Example(
            String title,
            String text,
            String sample,
            Template template,
            int epochs,
            int batchSize,
            double learningRate) {}

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

    public WelcomeView(Consumer<Example> open, Runnable openProject, Runnable openData) {
        getStyleClass().add("welcome");
        setSpacing(16);
        setPadding(new Insets(32));
        Label title = new Label("Welcome to LayerLab");
        title.getStyleClass().add("title-1");
        Label lead = new Label("Pick an example to load its data and a network that suits it, then press Start. "
                + "Or bring your own data.");
        lead.setWrapText(true);
        FlowPane cards = new FlowPane(16, 16);
        for (Example example : EXAMPLES) {
            Label name = new Label(example.title());
            name.getStyleClass().add("title-3");
            Label text = new Label(example.text());
            text.setWrapText(true);
            Button go = new Button("Try it");
            go.setId("example-" + example.sample());
            go.getStyleClass().add("accent");
            go.setOnAction(e -> open.accept(example));
            VBox card = new VBox(8, name, text, go);
            card.getStyleClass().add("example-card");
            card.setPrefSize(250, 140);
            card.setAlignment(Pos.TOP_LEFT);
            cards.getChildren().add(card);
        }
        Button project = new Button("Open a project…");
        project.setOnAction(e -> openProject.run());
        Button data = new Button("Use your own data…");
        data.setOnAction(e -> openData.run());
        getChildren().addAll(title, lead, cards, new javafx.scene.layout.HBox(10, project, data));
    }
}
