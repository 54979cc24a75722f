package dev.tcpshaker.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.tcpshaker.test.LoopbackServers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sample's executable jar, processed by Spring AOT at build time, run with
 * {@code -Dspring.aot.enabled=true} as a native image or an AOT-optimised JVM would run
 * it: health shows the targets, and the switches that decide which beans exist
 * ({@code tcpshaker.enabled}, {@code management.health.tcpshaker.enabled}) are fixed at
 * build time, so setting them at run time changes nothing, as for Boot's own conditions.
 */
class AotSampleAppTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private ChildJvm app;

	@AfterEach
	void stopApp() {
		if (this.app != null) {
			this.app.close();
		}
	}

	@Test
	void aotProcessedSampleShowsTargetsAndIgnoresRunTimeSwitches() throws Exception {
		int port = LoopbackServers.freePortBelowEphemeralRange();
		start(port, "--tcpshaker.enabled=false", "--management.health.tcpshaker.enabled=false");
		JsonNode health = awaitHealth(port);
		JsonNode targets = health.path("components").path("tcpShaker").path("components");
		assertThat(targets.path("demo-db").path("status").asString()).as(health.toString()).isEqualTo("UP");
		assertThat(targets.path("demo-down").path("status").asString()).isEqualTo("DOWN");
		assertThat(this.app.output()).contains("Starting AOT-processed SampleApplication").doesNotContain("Exception");
	}

	private void start(int port, String... arguments) {
		Path jar = Path.of(System.getProperty("tcpshaker.projectRoot"), "sample-app", "target",
				"sample-app-0.1.0-SNAPSHOT.jar");
		assertThat(jar).as("the sample's jar, built before this module by mvn verify").exists();
		List<String> command = new ArrayList<>(List.of("-Dspring.aot.enabled=true", "-jar", jar.toString(),
				"--server.address=127.0.0.1", "--server.port=" + port,
				"--demo.listener.port=" + LoopbackServers.freePortBelowEphemeralRange(),
				"--demo.closed.port=" + LoopbackServers.freePortBelowEphemeralRange()));
		command.addAll(List.of(arguments));
		this.app = ChildJvm.start(command);
	}

	private JsonNode awaitHealth(int port) {
		JsonNode[] health = new JsonNode[1];
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).ignoreExceptions().untilAsserted(() -> {
			assertThat(this.app.isAlive()).as(() -> tail()).isTrue();
			HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
				.timeout(Duration.ofSeconds(5))
				.build();
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			health[0] = json.readTree(response.body());
			assertThat(health[0].path("components").path("tcpShaker").path("components").size()).isEqualTo(2);
		});
		return health[0];
	}

	private String tail() {
		List<String> lines = this.app.output().lines().toList();
		return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
	}

}
