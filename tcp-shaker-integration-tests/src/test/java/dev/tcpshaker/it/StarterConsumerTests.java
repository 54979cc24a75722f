package dev.tcpshaker.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.tcpshaker.CheckOutcome;
import dev.tcpshaker.TcpShaker;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An application that only adds the starter and lists PostgreSQL and Redis as targets,
 * as a user would: however often {@code /actuator/health} is asked, and however often
 * the injected {@link TcpShaker} checks, neither server accepts a connection.
 */
@SpringBootTest(classes = StarterConsumerTests.ConsumerApplication.class,
		webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "management.endpoint.health.show-details=always",
				"management.endpoints.web.exposure.include=health" })
class StarterConsumerTests {

	private static PostgresAndRedis servers;

	private static PostgresServer postgres;

	private static RedisServer redis;

	private final HttpClient http = HttpClient.newHttpClient();

	@Value("${local.server.port}")
	private int port;

	@Autowired
	private TcpShaker shaker;

	/** Runs before the context loads, so the property suppliers below see the servers. */
	@BeforeAll
	static void startServers() {
		servers = new PostgresAndRedis();
		postgres = servers.postgres;
		redis = servers.redis;
	}

	@DynamicPropertySource
	static void targets(DynamicPropertyRegistry registry) {
		registry.add("tcpshaker.targets.postgres.host", () -> "127.0.0.1");
		registry.add("tcpshaker.targets.postgres.port", () -> postgres.port());
		registry.add("tcpshaker.targets.redis.host", () -> "localhost");
		registry.add("tcpshaker.targets.redis.port", () -> redis.port());
	}

	@AfterAll
	static void stopServers() {
		if (servers != null) {
			servers.close();
		}
	}

	@Test
	void healthRequestsAndInjectedChecksOpenNoConnectionToPostgresOrRedis() throws Exception {
		long postgresBefore = postgres.connectionsReceived();
		long redisBefore = redis.connectionsReceived();
		for (int i = 0; i < 20; i++) {
			JsonNode targets = health().path("components").path("tcpShaker").path("components");
			assertThat(targets.path("postgres").path("status").asString()).isEqualTo("UP");
			assertThat(targets.path("redis").path("status").asString()).isEqualTo("UP");
			assertThat(this.shaker.check("127.0.0.1", postgres.port()).outcome()).isEqualTo(CheckOutcome.UP);
			assertThat(this.shaker.check("localhost", redis.port()).outcome()).isEqualTo(CheckOutcome.UP);
		}
		Thread.sleep(500);
		assertThat(postgres.connectionsReceived() - postgresBefore).isZero();
		assertThat(redis.connectionsReceived() - redisBefore).isZero();
	}

	private JsonNode health() throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/actuator/health"))
			.timeout(Duration.ofSeconds(10))
			.build();
		HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
		return JsonMapper.builder().build().readTree(response.body());
	}

	@SpringBootApplication
	static class ConsumerApplication {

	}

}
