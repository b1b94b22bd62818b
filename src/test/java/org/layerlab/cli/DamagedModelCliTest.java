package org.layerlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A model folder that was changed by hand or cut short is named in one line, never an engine's exception. */
class DamagedModelCliTest {
    @TempDir
    Path folder;

    private Path model;
    private Path flowers;

    @BeforeEach
    void trainIris() throws Exception {
        Path run = folder.resolve("iris");
        CliTest.Run train = CliTest.run(
                "train",
                "--data",
                "sample:iris",
                "--stack",
                "sample-data/stacks/iris-mlp.json",
                "--epochs",
                "1",
                "--out",
                run.toString());
        assertEquals(0, train.status(), train.err());
        model = run.resolve("model");
        flowers = Files.writeString(folder.resolve("flowers.csv"), """
                sepal_length,sepal_width,petal_length,petal_width
                5.1,3.5,1.4,0.2
                """);
    }

    @Test
    void aModelWhoseInputNoLongerMatchesIsNamed() throws Exception {
        Path info = model.resolve("model.json");
        Files.writeString(
                info,
                Files.readString(info).replaceFirst("\"input_shape\"\\s*:\\s*\\[\\s*4\\s*]", "\"input_shape\":[5]"));
        CliTest.assertOneLineError(
                CliTest.run("predict", "--model", model.toString(), "--input", flowers.toString()),
                model + ": the files disagree about the input (model.json: input shape [5] and 4 prepared values a "
                        + "sample; stack.json: input (4)); they were changed or come from different runs. Train the "
                        + "model again.");
    }

    @Test
    void aWeightsFileCutShortIsNamed() throws Exception {
        try (FileChannel weights = FileChannel.open(model.resolve("layerlab-0000.params"), StandardOpenOption.WRITE)) {
            weights.truncate(100);
        }
        CliTest.assertOneLineError(
                CliTest.run("evaluate", "--model", model.toString(), "--data", "sample:iris"),
                model + ": the weights cannot be loaded (the weights file is damaged or cut short); train the model "
                        + "again.");
    }
}
