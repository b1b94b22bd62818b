package org.layerlab.ui.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerlab.core.project.Project;
import org.layerlab.core.stack.Dense;
import org.layerlab.core.stack.LayerKind;
import org.layerlab.core.stack.LayerStack;
import org.layerlab.core.stack.Template;
import org.layerlab.core.stack.TensorShape;
import org.layerlab.core.training.LossKind;
import org.layerlab.core.training.StackCompatibility;
import org.layerlab.core.training.SuggestedNetwork;
import org.layerlab.testing.TestTables;
import org.layerlab.testing.TinyData;
import org.layerlab.ui.SameThread;
import org.layerlab.ui.data.DataViewModel;
import org.layerlab.ui.project.ProjectState;

/** Loading data decides where the network starts, and a template follows the data as a hand-built stack does. */
class NetworkFollowsDataTest {
    @TempDir
    Path folder;

    private final ProjectState state = new ProjectState();
    private final DataViewModel data = new DataViewModel(state, new SameThread());
    private final NetworkViewModel network = new NetworkViewModel(state);

    private boolean trainable() {
        return StackCompatibility.check(
                        state.stackProperty().get(), state.datasetProperty().get(), LossKind.SOFTMAX_CROSS_ENTROPY)
                .ok();
    }

    @Test
    void ownDataStartsWithTheSuggestedNetworkNotAnEmptyStack() throws Exception {
        data.loadFile(TestTables.clouds(folder.resolve("wine.csv"), 178, 13, 3, 1));
        assertEquals("Dense(16)", network.rows().get(0).label());
        assertEquals("Dense(3)", network.rows().get(2).label());
        assertEquals(
                "Started with an MLP for tables: Dense(16), ReLU, Dense(3), as suggested for wine.csv. "
                        + "Change it as you like.",
                network.dataNoteProperty().get());
        assertTrue(trainable());
    }

    @Test
    void aTemplatesInputFollowsTheNextData() throws Exception {
        data.loadSample("iris");
        network.applyTemplate(Template.IRIS_MLP);
        data.loadFile(TestTables.clouds(folder.resolve("wine.csv"), 178, 13, 3, 1));
        assertNull(state.stackProperty().get().input());
        assertEquals("Input (13)", network.inputProperty().get());
        assertEquals(
                Template.IRIS_MLP.stackFor(null, 3, 0), state.stackProperty().get());
        assertTrue(network.problems().isEmpty(), network.problems().toString());
        assertTrue(trainable());
        assertEquals(
                "Kept this network for wine.csv: it takes its input (13) from the data.",
                network.dataNoteProperty().get());
    }

    @Test
    void aHandBuiltStackThatStillWorksIsKept() throws Exception {
        data.loadSample("iris");
        network.remove(0);
        network.remove(0);
        network.insert(LayerKind.DENSE, 0);
        network.selectedProperty().set(0);
        network.changeSetting("units", 8);
        LayerStack own = state.stackProperty().get();
        data.loadFile(TestTables.clouds(folder.resolve("three.csv"), 150, 6, 3, 2));
        assertEquals(own, state.stackProperty().get());
        assertNull(network.offeredProperty().get());
        assertTrue(trainable());
    }

    @Test
    void aStackThatNoLongerFitsIsKeptButTheSuggestionIsOfferedWithTheReason() throws Exception {
        data.loadSample("iris");
        network.applyTemplate(Template.IRIS_MLP);
        data.loadFile(TestTables.clouds(folder.resolve("two.csv"), 120, 5, 2, 3));
        assertEquals(
                Template.IRIS_MLP.stackFor(null, 3, 0), state.stackProperty().get());
        assertNotNull(network.offeredProperty().get());
        assertEquals(
                "This network does not fit two.csv: Layer 3 (Dense) outputs 3 values but two.csv has 2 classes; "
                        + "end the stack with Dense(2). Suggested for two.csv: an MLP for tables: Dense(16), ReLU, "
                        + "Dense(2).",
                network.dataNoteProperty().get());
        network.useSuggestion();
        assertTrue(trainable());
        assertNull(network.offeredProperty().get());
        assertEquals(
                "Undo Use the network suggested for two.csv",
                network.undoTextProperty().get());
    }

    @Test
    void fixingTheStackByHandWithdrawsTheOffer() throws Exception {
        data.loadSample("iris");
        data.loadFile(TestTables.clouds(folder.resolve("two.csv"), 120, 5, 2, 3));
        assertNotNull(network.offeredProperty().get());
        network.selectedProperty().set(2);
        network.changeSetting("units", 2);
        assertNull(network.offeredProperty().get());
        assertEquals("", network.dataNoteProperty().get());
    }

    @Test
    void aStackSavedWithAFixedInputTakesItFromTheDataInstead() {
        LayerStack saved = LayerStack.of(TensorShape.of(13), new Dense(16), new Dense(3));
        state.replace(new Project(null, saved, state.trainingProperty().get(), List.of()), null);
        data.loadSample("iris");
        assertNull(state.stackProperty().get().input());
        assertTrue(trainable());
    }

    @Test
    void theSuggestionSuitsTheKindOfData() {
        assertEquals(
                Template.IRIS_MLP, SuggestedNetwork.of(TinyData.blobs(10, 1, 1)).template());
        assertEquals(
                Template.LSTM_SENTIMENT,
                SuggestedNetwork.of(TinyData.tokens(10, 1)).template());
        // 8×8 pictures are too small for the CNN's two convolutions and poolings: the MLP for images.
        assertEquals(
                Template.MNIST_MLP, SuggestedNetwork.of(TinyData.halves(10, 1)).template());
    }
}
