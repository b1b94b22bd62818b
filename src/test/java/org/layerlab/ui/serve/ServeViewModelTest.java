package org.layerlab.ui.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerlab.core.stack.Template;
import org.layerlab.engine.DjlTrainingEngine;
import org.layerlab.ui.SameThread;
import org.layerlab.ui.data.DataViewModel;
import org.layerlab.ui.network.NetworkViewModel;
import org.layerlab.ui.project.ProjectState;
import org.layerlab.ui.project.RunModels;
import org.layerlab.ui.training.TrainingViewModel;

/** Serving the selected run from the workbench: start, answer, count, stop (only on 127.0.0.1). */
class ServeViewModelTest {
    @TempDir
    Path home;

    private final SameThread same = new SameThread();
    private final ProjectState state = new ProjectState();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private ServeViewModel serve;
    private TrainingViewModel training;

    @BeforeEach
    void trainTwoRuns() {
        DjlTrainingEngine engine = new DjlTrainingEngine();
        RunModels runModels = new RunModels(state, engine, same, home);
        training = new TrainingViewModel(state, engine, runModels, same, same);
        serve = new ServeViewModel(state, same, 0);
        new DataViewModel(state, same).loadSample("iris");
        new NetworkViewModel(state).applyTemplate(Template.IRIS_MLP);
        training.epochsProperty().set(2);
        training.start();
        training.start();
    }

    @AfterEach
    void stopServing() {
        serve.stop();
    }

    private HttpResponse<String> send(String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create(serve.addressProperty().get() + path))
                .timeout(Duration.ofSeconds(10));
        request = body == null
                ? request.GET()
                : request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theSelectedRunAnswersOnLoopbackAndTheLiveLineCountsRequests() throws Exception {
        serve.start();
        assertTrue(serve.runningProperty().get(), serve.messageProperty().get());
        assertTrue(
                serve.addressProperty().get().startsWith("http://127.0.0.1:"),
                serve.addressProperty().get());
        assertTrue(
                serve.curlProperty().get().startsWith("curl "),
                serve.curlProperty().get());

        HttpResponse<String> answer = send("v1/predict", "{\"inputs\": [[5.1, 3.5, 1.4, 0.2]]}");
        assertEquals(200, answer.statusCode(), answer.body());
        assertTrue(answer.body().contains("\"setosa\""), answer.body());
        assertEquals(200, send("health", null).statusCode());
        serve.refresh();
        assertTrue(
                serve.statsProperty().get().startsWith("2 requests · 0 errors"),
                serve.statsProperty().get());

        String address = serve.addressProperty().get();
        serve.stop();
        assertFalse(serve.runningProperty().get());
        assertThrows(
                java.io.IOException.class,
                () -> http.send(
                        HttpRequest.newBuilder(URI.create(address + "health"))
                                .timeout(Duration.ofSeconds(5))
                                .build(),
                        HttpResponse.BodyHandlers.ofString()));
    }

    @Test
    void selectingAnotherRunStopsTheService() {
        serve.start();
        assertTrue(serve.runningProperty().get());
        state.selectedRunProperty().set(state.runs().get(0));
        assertFalse(serve.runningProperty().get());
        assertTrue(
                serve.messageProperty().get().startsWith("Stopped serving Run 2"),
                serve.messageProperty().get());
    }
}
