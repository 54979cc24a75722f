package dev.tcpshaker.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An operator's outage, end to end: Redis is stopped under an app on the starter, then
 * started again on the same port. Health, the {@code tcpshaker.target.up} gauge and the
 * log follow it, after {@code fall} failures and {@code rise} successes; PostgreSQL,
 * checked all along, never sees a connection, and neither does the new Redis.
 */
@SpringBootTest(classes = DependencyOutageTests.OutageApplication.class,
		webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "management.endpoint.health.show-details=always",
				"management.endpoints.web.exposure.include=health", "tcpshaker.interval=500ms",
				"tcpshaker.timeout=300ms", "tcpshaker.jitter=0" })
@ExtendWith(OutputCaptureExtension.class)
class DependencyOutageTests {

	private static PostgresAndRedis servers;

	private static RedisServer restartedRedis;

	private final HttpClient http = HttpClient.newHttpClient();

	@Value("${local.server.port}")
	private int port;

	@Autowired
	private MeterRegistry meters;

	@BeforeAll
	static void startServers() {
		servers = new PostgresAndRedis();
	}

	@DynamicPropertySource
	static void targets(DynamicPropertyRegistry registry) {
		registry.add("tcpshaker.targets.postgres.host", () -> "127.0.0.1");
		registry.add("tcpshaker.targets.postgres.port", () -> servers.postgres.port());
		registry.add("tcpshaker.targets.redis.host", () -> "127.0.0.1");
		registry.add("tcpshaker.targets.redis.port", () -> servers.redis.port());
	}

	@AfterAll
	static void stopServers() {
		if (restartedRedis != null) {
			restartedRedis.close();
		}
		if (servers != null) {
			servers.close();
		}
	}

	@Test
	void redisGoesDownWhenStoppedAndComesBackWhenStartedWithoutAConnection(CapturedOutput output) throws Exception {
		long postgresBefore = servers.postgres.connectionsReceived();
		int redisPort = servers.redis.port();
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(status("redis")).isEqualTo("UP"));
		assertThat(up("redis")).isEqualTo(1.0);

		servers.redis.close();
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(status("redis")).isEqualTo("DOWN"));
		assertThat(up("redis")).isZero();
		assertThat(targetHealth("redis").path("details").path("outcome").asString()).isEqualTo("REFUSED");
		assertThat(output).containsPattern("WARN .* Target redis \\(127\\.0\\.0\\.1:" + redisPort
				+ "\\) is DOWN, reason: REFUSED \\(ECONNREFUSED: Connection refused\\)");
		assertThat(status("postgres")).isEqualTo("UP");

		restartedRedis = new RedisServer(redisPort);
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(status("redis")).isEqualTo("UP"));
		assertThat(up("redis")).isEqualTo(1.0);
		assertThat(output).containsPattern("INFO .* Target redis \\(127\\.0\\.0\\.1:" + redisPort
				+ "\\) is UP, reason: UP \\(SYN-ACK received\\).*was DOWN for");

		assertThat(servers.postgres.connectionsReceived() - postgresBefore).isZero();
		assertThat(restartedRedis.connectionsReceived()).isZero();
	}

	private double up(String target) {
		return this.meters.get("tcpshaker.target.up").tag("target", target).gauge().value();
	}

	private String status(String target) throws Exception {
		return targetHealth(target).path("status").asString();
	}

	private JsonNode targetHealth(String target) throws Exception {
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/actuator/health/tcpShaker/" + target))
			.timeout(Duration.ofSeconds(10))
			.build();
		HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
		return JsonMapper.builder().build().readTree(response.body());
	}

	@SpringBootApplication
	static class OutageApplication {

	}

}
