package dev.tcpshaker.test;

import static org.assertj.core.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Assumptions;

/**
 * tcpdump on loopback for the given ports, to see what went on the wire. Needs tcpdump
 * and the right to capture; on CI (CI=true) their absence fails the test, elsewhere it
 * skips it. Captures in immediate mode: tcpdump otherwise hands packets over up to a
 * second late on these machines.
 */
public final class PacketCapture {

	private static final Pattern PACKET = Pattern
		.compile("IP6? (\\S+)\\.(\\d+) > (\\S+)\\.(\\d+): Flags \\[([^\\]]+)\\]");

	private final Process tcpdump;

	private PacketCapture(Process tcpdump) {
		this.tcpdump = tcpdump;
	}

	/**
	 * Starts capturing TCP packets to and from the ports.
	 * @param ports the ports
	 * @return the running capture
	 */
	public static PacketCapture start(int... ports) throws IOException {
		boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
		String filter = IntStream.of(ports).mapToObj((port) -> "tcp port " + port).collect(Collectors.joining(" or "));
		Process tcpdump;
		try {
			tcpdump = new ProcessBuilder("tcpdump", "-i", "lo", "-nn", "-l", "--immediate-mode", filter).start();
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
				return new PacketCapture(tcpdump);
			}
		}
		tcpdump.destroyForcibly();
		String reason = "tcpdump did not start capturing (needs root or CAP_NET_RAW): " + line;
		if (ci) {
			fail(reason);
		}
		Assumptions.abort(reason);
		return null;
	}

	/**
	 * Stops tcpdump with SIGTERM, so it flushes, and returns every packet line it printed.
	 * {@link Process#destroy()} would close our end of its output before we read it.
	 * @return the packet lines
	 */
	public List<String> stop() throws IOException, InterruptedException {
		Process kill = new ProcessBuilder("kill", "-TERM", Long.toString(this.tcpdump.pid())).start();
		kill.waitFor(10, TimeUnit.SECONDS);
		if (!this.tcpdump.waitFor(10, TimeUnit.SECONDS)) {
			this.tcpdump.destroyForcibly();
		}
		try (BufferedReader stdout = new BufferedReader(
				new InputStreamReader(this.tcpdump.getInputStream(), StandardCharsets.UTF_8))) {
			return stdout.lines().toList();
		}
	}

	/**
	 * The flags of each connection to a server port, by client port, in order: {@code >}
	 * for client to server, {@code <} back; every RST reads {@code R}, so a bare ACK
	 * ({@code .}) stands out.
	 * @param packets the captured lines
	 * @param serverPort the server's port
	 * @return the flags by client port
	 */
	public static Map<Integer, List<String>> flagsByClientPort(List<String> packets, int serverPort) {
		Map<Integer, List<String>> byClient = new LinkedHashMap<>();
		for (String line : packets) {
			Matcher m = PACKET.matcher(line);
			if (!m.find()) {
				continue;
			}
			int src = Integer.parseInt(m.group(2));
			int dst = Integer.parseInt(m.group(4));
			if (src != serverPort && dst != serverPort) {
				continue;
			}
			String flags = m.group(5);
			boolean toServer = dst == serverPort;
			int client = toServer ? src : dst;
			String normalized = flags.startsWith("R") ? "R" : flags;
			byClient.computeIfAbsent(client, (k) -> new ArrayList<>()).add((toServer ? ">" : "<") + normalized);
		}
		return byClient;
	}

	/**
	 * SYNs (without ACK) sent to a server port: one per connection attempt.
	 * @param packets the captured lines
	 * @param serverPort the server's port
	 * @return the number of SYNs
	 */
	public static long synsTo(List<String> packets, int serverPort) {
		return flagsByClientPort(packets, serverPort).values()
			.stream()
			.flatMap(List::stream)
			.filter(">S"::equals)
			.count();
	}

}
