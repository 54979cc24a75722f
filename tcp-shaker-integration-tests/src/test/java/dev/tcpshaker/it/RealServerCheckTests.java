package dev.tcpshaker.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.tcpshaker.CheckMethod;
import dev.tcpshaker.CheckOutcome;
import dev.tcpshaker.TcpShaker;

/**
 * The premise, against real servers: half-open checks leave no trace in PostgreSQL's
 * connection log or Redis's connection counter, while the same number of plain
 * connects shows up one for one (which proves the counting works).
 */
class RealServerCheckTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(2);

	private static PostgresAndRedis servers;

	private static PostgresServer postgres;

	private static RedisServer redis;

	@BeforeAll
	static void startServers() {
		servers = new PostgresAndRedis();
		postgres = servers.postgres;
		redis = servers.redis;
	}

	@AfterAll
	static void stopServers() {
		if (servers != null) {
			servers.close();
		}
	}

	@Test
	void halfOpenChecksOfPostgresLogNoConnection() throws Exception {
		long before = postgres.connectionsReceived();
		try (TcpShaker shaker = TcpShaker.builder().build()) {
			for (int i = 0; i < 20; i++) {
				assertThat(shaker.check("127.0.0.1", postgres.port(), TIMEOUT).outcome()).isEqualTo(CheckOutcome.UP);
			}
		}
		Thread.sleep(500);
		assertThat(postgres.connectionsReceived() - before).isZero();
	}

	@Test
	void plainConnectsOfPostgresLogOneConnectionEach() {
		long before = postgres.connectionsReceived();
		try (TcpShaker shaker = TcpShaker.builder().method(CheckMethod.CONNECT).build()) {
			for (int i = 0; i < 20; i++) {
				assertThat(shaker.check("127.0.0.1", postgres.port(), TIMEOUT).outcome()).isEqualTo(CheckOutcome.UP);
			}
		}
		await("20 connections in the PostgreSQL log").atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(100))
			.untilAsserted(() -> assertThat(postgres.connectionsReceived() - before).isEqualTo(20));
	}

	@Test
	void halfOpenChecksOfRedisLeaveItsConnectionCountUnchanged() throws Exception {
		long before = redis.connectionsReceived();
		try (TcpShaker shaker = TcpShaker.builder().build()) {
			for (int i = 0; i < 50; i++) {
				assertThat(shaker.check("127.0.0.1", redis.port(), TIMEOUT).outcome()).isEqualTo(CheckOutcome.UP);
			}
		}
		Thread.sleep(500);
		assertThat(redis.connectionsReceived() - before).isZero();
	}

	@Test
	void plainConnectsOfRedisCountOneConnectionEach() {
		long before = redis.connectionsReceived();
		try (TcpShaker shaker = TcpShaker.builder().method(CheckMethod.CONNECT).build()) {
			for (int i = 0; i < 50; i++) {
				assertThat(shaker.check("127.0.0.1", redis.port(), TIMEOUT).outcome()).isEqualTo(CheckOutcome.UP);
			}
		}
		await("50 connections counted by Redis").atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(100))
			.untilAsserted(() -> assertThat(redis.connectionsReceived() - before).isEqualTo(50));
	}

}
