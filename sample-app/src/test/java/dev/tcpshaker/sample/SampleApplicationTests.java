package dev.tcpshaker.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sample as a user meets it: real HTTP to {@code /actuator/health}, real half-open
 * checks of the demo dependencies on loopback.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SampleApplicationTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@Value("${local.server.port}")
	private int port;

	@Autowired
	private DemoListener demoListener;

	@DynamicPropertySource
	static void demoPorts(DynamicPropertyRegistry registry) {
		// Chosen once: the registry may call a supplier every time the property is read.
		int listenerPort = freeLoopbackPort();
		int closedPort = freeLoopbackPort();
		registry.add("demo.listener.port", () -> listenerPort);
		registry.add("demo.closed.port", () -> closedPort);
	}

	@Test
	void healthShowsDemoListenerUpAndClosedPortDownWithoutAnyAcceptedConnection() throws Exception {
		JsonNode health = null;
		for (int i = 0; i < 5; i++) {
			health = get("/actuator/health");
		}
		JsonNode targets = health.path("components").path("tcpShaker").path("components");
		assertThat(targets.path("demo-db").path("status").asString()).isEqualTo("UP");
		assertThat(targets.path("demo-db").path("details").path("method").asString()).isEqualTo("HALF_OPEN");
		assertThat(targets.path("demo-down").path("status").asString()).isEqualTo("DOWN");
		assertThat(targets.path("demo-down").path("details").path("outcome").asString()).isEqualTo("REFUSED");
		assertThat(health.path("status").asString()).isEqualTo("DOWN");
		JsonNode proof = health.path("components").path("demoListener").path("details");
		assertThat(proof.path("acceptedConnections").asLong(-1)).isZero();
		assertThat(this.demoListener.acceptedConnections()).isZero();
	}

	@Test
	void healthOfOneTargetIsReachableByPath() throws Exception {
		JsonNode db = get("/actuator/health/tcpShaker/demo-db");
		assertThat(db.path("status").asString()).isEqualTo("UP");
		assertThat(db.path("details").path("address").asString()).contains("127.0.0.1");
	}

	@Test
	void readinessIncludesOnlyTheRequiredDependencyAndLivenessNone() throws Exception {
		// demo-down is DOWN, yet neither probe fails: readiness only includes demo-db.
		JsonNode readiness = get("/actuator/health/readiness");
		assertThat(readiness.path("status").asString()).isEqualTo("UP");
		assertThat(readiness.path("components").path("tcpShaker").path("components").has("demo-db")).isTrue();
		assertThat(readiness.path("components").path("tcpShaker").path("components").has("demo-down")).isFalse();
		JsonNode liveness = get("/actuator/health/liveness");
		assertThat(liveness.path("status").asString()).isEqualTo("UP");
		assertThat(liveness.path("components").has("tcpShaker")).isFalse();
	}

	@Test
	void dependenciesPageChecksEveryConfiguredTarget() throws Exception {
		JsonNode page = get("/dependencies");
		assertThat(page.path("demo-db").path("outcome").asString()).isEqualTo("UP");
		assertThat(page.path("demo-down").path("outcome").asString()).isEqualTo("REFUSED");
		assertThat(this.demoListener.acceptedConnections()).isZero();
	}

	@Test
	void prometheusScrapeHasTheTcpShakerSeries() throws Exception {
		String scrape = await().atMost(Duration.ofSeconds(10)).until(() -> text("/actuator/prometheus"),
				(body) -> body.contains("tcpshaker_target_up{") && body.contains("tcpshaker_check_seconds_count{"));
		assertThat(scrape).containsPattern("(?m)^tcpshaker_target_up\\{.*target=\"demo-db\".*\\} 1\\.0$")
			.containsPattern("(?m)^tcpshaker_target_up\\{.*target=\"demo-down\".*\\} 0\\.0$")
			.containsPattern("(?m)^tcpshaker_check_seconds_count\\{.*outcome=\"UP\".*target=\"demo-db\".*\\} \\d")
			.contains("tcpshaker_late_closes_total")
			.contains("tcpshaker_checks_in_flight");
	}

	@Test
	void tcpshakerEndpointShowsEveryTargetAndOneByName() throws Exception {
		JsonNode all = await().atMost(Duration.ofSeconds(10))
			.until(() -> get("/actuator/tcpshaker"),
					(body) -> body.path("targets").path("demo-db").path("checks").asLong() > 0
							&& body.path("targets").path("demo-down").path("checks").asLong() > 0
							&& !body.path("stealth").path("verdict").asString().equals("UNKNOWN"));
		assertThat(all.path("method").asString()).isEqualTo("HALF_OPEN");
		assertThat(all.path("stealth").path("verdict").asString()).isEqualTo("VERIFIED");
		assertThat(all.path("targets").path("demo-db").path("state").asString()).isEqualTo("UP");
		assertThat(all.path("targets").path("demo-down").path("lastResult").path("outcome").asString())
			.isEqualTo("REFUSED");
		JsonNode db = get("/actuator/tcpshaker/demo-db");
		assertThat(db.path("address").asString()).isEqualTo("127.0.0.1:" + this.demoListener.port());
		assertThat(db.path("lastResult").path("outcome").asString()).isEqualTo("UP");
		assertThat(status("GET", "/actuator/tcpshaker/no-such-target")).isEqualTo(404);
	}

	@Test
	void tcpshakerEndpointChecksAConfiguredTargetOnPostAndKnowsNoOther() throws Exception {
		HttpResponse<String> response = send("POST", "/actuator/tcpshaker/demo-db");
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(json.readTree(response.body()).path("outcome").asString()).isEqualTo("UP");
		assertThat(status("POST", "/actuator/tcpshaker/no-such-target")).isEqualTo(404);
		assertThat(this.demoListener.acceptedConnections()).isZero();
	}

	private String text(String path) throws IOException, InterruptedException {
		HttpResponse<String> response = send("GET", path);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return response.body();
	}

	private int status(String method, String path) throws IOException, InterruptedException {
		return send(method, path).statusCode();
	}

	private HttpResponse<String> send(String method, String path) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.timeout(Duration.ofSeconds(10))
			.method(method, HttpRequest.BodyPublishers.noBody())
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private JsonNode get(String path) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.timeout(Duration.ofSeconds(10))
			.build();
		HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isIn(200, 503);
		return json.readTree(response.body());
	}

	/**
	 * A free port below Linux's ephemeral range (32768 and up), so no outgoing
	 * connection takes it between now and the app binding it.
	 */
	private static int freeLoopbackPort() {
		java.util.Random random = new java.util.Random();
		for (int attempt = 0; attempt < 100; attempt++) {
			int port = 20_000 + random.nextInt(12_000);
			try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
				return port;
			}
			catch (IOException ex) {
				// taken: try another
			}
		}
		throw new UncheckedIOException(new IOException("no free loopback port in 20000..31999 after 100 tries"));
	}

}
