package org.layerlab.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.layerlab.serve.ServeTesting.fieldNames;
import static org.layerlab.serve.ServeTesting.get;
import static org.layerlab.serve.ServeTesting.json;
import static org.layerlab.serve.ServeTesting.post;
import static org.layerlab.serve.ServeTesting.send;
import static org.layerlab.serve.ServeTesting.uri;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerlab.core.data.ByteFeatures;
import org.layerlab.core.data.DataKind;
import org.layerlab.core.data.FeatureStore;
import org.layerlab.core.data.FloatFeatures;
import org.layerlab.core.data.Preprocessing;
import org.layerlab.core.training.ModelInfo;
import org.layerlab.core.training.TrainedModel;
import org.layerlab.data.InputReader;
import org.layerlab.data.TabularEncoder;

/**
 * The service against the model itself: every input form of v1 for tables, images and text; v2 metadata
 * and inference as the Open Inference Protocol's specification writes them, and equal to v1; every status
 * code. Concurrency and stopping are in {@link ServeConcurrencyTest}.
 */
class ServeTest {
    /** The table model's columns: a number standardised with mean 10 and std 4, and a one-level category. */
    static final Preprocessing.Tabular SIZED = new Preprocessing.Tabular(
            "side",
            List.of(
                    new Preprocessing.Column("size", 10, 4, List.of()),
                    new Preprocessing.Column("kind", 0, 1, List.of("a"))));

    private static TrainedModel table;
    private static TrainedModel image;
    private static TrainedModel text;

    @TempDir
    Path folder;

    @BeforeAll
    static void train() {
        table = ServeTesting.tableModel();
        image = ServeTesting.imageModel();
        text = ServeTesting.textModel();
    }

    @AfterAll
    static void close() {
        table.close();
        image.close();
        text.close();
    }

    /** The table model served with {@link #SIZED} columns (its predictor reads two features either way). */
    static ServedModel sizedTable() {
        ModelInfo info = table.info();
        ModelInfo sized = new ModelInfo(
                DataKind.TABULAR,
                info.inputShape(),
                info.classNames(),
                SIZED,
                info.loss(),
                info.split(),
                info.dataName(),
                info.dataSamples());
        return new ServedModel("blobs", sized, table.stack(), table::predict);
    }

    private static String expected(TrainedModel model, FeatureStore features) {
        return Json.predictions(model.predict(features), model.info().classNames());
    }

    private static FeatureStore rows(String[]... cells) {
        float[] features = new float[cells.length * 2];
        for (int i = 0; i < cells.length; i++) {
            TabularEncoder.encode(SIZED, cells[i], features, i * 2);
        }
        return new FloatFeatures(features, 2);
    }

    /** An 8×8 grey image: bright on the left, with a little noise. */
    static int[][] pixels(long seed) {
        Random random = new Random(seed);
        int[][] rows = new int[8][8];
        for (int r = 0; r < 8; r++) {
            for (int c = 0; c < 8; c++) {
                rows[r][c] = (c < 4 ? 180 : 40) + random.nextInt(60);
            }
        }
        return rows;
    }

    static String nested(int[][] rows) {
        return "["
                + IntStream.range(0, rows.length).mapToObj(r -> flat(rows[r])).collect(Collectors.joining(", "))
                + "]";
    }

    static String flat(int[] values) {
        return "[" + IntStream.of(values).mapToObj(Integer::toString).collect(Collectors.joining(", ")) + "]";
    }

    static int[] flatten(int[][] rows) {
        return IntStream.range(0, 64).map(i -> rows[i / 8][i % 8]).toArray();
    }

    static ByteFeatures bytes(int[]... images) {
        byte[] data = new byte[images.length * 64];
        for (int i = 0; i < images.length; i++) {
            for (int j = 0; j < 64; j++) {
                data[i * 64 + j] = (byte) images[i][j];
            }
        }
        return new ByteFeatures(data, 64);
    }

    static byte[] encode(int[][] rows, String format) {
        BufferedImage picture = new BufferedImage(8, 8, BufferedImage.TYPE_BYTE_GRAY);
        for (int r = 0; r < 8; r++) {
            for (int c = 0; c < 8; c++) {
                picture.getRaster().setSample(c, r, 0, rows[r][c]);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(picture, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    @Test
    void tableRowsByPositionAndByNameGetTheModelsOwnNumbers() throws IOException {
        try (ModelService service = ModelService.start(sizedTable(), ServeOptions.DEFAULT.withPort(0))) {
            HttpResponse<String> response = post(
                    service,
                    "/v1/predict",
                    "{\"inputs\": [[12.5, \"a\"], {\"kind\": \"a\", \"size\": 3}, {\"SIZE\": -7.25, \"kind\": \"a\", "
                            + "\"side\": \"left\"}]}");

            assertEquals(200, response.statusCode(), response.body());
            assertEquals(
                    "application/json",
                    response.headers().firstValue("Content-Type").orElseThrow());
            assertEquals(
                    expected(table, rows(new String[] {"12.5", "a"}, new String[] {"3", "a"}, new String[] {"-7.25", "a"
                    })),
                    response.body());
            JsonNode first = json(response).get("predictions").get(0);
            assertEquals(List.of("label", "probabilities"), fieldNames(first));
            assertEquals(List.of("left", "right"), fieldNames(first.get("probabilities")));
        }
    }

    @Test
    void imagesNestedFlatAndAsFilesGetTheModelsOwnNumbers() throws Exception {
        int[][] picture = pixels(3);
        try (ModelService service = ServeTesting.start("halves", image)) {
            HttpResponse<String> arrays = post(
                    service,
                    "/v1/predict",
                    "{\"inputs\": [[" + nested(picture) + "], " + nested(picture) + ", " + flat(flatten(picture))
                            + "]}");
            assertEquals(200, arrays.statusCode(), arrays.body());
            int[] one = flatten(picture);
            assertEquals(expected(image, bytes(one, one, one)), arrays.body());

            for (String format : List.of("png", "jpeg")) {
                byte[] file = encode(picture, format);
                Path saved = Files.write(folder.resolve("picture." + format), file);
                // predict reads the file so: the service must prepare the body the same way.
                FeatureStore asPredictReadsIt =
                        InputReader.read(saved, image.info().preprocessing()).features();
                HttpResponse<String> raw = post(service, "/v1/predict", "image/" + format, file);
                assertEquals(200, raw.statusCode(), raw.body());
                assertEquals(expected(image, asPredictReadsIt), raw.body(), format);
            }
        }
    }

    @Test
    void sentencesGetTheModelsOwnNumbers() throws Exception {
        List<String> sentences = List.of("w7 w3 w9", "W2 w5, and a word it never saw: w11!");
        Path file = Files.write(folder.resolve("sentences.txt"), sentences, StandardCharsets.UTF_8);
        FeatureStore asPredictReadsIt =
                InputReader.read(file, text.info().preprocessing()).features();
        try (ModelService service = ServeTesting.start("tokens", text)) {
            HttpResponse<String> response = post(
                    service, "/v1/predict", "{\"inputs\": [\"w7 w3 w9\", \"W2 w5, and a word it never saw: w11!\"]}");

            assertEquals(200, response.statusCode(), response.body());
            assertEquals(expected(text, asPredictReadsIt), response.body());
        }
    }

    @Test
    void modelDescriptionSaysHowToSendInput() throws IOException {
        try (ModelService service = ModelService.start(sizedTable(), ServeOptions.DEFAULT.withPort(0))) {
            JsonNode model = json(get(service, "/v1/model"));

            assertEquals("blobs", model.get("name").asText());
            assertEquals("table", model.get("kind").asText());
            assertEquals("[2]", model.get("input_shape").toString());
            assertEquals("[\"left\",\"right\"]", model.get("classes").toString());
            JsonNode size = model.get("preprocessing").get("columns").get(0);
            assertEquals("number", size.get("type").asText());
            assertEquals(10, size.get("mean").asDouble());
            assertEquals(
                    "[1]",
                    model.get("preprocessing")
                            .get("columns")
                            .get(1)
                            .get("positions")
                            .toString());
            assertEquals(3, model.get("stack").get("layers").size());
            assertEquals(
                    "Dense(8)",
                    model.get("stack").get("layers").get(0).get("layer").asText());
            assertTrue(
                    model.get("input").asText().contains("size, kind"),
                    model.get("input").asText());
            assertEquals("{\"status\": \"ok\"}", get(service, "/health").body());
        }
    }

    @Test
    void theCurlExampleWorksAsItIs() throws IOException {
        try (ModelService service = ModelService.start(sizedTable(), ServeOptions.DEFAULT.withPort(0))) {
            String curl = service.curlExample();
            assertTrue(curl.startsWith("curl -s " + service.address() + "v1/predict "), curl);
            String body = curl.substring(curl.indexOf("-d '") + 4, curl.length() - 1);

            assertEquals("{\"inputs\":[{\"size\":10.0,\"kind\":\"a\"}]}", body);
            assertEquals(200, post(service, "/v1/predict", body).statusCode());
        }
    }

    // ---- The Open Inference Protocol (v2) ----

    @Test
    void v2HealthServerAndModelMetadataFollowTheSpecification() throws IOException {
        try (ModelService service = ServeTesting.start("halves", image)) {
            for (String path : List.of("/v2/health/live", "/v2/health/ready", "/v2/models/halves/ready")) {
                HttpResponse<String> health = get(service, path);
                assertEquals(200, health.statusCode(), path);
                assertEquals("", health.body(), path + ": the specification asks for an empty body");
            }
            JsonNode server = json(get(service, "/v2"));
            assertEquals(List.of("name", "version", "extensions"), fieldNames(server));

            HttpResponse<String> metadata = get(service, "/v2/models/halves");
            assertEquals(200, metadata.statusCode());
            // $metadata_model_response without "versions" (optional; this server keeps no versions).
            assertEquals(
                    "{\"name\":\"halves\",\"platform\":\"pytorch_djl\","
                            + "\"inputs\":[{\"name\":\"input\",\"datatype\":\"FP32\",\"shape\":[-1,1,8,8]}],"
                            + "\"outputs\":[{\"name\":\"probabilities\",\"datatype\":\"FP32\",\"shape\":[-1,2]}]}",
                    metadata.body());
            HttpResponse<String> other = get(service, "/v2/models/mnist");
            assertEquals(404, other.statusCode());
            assertEquals(List.of("error"), fieldNames(json(other)));
            assertEquals(404, get(service, "/v2/models/halves/versions/1").statusCode());
        }
    }

    /** The specification's example request, its "id" and "outputs" included, for a model of each kind. */
    private static String v2Request(int[] shape, String data) {
        return "{\"id\" : \"42\", \"inputs\" : [{\"name\" : \"input\", \"shape\" : " + flat(shape)
                + ", \"datatype\" : \"FP32\", \"data\" : " + data
                + "}], \"outputs\" : [{\"name\" : \"probabilities\"}]}";
    }

    /** v2's flat output equals v1's probabilities digit for digit, input by input. */
    private static void assertSameAnswers(HttpResponse<String> v1, HttpResponse<String> v2, int inputs) {
        assertEquals(200, v1.statusCode(), v1.body());
        assertEquals(200, v2.statusCode(), v2.body());
        JsonNode response = json(v2);
        assertEquals(List.of("model_name", "id", "outputs"), fieldNames(response));
        assertEquals("42", response.get("id").asText());
        JsonNode output = response.get("outputs").get(0);
        assertEquals(1, response.get("outputs").size());
        assertEquals(List.of("name", "shape", "datatype", "data"), fieldNames(output));
        assertEquals("probabilities", output.get("name").asText());
        assertEquals("FP32", output.get("datatype").asText());
        assertEquals("[" + inputs + ",2]", output.get("shape").toString());
        JsonNode predictions = json(v1).get("predictions");
        assertEquals(inputs, predictions.size());
        List<JsonNode> fromV1 = new ArrayList<>();
        predictions.forEach(p -> p.get("probabilities").forEach(fromV1::add));
        List<JsonNode> fromV2 = new ArrayList<>();
        output.get("data").forEach(fromV2::add);
        assertEquals(fromV1, fromV2); // decimal nodes: equal only when written with the same digits
    }

    @Test
    void v2InferenceOfATableEqualsV1() throws IOException {
        try (ModelService service = ModelService.start(sizedTable(), ServeOptions.DEFAULT.withPort(0))) {
            HttpResponse<String> v1 = post(service, "/v1/predict", "{\"inputs\": [[12.5, \"a\"], [3, \"a\"]]}");
            // Raw features as the ONNX export reads them: the number as it is, the category one-hot.
            HttpResponse<String> v2 =
                    post(service, "/v2/models/blobs/infer", v2Request(new int[] {2, 2}, "[[12.5, 1], [3, 1]]"));
            assertSameAnswers(v1, v2, 2);
            assertEquals(
                    v2.body(),
                    post(service, "/v2/models/blobs/infer", v2Request(new int[] {2, 2}, "[12.5, 1, 3, 1]"))
                            .body());
        }
    }

    @Test
    void v2InferenceOfImagesEqualsV1FlatOrNested() throws IOException {
        int[] a = flatten(pixels(5));
        int[] b = flatten(pixels(6));
        try (ModelService service = ServeTesting.start("halves", image)) {
            HttpResponse<String> v1 = post(service, "/v1/predict", "{\"inputs\": [" + flat(a) + ", " + flat(b) + "]}");
            int[] both = IntStream.concat(IntStream.of(a), IntStream.of(b)).toArray();
            HttpResponse<String> flatData =
                    post(service, "/v2/models/halves/infer", v2Request(new int[] {2, 1, 8, 8}, flat(both)));
            assertSameAnswers(v1, flatData, 2);

            String nestedData = "[[" + nested(pixels(5)) + "], [" + nested(pixels(6)) + "]]";
            HttpResponse<String> nestedAnswer =
                    post(service, "/v2/models/halves/infer", v2Request(new int[] {2, 1, 8, 8}, nestedData));
            assertEquals(flatData.body(), nestedAnswer.body());

            String withoutId = "{\"inputs\": [{\"name\": \"input\", \"shape\": [1, 1, 8, 8], \"datatype\": \"FP32\", "
                    + "\"data\": " + flat(a) + "}]}";
            assertEquals(
                    List.of("model_name", "outputs"),
                    fieldNames(json(post(service, "/v2/models/halves/infer", withoutId))));
        }
    }

    @Test
    void v2InferenceOfTokenIdsEqualsV1() throws IOException {
        try (ModelService service = ServeTesting.start("tokens", text)) {
            HttpResponse<String> v1 =
                    post(service, "/v1/predict", "{\"inputs\": [\"w7 w3 w9\", \"w2 w5 w4 w3 w8 w9 w10\"]}");
            // Padded at the front to 6 ids; the sentence too long keeps its first 6 words.
            HttpResponse<String> v2 = post(
                    service,
                    "/v2/models/tokens/infer",
                    v2Request(new int[] {2, 6}, "[[0, 0, 0, 7, 3, 9], [2, 5, 4, 3, 8, 9]]"));
            assertSameAnswers(v1, v2, 2);
        }
    }

    @Test
    void v2RefusesRequestsTheModelCannotTakeWithAnErrorObject() throws IOException {
        try (ModelService service = ServeTesting.start("halves", image)) {
            String data = flat(flatten(pixels(1)));
            List<String> bad = List.of(
                    "{\"inputs\": [{\"name\": \"x\", \"shape\": [1, 1, 8, 8], \"datatype\": \"FP32\", \"data\": " + data
                            + "}]}",
                    "{\"inputs\": [{\"name\": \"input\", \"shape\": [1, 1, 8, 8], \"datatype\": \"INT64\", \"data\": "
                            + data + "}]}",
                    "{\"inputs\": [{\"name\": \"input\", \"shape\": [1, 64], \"datatype\": \"FP32\", \"data\": " + data
                            + "}]}",
                    "{\"inputs\": [{\"name\": \"input\", \"shape\": [2, 1, 8, 8], \"datatype\": \"FP32\", \"data\": "
                            + data + "}]}",
                    "{\"inputs\": [{\"name\": \"input\", \"shape\": [1, 1, 8, 8], \"datatype\": \"FP32\", \"data\": "
                            + data + "}], \"outputs\": [{\"name\": \"logits\"}]}",
                    "{\"inputs\": [{\"name\": \"input\", \"shape\": [1, 1, 8, 8], \"datatype\": \"FP32\", \"data\": "
                            + data + "}], \"model\": \"x\"}",
                    "{\"id\": 42, \"inputs\": [{\"name\": \"input\", \"shape\": [1, 1, 8, 8], \"datatype\": \"FP32\", \"data\": "
                            + data + "}]}",
                    "{\"inputs\": [{\"name\": \"input\", \"shape\": [1, 1, 8, 8], \"datatype\": \"FP32\", \"data\": [[1, 2], [3, 4]]}]}",
                    "{\"inputs\": []}");
            for (String body : bad) {
                HttpResponse<String> response = post(service, "/v2/models/halves/infer", body);
                assertEquals(400, response.statusCode(), body);
                assertEquals(List.of("error"), fieldNames(json(response)), body);
            }
            assertTrue(
                    post(service, "/v2/models/halves/infer", bad.get(1)).body().contains("\\\"FP32\\\""));
        }
    }

    // ---- Status codes ----

    private static void assertError(HttpResponse<String> response, int status, String words) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals(
                "application/json",
                response.headers().firstValue("Content-Type").orElseThrow());
        JsonNode error = json(response);
        assertEquals(List.of("error"), fieldNames(error));
        assertTrue(
                error.get("error").asText().contains(words), error.get("error").asText());
    }

    @Test
    void badRequestsGet400WithAnErrorThatNamesTheProblem() throws IOException {
        try (ModelService service = ModelService.start(sizedTable(), ServeOptions.DEFAULT.withPort(0))) {
            assertError(post(service, "/v1/predict", "{\"inputs\": [[12, \"a\"]"), 400, "not valid JSON");
            assertError(post(service, "/v1/predict", "{\"inputs\": [[12, \"a\"]]} and more"), 400, "not valid JSON");
            assertError(post(service, "/v1/predict", "{\"inputs\": [], \"inputs\": []}"), 400, "Duplicate field");
            assertError(post(service, "/v1/predict", ""), 400, "the body is empty");
            assertError(post(service, "/v1/predict", "[[12, \"a\"]]"), 400, "should be a JSON object");
            assertError(post(service, "/v1/predict", "{\"rows\": [[12, \"a\"]]}"), 400, "a field \"rows\"");
            assertError(post(service, "/v1/predict", "{\"inputs\": []}"), 400, "inputs: is empty");
            assertError(
                    post(service, "/v1/predict", "{\"inputs\": [[12, \"a\", 3]]}"),
                    400,
                    "inputs[0]: has 3 values but this model reads 2, in this order: size, kind");
            assertError(
                    post(service, "/v1/predict", "{\"inputs\": [[\"12\", \"a\"]]}"),
                    400,
                    "inputs[0][0]: is a string (\"12\") but should be a number");
            assertError(
                    post(service, "/v1/predict", "{\"inputs\": [[12, \"b\"]]}"),
                    400,
                    "\"b\" is not a category the model knows for column \"kind\"; use one of a");
            assertError(
                    post(service, "/v1/predict", "{\"inputs\": [{\"size\": 12}]}"), 400, "inputs[0]: has no \"kind\"");
            assertError(
                    post(service, "/v1/predict", "{\"inputs\": [{\"size\": 12, \"kind\": \"a\", \"colour\": 1}]}"),
                    400,
                    "has \"colour\"");
            assertError(post(service, "/v1/predict", "{\"inputs\": [[1e999, \"a\"]]}"), 400, "too large");
            assertError(post(service, "/v1/predict", "{\"inputs\": [[NaN, \"a\"]]}"), 400, "not valid JSON");
            assertError(post(service, "/v1/predict", "image/png", new byte[] {1, 2, 3}), 415, "not images");
            assertEquals(
                    200,
                    post(service, "/v1/predict", "{\"inputs\": [[12, \"a\"]]}").statusCode());
        }
        try (ModelService service = ServeTesting.start("halves", image)) {
            assertError(
                    post(service, "/v1/predict", "{\"inputs\": [[1, 2, 3]]}"),
                    400,
                    "inputs[0]: has 3 values but 1 × 8 × 8 makes 64");
            assertError(
                    post(service, "/v1/predict", "{\"inputs\": [[[1, 2], [3, 4]]]}"),
                    400,
                    "inputs[0]: is an array of 2 but should be an array of 8");
            assertError(post(service, "/v1/predict", "{\"inputs\": [\"a picture\"]}"), 400, "inputs[0]: is a string");
            int[] tooBright = flatten(pixels(1));
            tooBright[5] = 256;
            assertError(
                    post(service, "/v1/predict", "{\"inputs\": [" + flat(tooBright) + "]}"),
                    400,
                    "pixel value 5 is 256.0");
            assertError(
                    post(service, "/v1/predict", "image/png", "not a picture".getBytes(StandardCharsets.UTF_8)),
                    400,
                    "cannot be read as an image");
        }
        try (ModelService service = ServeTesting.start("tokens", text)) {
            assertError(post(service, "/v1/predict", "{\"inputs\": [[7, 3]]}"), 400, "this model reads text");
        }
    }

    @Test
    void unknownPathsGet404AndWrongMethods405() throws IOException {
        try (ModelService service = ServeTesting.start("halves", image)) {
            assertError(get(service, "/v1/predictions"), 404, "no such path: /v1/predictions");
            assertError(get(service, "/"), 404, "POST /v1/predict");
            assertError(post(service, "/v2/models/other/infer", "{}"), 404, "no model 'other' here");

            HttpResponse<String> getPredict = get(service, "/v1/predict");
            assertError(getPredict, 405, "GET is not allowed on /v1/predict; use POST");
            assertEquals("POST", getPredict.headers().firstValue("Allow").orElseThrow());
            HttpResponse<String> deleteHealth =
                    send(HttpRequest.newBuilder(uri(service, "/health")).DELETE());
            assertError(deleteHealth, 405, "use GET");
            assertEquals("GET", deleteHealth.headers().firstValue("Allow").orElseThrow());
            assertError(post(service, "/v2/models/halves", "{}"), 405, "use GET");
            HttpResponse<String> head = send(HttpRequest.newBuilder(uri(service, "/health"))
                    .method("HEAD", HttpRequest.BodyPublishers.noBody()));
            assertEquals(200, head.statusCode());
            assertEquals("", head.body());
        }
    }

    @Test
    void bodiesOverTheLimitGet413WhetherDeclaredOrChunked() throws IOException {
        ServeOptions small = ServeOptions.DEFAULT.withPort(0).withMaxBodyBytes(1024);
        try (ModelService service = ModelService.start(ServedModel.of("halves", image), small)) {
            String big = "{\"inputs\": [" + flat(flatten(pixels(1))) + ", " + flat(flatten(pixels(2))) + ", "
                    + flat(flatten(pixels(3))) + ", " + flat(flatten(pixels(4))) + "]}";
            assertTrue(big.length() > 1024);
            assertError(post(service, "/v1/predict", big), 413, "at most 1024 bytes");

            byte[] bytes = big.getBytes(StandardCharsets.UTF_8);
            HttpResponse<String> chunked = send(HttpRequest.newBuilder(uri(service, "/v1/predict"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))));
            assertError(chunked, 413, "more than 1024 bytes");

            String small1 = "{\"inputs\": [" + flat(flatten(pixels(1))) + "]}";
            assertTrue(small1.length() <= 1024);
            assertEquals(200, post(service, "/v1/predict", small1).statusCode());
        }
    }

    @Test
    void anImageThatWouldDecodeIntoGigabytesGets413() throws IOException {
        byte[] png = encode(pixels(1), "png");
        // Claim 100,000 × 100,000 pixels in the header; the reader must refuse before decoding.
        java.nio.ByteBuffer.wrap(png, 16, 8).putInt(100_000).putInt(100_000);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(png, 12, 17);
        java.nio.ByteBuffer.wrap(png, 29, 4).putInt((int) crc.getValue());
        try (ModelService service = ServeTesting.start("halves", image)) {
            assertError(post(service, "/v1/predict", "image/png", png), 413, "10,000,000,000 pixels");
        }
    }

    @Test
    void aTokenGivenIsRequiredAsBearerEvenOnLoopback() throws IOException {
        ServeOptions guarded = ServeOptions.DEFAULT.withPort(0).withToken("s3cret-token");
        try (ModelService service = ModelService.start(ServedModel.of("halves", image), guarded)) {
            assertEquals("s3cret-token", service.token().orElseThrow());
            assertFalse(service.reachableFromNetwork());
            HttpResponse<String> without = get(service, "/health");
            assertError(without, 401, "Authorization: Bearer");
            assertEquals(
                    "Bearer realm=\"layerlab\"",
                    without.headers().firstValue("WWW-Authenticate").orElseThrow());
            assertError(get(service, "/no/such/path"), 401, "Authorization");
            assertError(
                    send(HttpRequest.newBuilder(uri(service, "/health")).header("Authorization", "Bearer wrong")),
                    401,
                    "token");
            assertError(
                    send(HttpRequest.newBuilder(uri(service, "/health")).header("Authorization", "s3cret-token")),
                    401,
                    "token");

            assertEquals(
                    200,
                    send(HttpRequest.newBuilder(uri(service, "/health")).header("Authorization", "Bearer s3cret-token"))
                            .statusCode());
            assertEquals(
                    200,
                    send(HttpRequest.newBuilder(uri(service, "/health")).header("Authorization", "bearer s3cret-token"))
                            .statusCode());
            assertTrue(
                    service.curlExample().contains("-H 'Authorization: Bearer s3cret-token'"), service.curlExample());
        }
    }

    @Test
    void beyondLoopbackATokenIsMadeUpWhenNoneIsGiven() throws Exception {
        InetAddress network = ServeTesting.address(192, 0, 2, 1); // a documentation address: never contacted
        String made = ModelService.tokenFor(network, null);
        assertTrue(made.length() >= 32, made);
        assertNotEquals(made, ModelService.tokenFor(network, null));
        assertEquals("given", ModelService.tokenFor(network, "given"));
        assertNull(ModelService.tokenFor(ServeTesting.loopback(), null));
        assertNull(ModelService.tokenFor(ServeTesting.address(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1), null));
        assertEquals("given", ModelService.tokenFor(ServeTesting.loopback(), "given"));
    }

    @Test
    void optionsAndNamesAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> ServeOptions.DEFAULT.withThreads(0));
        assertThrows(IllegalArgumentException.class, () -> ServeOptions.DEFAULT.withPort(70_000));
        assertThrows(IllegalArgumentException.class, () -> ServeOptions.DEFAULT.withToken(" "));
        assertThrows(
                IllegalArgumentException.class,
                () -> new ServedModel("a b", image.info(), image.stack(), image::predict));
        assertEquals("run-3", ServedModel.nameFrom("run 3"));
        assertEquals("model", ServedModel.nameFrom("---"));
    }

    @Test
    void tokenIdsOutsideTheVocabularyAreRefused() throws IOException {
        try (ModelService service = ServeTesting.start("tokens", text)) {
            assertError(
                    post(service, "/v2/models/tokens/infer", v2Request(new int[] {1, 6}, "[0, 0, 0, 7, 3, 20]")),
                    400,
                    "from 0 to 19");
            assertError(
                    post(service, "/v2/models/tokens/infer", v2Request(new int[] {1, 6}, "[0, 0, 0, 7, 3, 2.5]")),
                    400,
                    "whole");
        }
    }
}
