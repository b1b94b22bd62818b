package org.layerlab.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerlab.core.stack.Activation;
import org.layerlab.core.stack.ActivationFunction;
import org.layerlab.core.stack.AvgPool2D;
import org.layerlab.core.stack.BatchNorm;
import org.layerlab.core.stack.Conv2D;
import org.layerlab.core.stack.Dense;
import org.layerlab.core.stack.Dropout;
import org.layerlab.core.stack.Embedding;
import org.layerlab.core.stack.Flatten;
import org.layerlab.core.stack.Gru;
import org.layerlab.core.stack.LayerStack;
import org.layerlab.core.stack.Lstm;
import org.layerlab.core.stack.MaxPool2D;
import org.layerlab.core.stack.Padding;
import org.layerlab.core.stack.TensorShape;

class StackFileTest {
    @TempDir
    Path folder;

    @Test
    void everyLayerKindSurvivesARoundTrip() throws Exception {
        LayerStack stack = LayerStack.of(
                TensorShape.of(3, 32, 32),
                new Conv2D(16, 5, 2, Padding.SAME),
                new MaxPool2D(3, 1),
                new AvgPool2D(2),
                new BatchNorm(),
                new Activation(ActivationFunction.LEAKY_RELU),
                new Flatten(),
                new Dropout(0.25),
                new Dense(7, false),
                new Embedding(50, 4),
                new Lstm(8, true),
                new Gru(3, false),
                new Activation(ActivationFunction.SOFTMAX));
        Path file = folder.resolve("stack.json");
        StackFile.write(file, stack);
        assertEquals(stack, StackFile.read(file));
        String text = Files.readString(file);
        assertTrue(text.contains("\"type\" : \"conv2d\""), "readable by people: " + text);
    }

    @Test
    void inputMayBeLeftToTheData() throws Exception {
        LayerStack read = StackFile.read(
                write("{\"format\":\"layerlab-stack\",\"version\":1," + "\"layers\":[{\"type\":\"dense\"}]}"));
        assertNull(read.input());
        assertEquals(Dense.DEFAULT, read.layers().get(0), "missing settings take the defaults");
    }

    @Test
    void invalidJsonNamesLineAndColumn() throws Exception {
        Path file = write("{\"format\": \"layerlab-stack\",\n \"version\": 1,\n \"layers\": [ {\"type\": \"dense\" ]}");
        FileFormatException e = assertThrows(FileFormatException.class, () -> StackFile.read(file));
        assertTrue(e.getMessage().contains("is not valid JSON at line 3, column"), e.getMessage());
    }

    @Test
    void futureVersionAsksForANewerLayerLab() throws Exception {
        Path file = write("{\"format\":\"layerlab-stack\",\"version\":7,\"layers\":[]}");
        FileFormatException e = assertThrows(FileFormatException.class, () -> StackFile.read(file));
        assertTrue(
                e.getMessage().contains("newer LayerLab (format version 7; this one reads up to 1)"), e.getMessage());
    }

    @Test
    void mistakesInALayerNameTheLayerAndSetting() throws Exception {
        assertMessage("[{\"type\":\"dense2\"}]", "layer 1 has unknown type 'dense2'; use one of dense, conv2d");
        assertMessage(
                "[{\"type\":\"flatten\"},{\"type\":\"dense\",\"unit\":3}]",
                "layer 2 (Dense) has an unknown setting 'unit'; it takes units, bias.");
        assertMessage("[{\"type\":\"dense\",\"units\":\"many\"}]", "layer 1 (Dense): 'units' must be a whole number");
        assertMessage(
                "[{\"type\":\"flatten\"},{\"type\":\"dense\",\"units\":100000000000}]",
                "layer 2 (Dense): 'units' must be at most 2,147,483,647 (is 100,000,000,000).");
        assertMessage("[{\"type\":\"dense\",\"units\":1e11}]", "'units' must be at most 2,147,483,647");
        assertMessage("[{\"type\":\"dense\",\"units\":2.5}]", "'units' must be a whole number but is 2.5.");
        assertMessage(
                "[{\"type\":\"conv2d\",\"padding\":\"full\"}]", "'padding' must be valid or same but is \"full\".");
        assertMessage("[{\"type\":\"activation\",\"function\":\"swish\"}]", "'function' must be relu");
    }

    @Test
    void notAStackFile() throws Exception {
        Path file = write("{\"format\":\"layerlab-project\",\"version\":1}");
        FileFormatException e = assertThrows(FileFormatException.class, () -> StackFile.read(file));
        assertTrue(e.getMessage().contains("is not a LayerLab stack file"), e.getMessage());
    }

    private void assertMessage(String layers, String expected) throws Exception {
        Path file = write("{\"format\":\"layerlab-stack\",\"version\":1,\"layers\":" + layers + "}");
        FileFormatException e = assertThrows(FileFormatException.class, () -> StackFile.read(file));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    private Path write(String json) throws Exception {
        Path file = folder.resolve("stack-" + System.nanoTime() + ".json");
        Files.writeString(file, json);
        return file;
    }
}
