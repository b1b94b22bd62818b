package org.layerlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {
    @TempDir
    Path folder;

    record Run(int status, String out, String err) {}

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = LayerLabCli.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(status, out.toString(), err.toString());
    }

    static void assertOneLineError(Run run, String expected) {
        assertEquals(1, run.status(), run.out() + run.err());
        List<String> lines = run.err().lines().toList();
        assertEquals(1, lines.size(), "one line, no stack trace: " + run.err());
        assertTrue(lines.get(0).startsWith("layerlab: "), run.err());
        assertTrue(lines.get(0).contains(expected), run.err());
        assertFalse(run.err().contains("\tat "), run.err());
    }

    @Test
    void trainChoosesTheBatchSizeAndEpochsFromTheDataWhenLeftOut() {
        Run train = run(
                "train",
                "--data",
                "sample:iris",
                "--stack",
                "sample-data/stacks/iris-mlp.json",
                "--out",
                folder.resolve("runs/chosen").toString());
        assertEquals(0, train.status(), train.err());
        assertTrue(
                train.out()
                        .contains("Settings chosen for 105 training rows: batch 8, 108 epochs (14 batches an epoch, "
                                + "1,512 steps). --epochs and --batch-size set them."),
                train.out());
        assertTrue(train.out().contains("Epoch 108/108"), train.out());

        Run few = run(
                "train",
                "--data",
                "sample:iris",
                "--stack",
                "sample-data/stacks/iris-mlp.json",
                "--batch-size",
                "64",
                "--out",
                folder.resolve("runs/few").toString());
        assertEquals(0, few.status(), few.err());
        assertTrue(few.out().contains("Epochs chosen for 105 training rows in batches of 64: 150"), few.out());
        assertTrue(few.out().contains("An epoch is only 2 batches of 64 (105 training rows)"), few.out());
    }

    @Test
    void trainEvaluateAndPredictIrisEndToEnd() throws Exception {
        Path out = folder.resolve("runs/iris");
        Run train = run(
                "train",
                "--data",
                "sample:iris",
                "--stack",
                "sample-data/stacks/iris-mlp.json",
                "--epochs",
                "40",
                "--batch-size",
                "16",
                "--lr",
                "0.02",
                "--out",
                out.toString());
        assertEquals(0, train.status(), train.err());
        assertTrue(train.out().contains("Total parameters: 131"), train.out());
        assertTrue(train.out().contains("Epoch 40/40"), train.out());
        java.util.regex.Matcher accuracy =
                java.util.regex.Pattern.compile("Test accuracy: ([0-9.]+)").matcher(train.out());
        assertTrue(accuracy.find(), train.out());
        assertTrue(Double.parseDouble(accuracy.group(1)) >= 0.8, "iris is learnt: " + accuracy.group(1));
        assertTrue(Files.isRegularFile(out.resolve("model/model.json")));
        assertTrue(Files.isRegularFile(out.resolve("model/layerlab-0000.params")));
        List<String> metrics = Files.readAllLines(out.resolve("metrics.csv"));
        assertEquals(41, metrics.size());
        assertTrue(metrics.get(0).startsWith("epoch,train_loss,train_accuracy,validation_loss"));

        Run evaluate = run("evaluate", "--model", out.toString(), "--data", "sample:iris");
        assertEquals(0, evaluate.status(), evaluate.err());
        assertTrue(evaluate.out().contains("Test samples: 30"), evaluate.out());
        assertTrue(evaluate.out().contains("virginica"), evaluate.out());

        Path flowers = folder.resolve("flowers.csv");
        Files.writeString(flowers, """
                sepal_length,sepal_width,petal_length,petal_width
                5.1,3.5,1.4,0.2
                6.9,3.1,5.4,2.1
                """);
        Run predict =
                run("predict", "--model", out.resolve("model").toString(), "--input", flowers.toString(), "--top", "1");
        assertEquals(0, predict.status(), predict.err());
        assertTrue(predict.out().startsWith("line 2: setosa"), predict.out());
        assertTrue(predict.out().contains("line 3: virginica"), predict.out());
        assertOneLineError(
                run("predict", "--model", out.toString(), "--input", folder.toString()),
                "is a folder, but this model reads a CSV file with the columns [sepal_length");
    }

    @Test
    void predictReadsImagesForAnImageModel() throws Exception {
        Path images = folder.resolve("colours");
        for (int i = 0; i < 12; i++) {
            org.layerlab.testing.TestImages.write(images.resolve("red/" + i + ".png"), java.awt.Color.RED, 8);
            org.layerlab.testing.TestImages.write(images.resolve("blue/" + i + ".png"), java.awt.Color.BLUE, 8);
        }
        Path stack = folder.resolve("colour.json");
        Files.writeString(
                stack,
                "{\"format\":\"layerlab-stack\",\"version\":1,\"layers\":[{\"type\":\"flatten\"},"
                        + "{\"type\":\"dense\",\"units\":2}]}");
        Path out = folder.resolve("run");
        Run train = run(
                "train",
                "--data",
                images.toString(),
                "--stack",
                stack.toString(),
                "--epochs",
                "20",
                "--batch-size",
                "8",
                "--lr",
                "0.05",
                "--out",
                out.toString());
        assertEquals(0, train.status(), train.err());
        Path mine = folder.resolve("mine.png");
        org.layerlab.testing.TestImages.write(mine, java.awt.Color.RED, 30);
        Run predict = run("predict", "--model", out.toString(), "--input", mine.toString(), "--top", "2");
        assertEquals(0, predict.status(), predict.err());
        assertTrue(predict.out().startsWith("mine.png: red "), predict.out());
        assertTrue(predict.out().contains(", blue "), predict.out());
    }

    @Test
    void predictReadsOneSentencePerLineForATextModel() throws Exception {
        StringBuilder tsv = new StringBuilder("label\ttext\n");
        for (int i = 0; i < 60; i++) {
            tsv.append(i % 2 == 0 ? "good\ta wonderful lovely film\n" : "bad\ta dull boring mess\n");
        }
        Path data = folder.resolve("reviews.tsv");
        Files.writeString(data, tsv);
        Path stack = folder.resolve("text.json");
        Files.writeString(
                stack,
                "{\"format\":\"layerlab-stack\",\"version\":1,\"layers\":[{\"type\":\"embedding\","
                        + "\"vocabulary\":20,\"dimension\":8},{\"type\":\"gru\",\"units\":8},{\"type\":\"dense\",\"units\":2}]}");
        Path out = folder.resolve("text-run");
        Run train = run(
                "train",
                "--data",
                data.toString(),
                "--stack",
                stack.toString(),
                "--epochs",
                "15",
                "--batch-size",
                "8",
                "--lr",
                "0.02",
                "--out",
                out.toString());
        assertEquals(0, train.status(), train.err());
        Path lines = folder.resolve("mine.txt");
        Files.writeString(lines, "What a lovely film\nso boring\n");
        Run predict = run("predict", "--model", out.toString(), "--input", lines.toString(), "--top", "1");
        assertEquals(0, predict.status(), predict.err());
        assertEquals(
                List.of("What a lovely film: good", "so boring: bad"),
                predict.out()
                        .lines()
                        .map(l -> l.substring(0, l.lastIndexOf(' ')))
                        .toList());
    }

    @Test
    void summaryPrintsTheTableAndTotal() {
        Run run = run("summary", "sample-data/stacks/mnist-cnn.json");
        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().contains("Conv2D(32, 3×3)            (32, 26, 26)                320"), run.out());
        assertTrue(run.out().contains("Total parameters: 121,930"), run.out());
    }

    @Test
    void summaryEstimatesTheMemoryToTrain() {
        Run run = run("summary", "sample-data/stacks/iris-mlp.json", "--batch-size", "16", "--optimizer", "sgd");
        assertEquals(0, run.status(), run.err());
        assertTrue(
                run.out().contains("Memory: about 512 MB to train with SGD in batches of 16; LayerLab may use "),
                run.out());
    }

    /** 4 inputs × 2,000,000,000 units: some 2 TB to train in batches of 128, more than any machine these tests run on. */
    private Path hugeDenseStack() throws Exception {
        Path stack = folder.resolve("huge.json");
        Files.writeString(
                stack,
                "{\"format\":\"layerlab-stack\",\"version\":1,\"layers\":["
                        + "{\"type\":\"dense\",\"units\":2000000000},{\"type\":\"dense\",\"units\":3}]}");
        return stack;
    }

    @Test
    void summaryOfAStackTooLargeForTheMachineFails() throws Exception {
        Run run = run("summary", hugeDenseStack().toString(), "--input", "4");
        assertOneLineError(run, "Layer 1 (Dense) alone needs ");
        // 2,000,000,000 outputs × 128 samples × 8 bytes outweigh its 10,000,000,000 parameters × 16 bytes
        assertTrue(run.err().contains("for its outputs for a batch of 128 and their gradients"), run.err());
        assertTrue(run.err().strip().endsWith("; use a smaller batch size or fewer units."), run.err());
        assertTrue(run.out().contains("Total parameters: 16,000,000,003"), "the table is still shown");
    }

    @Test
    void trainingAStackTooLargeForTheMachineEndsBeforeItStarts() throws Exception {
        Run run = run(
                "train",
                "--data",
                "sample:iris",
                "--stack",
                hugeDenseStack().toString(),
                "--out",
                folder.resolve("huge").toString());
        assertOneLineError(run, "Layer 1 (Dense) alone needs ");
        assertFalse(run.err().contains("Exception"), run.err());
    }

    @Test
    void summaryOfABrokenStackPrintsTheReasonAndFails() throws Exception {
        Path stack = folder.resolve("broken.json");
        Files.writeString(
                stack,
                "{\"format\":\"layerlab-stack\",\"version\":1,\"input\":[1,28,28],\"layers\":["
                        + "{\"type\":\"conv2d\"},{\"type\":\"flatten\"},{\"type\":\"conv2d\"}]}");
        Run run = run("summary", stack.toString());
        assertEquals(1, run.status());
        assertTrue(run.out().contains("Total parameters"), "the table is still shown");
        assertEquals(
                "layerlab: Layer 3 (Conv2D) needs a 3-D input (channels, height, width) but receives (21632); "
                        + "remove the Flatten at layer 2 or move it below layer 3.",
                run.err().strip());
    }

    @Test
    void badInputEndsInOneClearLine() throws Exception {
        Path csv = folder.resolve("bad.csv");
        Files.writeString(csv, "a,b,label\n1,2,x\n3,4\n");
        assertOneLineError(
                run(
                        "train",
                        "--data",
                        csv.toString(),
                        "--stack",
                        "sample-data/stacks/iris-mlp.json",
                        "--out",
                        folder.resolve("o").toString()),
                "bad.csv line 3: has 2 cells but the header has 3");
        assertOneLineError(
                run(
                        "train",
                        "--data",
                        "sample:iris",
                        "--label",
                        "colour",
                        "--stack",
                        "sample-data/stacks/iris-mlp.json",
                        "--out",
                        folder.resolve("o").toString()),
                "has no column 'colour'");
        assertOneLineError(
                run(
                        "train",
                        "--data",
                        "sample:iris",
                        "--stack",
                        "sample-data/stacks/mnist-cnn.json",
                        "--out",
                        folder.resolve("o").toString()),
                "The stack expects input (1, 28, 28) but iris.csv gives (4)");
        assertOneLineError(
                run(
                        "train",
                        "--data",
                        "sample:nope",
                        "--stack",
                        "sample-data/stacks/iris-mlp.json",
                        "--out",
                        folder.resolve("o").toString()),
                "There is no sample 'nope'; the samples are mnist, iris");
        assertOneLineError(
                run("evaluate", "--model", folder.resolve("missing").toString(), "--data", "sample:iris"),
                "no such model folder");
        assertOneLineError(
                run(
                        "train",
                        "--data",
                        "sample:iris",
                        "--stack",
                        "sample-data/stacks/iris-mlp.json",
                        "--optimizer",
                        "lbfgs",
                        "--out",
                        folder.resolve("o").toString()),
                "unknown optimizer 'lbfgs'");
    }

    @Test
    void wrongClassCountIsExplainedWithTheFix() throws Exception {
        Path stack = folder.resolve("five.json");
        Files.writeString(
                stack,
                "{\"format\":\"layerlab-stack\",\"version\":1,\"layers\":[{\"type\":\"dense\"," + "\"units\":5}]}");
        assertOneLineError(
                run(
                        "train",
                        "--data",
                        "sample:iris",
                        "--stack",
                        stack.toString(),
                        "--out",
                        folder.resolve("o").toString()),
                "Layer 1 (Dense) outputs 5 values but iris.csv has 3 classes; end " + "the stack with Dense(3).");
    }

    @Test
    void aMeasurementTakenAsTheLabelPointsAtTheLabelOption() throws Exception {
        StringBuilder csv = new StringBuilder("species,height,weight\n");
        for (int i = 0; i < 30; i++) {
            csv.append(i % 3 == 0 ? "fir" : "oak")
                    .append(',')
                    .append(i)
                    .append(',')
                    .append(10 + i * 0.37)
                    .append('\n');
        }
        Path data = folder.resolve("trees.csv");
        Files.writeString(data, csv);
        Path stack = folder.resolve("two-species.json");
        Files.writeString(
                stack, "{\"format\":\"layerlab-stack\",\"version\":1,\"layers\":[{\"type\":\"dense\",\"units\":2}]}");
        assertOneLineError(
                run(
                        "train",
                        "--data",
                        data.toString(),
                        "--stack",
                        stack.toString(),
                        "--out",
                        folder.resolve("o").toString()),
                "trees.csv: the label column 'weight' has 30 different values among 30 rows, so it looks like an id "
                        + "or a measurement rather than classes; name the column that holds the classes with --label");
    }

    @Test
    void unwritableOutputFolderIsRefusedBeforeTraining() throws Exception {
        Path blocker = folder.resolve("file-not-folder");
        Files.writeString(blocker, "x");
        assertOneLineError(
                run(
                        "train",
                        "--data",
                        "sample:iris",
                        "--stack",
                        "sample-data/stacks/iris-mlp.json",
                        "--out",
                        blocker.resolve("run").toString()),
                "cannot write there");
    }

    @Test
    void unknownOptionIsAUsageError() {
        Run run = run("train", "--colour", "blue");
        assertEquals(2, run.status());
        assertEquals(1, run.err().lines().count(), run.err());
    }
}
