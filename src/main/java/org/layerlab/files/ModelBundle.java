package org.layerlab.files;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.layerlab.core.data.DataKind;
import org.layerlab.core.data.Split;
import org.layerlab.core.stack.LayerStack;
import org.layerlab.core.training.LossKind;
import org.layerlab.core.training.ModelInfo;
import org.layerlab.core.training.TrainedModel;
import org.layerlab.core.training.TrainingEngine;

/**
 * A saved model folder: stack.json (the layers), model.json (classes and how input is prepared) and the
 * engine's weights (DJL's layerlab-0000.params). Written to a temporary folder and moved into place.
 */
public final class ModelBundle {
    static final String FORMAT = "layerlab-model";
    static final int VERSION = 1;
    private static final String STACK = "stack.json";
    private static final String INFO = "model.json";

    private ModelBundle() {}

    public static void save(TrainedModel model, Path folder) throws IOException {
        Path temporary = AtomicFiles.temporaryFolderFor(folder);
        try {
            StackFile.write(temporary.resolve(STACK), model.stack());
            JsonFiles.write(temporary.resolve(INFO), infoJson(model.info()));
            model.saveWeights(temporary);
            AtomicFiles.replaceFolder(temporary, folder);
        } finally {
            AtomicFiles.deleteTree(temporary);
        }
    }

    /** True for the files {@link #save} writes into a model folder: the stack, the info and the engine's weights. */
    static boolean isOwnFile(String name) {
        return name.equals(STACK) || name.equals(INFO) || name.endsWith(".params");
    }

    public static TrainedModel load(Path folder, TrainingEngine engine) throws FileFormatException {
        if (!Files.isDirectory(folder)) {
            throw new FileFormatException(folder + ": no such model folder; give the folder that holds model.json "
                    + "(train writes it as OUT/model).");
        }
        Path modelFolder = Files.isRegularFile(folder.resolve(INFO)) ? folder : folder.resolve("model");
        if (!Files.isRegularFile(modelFolder.resolve(INFO))) {
            throw new FileFormatException(folder + ": holds no model.json; give the folder a training run wrote.");
        }
        LayerStack stack = StackFile.read(modelFolder.resolve(STACK));
        ModelInfo info = readInfo(
                JsonFiles.read(modelFolder.resolve(INFO)),
                modelFolder.resolve(INFO).toString());
        checkInputsAgree(stack, info, modelFolder);
        try {
            return engine.load(stack, info, modelFolder);
        } catch (IOException | RuntimeException e) {
            throw new FileFormatException(
                    modelFolder + ": the weights cannot be loaded (" + reason(e) + "); train the model again.", e);
        }
    }

    /**
     * The stack's input, model.json's input shape and the preparation of raw input must describe the same
     * numbers, or the first prediction fails deep inside the engine; a hand-edited or mixed-up folder is
     * named here instead.
     */
    private static void checkInputsAgree(LayerStack stack, ModelInfo info, Path folder) throws FileFormatException {
        long shape = 1;
        for (int d : info.inputShape()) {
            shape *= d;
        }
        long stackInput = 1;
        for (int d : stack.input().dims()) {
            stackInput *= d;
        }
        long prepared = info.preprocessing().valuesPerSample();
        if (shape != prepared || stackInput != prepared) {
            throw new FileFormatException(folder + ": the files disagree about the input (model.json: input shape "
                    + java.util.Arrays.toString(info.inputShape()) + " and " + prepared + " prepared values a sample; "
                    + "stack.json: input " + stack.input() + "); they were changed or come from different runs. "
                    + "Train the model again.");
        }
    }

    /**
     * A weights file cut short fails without a message, and PyTorch's own messages run over many lines with
     * a C++ trace: keep the one line that says what happened.
     */
    static String reason(Throwable e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return "the weights file is damaged or cut short";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline).strip() + " …";
    }

    static ObjectNode infoJson(ModelInfo info) {
        ObjectNode root = JsonNodeFactory.instance
                .objectNode()
                .put("format", FORMAT)
                .put("version", VERSION)
                .put("data_kind", info.dataKind().name().toLowerCase(Locale.ROOT))
                .put("loss", info.loss().cliName());
        ArrayNode shape = root.putArray("input_shape");
        for (int d : info.inputShape()) {
            shape.add(d);
        }
        ArrayNode classes = root.putArray("class_names");
        info.classNames().forEach(classes::add);
        root.set("preprocessing", PreprocessingJson.write(info.preprocessing()));
        root.putObject("data").put("name", info.dataName()).put("samples", info.dataSamples());
        root.putObject("split")
                .put("validation", info.split().validationFraction())
                .put("test", info.split().testFraction())
                .put("seed", info.split().seed())
                .put("by_class", info.split().byClass());
        return root;
    }

    static ModelInfo readInfo(JsonNode root, String name) throws FileFormatException {
        JsonFiles.checkHeader(root, name, FORMAT, VERSION);
        try {
            DataKind kind = DataKind.valueOf(root.path("data_kind").asText().toUpperCase(Locale.ROOT));
            JsonNode split = root.path("split");
            JsonNode shapeNode = root.path("input_shape");
            int[] shape = new int[shapeNode.size()];
            for (int i = 0; i < shape.length; i++) {
                shape[i] = shapeNode.get(i).asInt();
            }
            return new ModelInfo(
                    kind,
                    shape,
                    PreprocessingJson.strings(root.path("class_names")),
                    PreprocessingJson.read(root.path("preprocessing"), name),
                    LossKind.fromName(root.path("loss").asText("ce")),
                    new Split(
                            split.path("validation").asDouble(),
                            split.path("test").asDouble(),
                            split.path("seed").asLong(),
                            // Absent in models saved before splits were by class: their split was plain.
                            split.path("by_class").asBoolean(false)),
                    root.path("data").path("name").asText(""),
                    root.path("data").path("samples").asInt(0));
        } catch (IllegalArgumentException e) {
            throw new FileFormatException(name + ": " + e.getMessage() + ".", e);
        }
    }
}
