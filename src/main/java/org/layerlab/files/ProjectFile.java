package org.layerlab.files;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.layerlab.core.project.DataSettings;
import org.layerlab.core.project.Project;
import org.layerlab.core.project.RunRecord;
import org.layerlab.core.training.TrainingEvent;

/**
 * A project file (.layerlab), version 1: the data reference, the stack, the training settings and every
 * run's epoch figures, as JSON that people can read.
 */
public final class ProjectFile {
    public static final String EXTENSION = ".layerlab";
    static final String FORMAT = "layerlab-project";
    static final int VERSION = 1;

    private ProjectFile() {}

    public static void write(Path file, Project project) throws IOException {
        JsonFiles.write(file, toJson(project));
    }

    public static Project read(Path file) throws FileFormatException {
        JsonNode root = JsonFiles.read(file);
        String name = file.toString();
        JsonFiles.checkHeader(root, name, FORMAT, VERSION);
        JsonNode data = root.path("data");
        DataSettings settings = data.isObject()
                ? new DataSettings(
                        data.path("source").asText(),
                        data.path("format").asText("auto"),
                        text(data, "label_column"),
                        text(data, "text_column"),
                        data.path("image_size").asInt(0),
                        data.path("grey").asBoolean(false),
                        data.path("fill_missing").asBoolean(false),
                        data.path("test_fraction").asDouble(0.2))
                : null;
        List<RunRecord> runs = new ArrayList<>();
        for (JsonNode run : root.path("runs")) {
            runs.add(readRun(run, name));
        }
        return new Project(
                settings,
                StackFile.fromJson(root.path("stack"), name + " (stack)"),
                TrainingConfigJson.read(root.path("training"), name),
                runs);
    }

    static ObjectNode toJson(Project project) {
        ObjectNode root =
                JsonNodeFactory.instance.objectNode().put("format", FORMAT).put("version", VERSION);
        DataSettings d = project.data();
        if (d != null) {
            root.putObject("data")
                    .put("source", d.source())
                    .put("format", d.format())
                    .put("label_column", d.labelColumn())
                    .put("text_column", d.textColumn())
                    .put("image_size", d.imageSize())
                    .put("grey", d.grey())
                    .put("fill_missing", d.fillMissing())
                    .put("test_fraction", d.testFraction());
        }
        root.set("stack", StackFile.toJson(project.stack()));
        root.set("training", TrainingConfigJson.write(project.training()));
        ArrayNode runs = root.putArray("runs");
        for (RunRecord run : project.runs()) {
            ObjectNode r = runs.addObject()
                    .put("name", run.name())
                    .put("label", run.label())
                    .put("data", run.data())
                    .put("outcome", run.outcome())
                    .put("best_epoch", run.bestEpoch());
            number(r, "test_accuracy", run.testAccuracy());
            r.set("stack", StackFile.toJson(run.stack()));
            r.set("training", TrainingConfigJson.write(run.config()));
            ArrayNode epochs = r.putArray("epochs");
            for (TrainingEvent.EpochEnded e : run.epochs()) {
                ObjectNode epoch = epochs.addObject().put("epoch", e.epoch()).put("epochs", e.epochs());
                number(epoch, "train_loss", e.trainLoss());
                number(epoch, "train_accuracy", e.trainAccuracy());
                number(epoch, "validation_loss", e.validationLoss());
                number(epoch, "validation_accuracy", e.validationAccuracy());
                epoch.put("elapsed_ms", e.elapsed().toMillis());
                number(epoch, "samples_per_second", e.samplesPerSecond());
            }
        }
        return root;
    }

    private static RunRecord readRun(JsonNode run, String name) throws FileFormatException {
        List<TrainingEvent.EpochEnded> epochs = new ArrayList<>();
        for (JsonNode e : run.path("epochs")) {
            epochs.add(new TrainingEvent.EpochEnded(
                    e.path("epoch").asInt(),
                    e.path("epochs").asInt(),
                    number(e, "train_loss"),
                    number(e, "train_accuracy"),
                    number(e, "validation_loss"),
                    number(e, "validation_accuracy"),
                    Duration.ofMillis(e.path("elapsed_ms").asLong()),
                    number(e, "samples_per_second")));
        }
        return new RunRecord(
                run.path("name").asText(),
                run.path("label").asText(),
                run.path("data").asText(""),
                StackFile.fromJson(run.path("stack"), name + " (run stack)"),
                TrainingConfigJson.read(run.path("training"), name),
                epochs,
                run.path("outcome").asText(),
                number(run, "test_accuracy"),
                run.path("best_epoch").asInt(0));
    }

    /** JSON has no NaN: a missing figure is written as null. */
    private static void number(ObjectNode node, String field, double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            node.putNull(field);
        } else {
            node.put(field, value);
        }
    }

    private static double number(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? Double.NaN : value.asDouble();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
