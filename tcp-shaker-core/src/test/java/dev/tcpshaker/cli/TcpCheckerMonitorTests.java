package dev.tcpshaker.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.tcpshaker.test.LoopbackServers;
import dev.tcpshaker.test.LoopbackServers.CountingListener;
import dev.tcpshaker.test.SwitchablePort;

/**
 * Monitor mode ({@code -i}), on real loopback ports: in this JVM through
 * {@link TcpChecker#run}, and as a process of its own for the way it ends.
 */
class TcpCheckerMonitorTests {

	@Test
	void monitorPrintsEveryCopysStateChangesUntilInterrupted() throws InterruptedException {
		try (SwitchablePort port = new SwitchablePort(true)) {
			String address = "127.0.0.1:" + port.port();
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			ByteArrayOutputStream err = new ByteArrayOutputStream();
			AtomicInteger exitCode = new AtomicInteger(-1);
			Thread cli = new Thread(() -> exitCode.set(TcpChecker.run(new String[] { "-a", address, "-s", "3", "-i", "200" },
					new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))));
			cli.start();
			try {
				await().atMost(Duration.ofSeconds(5)).until(() -> lines(out, "UNKNOWN -> UP").size() == 3);
				for (int copy = 1; copy <= 3; copy++) {
					String name = address + "#" + copy;
					assertThat(lines(out, name + " ")).singleElement()
						.asString()
						.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z \\Q" + name + " (" + address
								+ ")\\E UNKNOWN -> UP: UP in \\d+\\.\\d ms \\(.+\\)");
				}
				port.listening(false);
				await().atMost(Duration.ofSeconds(5)).until(() -> lines(out, "UP -> DOWN").size() == 3);
				assertThat(lines(out, "UP -> DOWN")).allMatch((line) -> line.contains(": REFUSED in "));
			}
			finally {
				cli.interrupt();
				cli.join(5_000);
			}
			assertThat(cli.isAlive()).isFalse();
			assertThat(exitCode).as(err.toString(StandardCharsets.UTF_8)).hasValue(0);
			assertThat(port.acceptCount()).isZero();
		}
	}

	@Test
	void monitorProcessExitsZeroOnSigterm(@TempDir Path dir) throws IOException, InterruptedException {
		try (CountingListener listener = LoopbackServers.listener()) {
			Path out = dir.resolve("out");
			Path err = dir.resolve("err");
			Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
					"-cp", System.getProperty("java.class.path"),
					"-Djdk.net.hosts.file=" + System.getProperty("jdk.net.hosts.file"), TcpChecker.class.getName(), "-a",
					"127.0.0.1:" + listener.port(), "-i", "200")
				.redirectOutput(out.toFile())
				.redirectError(err.toFile())
				.start();
			try {
				await().atMost(Duration.ofSeconds(30))
					.until(() -> !process.isAlive() || Files.readString(out).contains("UNKNOWN -> UP"));
				assertThat(Files.readString(out)).as(Files.readString(err)).contains("UNKNOWN -> UP");
				process.destroy(); // SIGTERM
				assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
				assertThat(process.exitValue()).as(Files.readString(err)).isZero();
				// The monitor's own log of the change would only repeat the line on stdout.
				assertThat(Files.readString(err)).doesNotContain("Exception").doesNotContain("is UP, reason");
			}
			finally {
				process.destroyForcibly();
			}
		}
	}

	private static List<String> lines(ByteArrayOutputStream out, String containing) {
		return out.toString(StandardCharsets.UTF_8).lines().filter((line) -> line.contains(containing)).toList();
	}

}
