package org.layerlab.files;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import org.layerlab.core.training.EarlyStopping;
import org.layerlab.core.training.LossKind;
import org.layerlab.core.training.OptimizerKind;
import org.layerlab.core.training.OptimizerSettings;
import org.layerlab.core.training.TrainingConfig;

/** A TrainingConfig as JSON inside a project file. Missing values take the defaults. */
public final class TrainingConfigJson {

    private TrainingConfigJson() {}

    /** Writes a run's training settings as a JSON file of their own (train writes DIR/training.json). */
    public static void save(Path file, TrainingConfig config) throws java.io.IOException {
        JsonFiles.write(file, write(config));
    }

    /** Reads what {@link #save} wrote. */
    public static TrainingConfig load(Path file) throws FileFormatException {
        return read(JsonFiles.read(file), file.toString());
    }

    static ObjectNode write(TrainingConfig config) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        OptimizerSettings o = config.optimizer();
        node.putObject("optimizer")
                .put("kind", o.kind().cliName())
                .put("learning_rate", o.learningRate())
                .put("momentum", o.momentum())
                .put("rho", o.rho())
                .put("beta1", o.beta1())
                .put("beta2", o.beta2())
                .put("epsilon", o.epsilon());
        node.put("loss", config.loss().cliName())
                .put("epochs", config.epochs())
                .put("batch_size", config.batchSize())
                .put("validation_fraction", config.validationFraction())
                .put("seed", config.seed());
        node.putObject("early_stopping")
                .put("patience", config.earlyStopping().patience())
                .put("keep_best", config.earlyStopping().keepBestWeights());
        return node;
    }

    static TrainingConfig read(JsonNode node, String name) throws FileFormatException {
        TrainingConfig d = TrainingConfig.DEFAULT;
        try {
            JsonNode o = node.path("optimizer");
            OptimizerKind kind = OptimizerKind.fromName(
                    o.path("kind").asText(d.optimizer().kind().cliName()));
            OptimizerSettings defaults = OptimizerSettings.defaults(kind);
            OptimizerSettings optimizer = new OptimizerSettings(
                    kind,
                    o.path("learning_rate").asDouble(defaults.learningRate()),
                    o.path("momentum").asDouble(defaults.momentum()),
                    o.path("rho").asDouble(defaults.rho()),
                    o.path("beta1").asDouble(defaults.beta1()),
                    o.path("beta2").asDouble(defaults.beta2()),
                    o.path("epsilon").asDouble(defaults.epsilon()));
            JsonNode early = node.path("early_stopping");
            return new TrainingConfig(
                    optimizer,
                    LossKind.fromName(node.path("loss").asText("ce")),
                    node.path("epochs").asInt(d.epochs()),
                    node.path("batch_size").asInt(d.batchSize()),
                    node.path("validation_fraction").asDouble(d.validationFraction()),
                    node.path("seed").asLong(d.seed()),
                    new EarlyStopping(
                            early.path("patience").asInt(0),
                            early.path("keep_best").asBoolean(false)));
        } catch (IllegalArgumentException e) {
            throw new FileFormatException(name + ": training settings: " + e.getMessage() + ".", e);
        }
    }
}
