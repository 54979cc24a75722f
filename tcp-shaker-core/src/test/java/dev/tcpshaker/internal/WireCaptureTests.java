package dev.tcpshaker.internal;

import dev.tcpshaker.Engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.tcpshaker.CheckMethod;
import dev.tcpshaker.CheckOutcome;
import dev.tcpshaker.test.LoopbackServers;
import dev.tcpshaker.test.PacketCapture;
import dev.tcpshaker.test.LoopbackServers.CountingListener;

/**
 * Proves the half-open handshake on the wire: tcpdump on loopback sees SYN, SYN-ACK,
 * RST for each check and never the client's bare ACK that would complete it. Needs
 * tcpdump and the right to capture; on CI (CI=true) their absence fails the test.
 */
class WireCaptureTests {

	@ParameterizedTest
	@EnumSource(value = Engine.class, names = { "EPOLL", "NIO" })
	void wireShowsSynSynAckRstAndNoBareAck(Engine kind) throws Exception {
		try (CountingListener listener = LoopbackServers.listener();
				DefaultTcpShaker shaker = DefaultTcpShaker.start(kind, CheckMethod.HALF_OPEN, Duration.ofSeconds(1),
						100, null)) {
			PacketCapture capture = PacketCapture.start(listener.port());
			List<String> packets;
			try {
				List<CompletableFuture<?>> checks = new ArrayList<>();
				for (int i = 0; i < 5; i++) {
					checks.add(shaker.checkAsync("127.0.0.1", listener.port(), Duration.ofSeconds(2))
						.thenAccept((r) -> assertThat(r.outcome()).isEqualTo(CheckOutcome.UP)));
				}
				CompletableFuture.allOf(checks.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
				// Past the kernel's 200 ms delayed-ACK limit: a late ACK would show up now.
				Thread.sleep(400);
			}
			finally {
				packets = capture.stop();
			}
			Map<Integer, List<String>> flagsByClientPort = PacketCapture.flagsByClientPort(packets, listener.port());
			assertThat(flagsByClientPort).as("connections seen in %s", packets).hasSize(5);
			assertThat(flagsByClientPort.values()).allSatisfy((flags) -> {
				assertThat(flags).as("client->server flags are prefixed >, server->client <")
					.containsExactly(">S", "<S.", ">R");
			});
			assertThat(listener.acceptCount()).isZero();
		}
	}

}
