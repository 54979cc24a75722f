package dev.tcpshaker.internal;

import dev.tcpshaker.Engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.tcpshaker.CheckMethod;
import dev.tcpshaker.CheckOutcome;
import dev.tcpshaker.test.LoopbackServers;
import dev.tcpshaker.test.LoopbackServers.CountingListener;

/**
 * Proves the half-open handshake on the wire: tcpdump on loopback sees SYN, SYN-ACK,
 * RST for each check and never the client's bare ACK that would complete it. Needs
 * tcpdump and the right to capture; on CI (CI=true) their absence fails the test.
 */
class WireCaptureTests {

	private static final Pattern PACKET = Pattern
		.compile("IP6? (\\S+)\\.(\\d+) > (\\S+)\\.(\\d+): Flags \\[([^\\]]+)\\]");

	@ParameterizedTest
	@EnumSource(value = Engine.class, names = { "EPOLL", "NIO" })
	void wireShowsSynSynAckRstAndNoBareAck(Engine kind) throws Exception {
		try (CountingListener listener = LoopbackServers.listener();
				DefaultTcpShaker shaker = DefaultTcpShaker.start(kind, CheckMethod.HALF_OPEN, Duration.ofSeconds(1),
						100, null)) {
			Process tcpdump = startCapture(listener.port());
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
				packets = stopCapture(tcpdump);
			}
			Map<Integer, List<String>> flagsByClientPort = flagsByClientPort(packets, listener.port());
			assertThat(flagsByClientPort).as("connections seen in %s", packets).hasSize(5);
			assertThat(flagsByClientPort.values()).allSatisfy((flags) -> {
				assertThat(flags).as("client->server flags are prefixed >, server->client <")
					.containsExactly(">S", "<S.", ">R");
			});
			assertThat(listener.acceptCount()).isZero();
		}
	}

	private static Map<Integer, List<String>> flagsByClientPort(List<String> packets, int serverPort) {
		Map<Integer, List<String>> byClient = new LinkedHashMap<>();
		for (String line : packets) {
			Matcher m = PACKET.matcher(line);
			if (!m.find()) {
				continue;
			}
			int src = Integer.parseInt(m.group(2));
			int dst = Integer.parseInt(m.group(4));
			String flags = m.group(5);
			boolean toServer = dst == serverPort;
			int client = toServer ? src : dst;
			// "R." and "R" are both our RST; keep the distinction that matters: a bare ACK is ".".
			String normalized = flags.startsWith("R") ? "R" : flags;
			byClient.computeIfAbsent(client, (k) -> new ArrayList<>()).add((toServer ? ">" : "<") + normalized);
		}
		return byClient;
	}

	private static Process startCapture(int port) throws IOException, InterruptedException {
		boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
		Process tcpdump;
		try {
			tcpdump = new ProcessBuilder("tcpdump", "-i", "lo", "-nn", "-l", "-U", "tcp port " + port).start();
		}
		catch (IOException ex) {
			if (ci) {
				fail("tcpdump is required on CI: " + ex.getMessage());
			}
			Assumptions.abort("tcpdump is not installed: " + ex.getMessage());
			throw ex;
		}
		BufferedReader stderr = new BufferedReader(
				new InputStreamReader(tcpdump.getErrorStream(), StandardCharsets.UTF_8));
		String line;
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while ((line = stderr.readLine()) != null && System.nanoTime() < deadline) {
			if (line.contains("listening on")) {
				return tcpdump;
			}
		}
		tcpdump.destroyForcibly();
		String reason = "tcpdump did not start capturing (needs root or CAP_NET_RAW): " + line;
		if (ci) {
			fail(reason);
		}
		Assumptions.abort(reason);
		return tcpdump;
	}

	/**
	 * Stops tcpdump with SIGTERM, so it flushes, then returns every line it printed.
	 * {@link Process#destroy()} would close our end of its output before we read it.
	 */
	private static List<String> stopCapture(Process tcpdump) throws InterruptedException, IOException {
		Process kill = new ProcessBuilder("kill", "-TERM", Long.toString(tcpdump.pid())).start();
		kill.waitFor(10, TimeUnit.SECONDS);
		if (!tcpdump.waitFor(10, TimeUnit.SECONDS)) {
			tcpdump.destroyForcibly();
		}
		try (BufferedReader stdout = new BufferedReader(
				new InputStreamReader(tcpdump.getInputStream(), StandardCharsets.UTF_8))) {
			return stdout.lines().toList();
		}
	}

}
