package dev.tcpshaker.it.nativeaccess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.tcpshaker.it.ChildJvm;
import dev.tcpshaker.test.LoopbackServers;
import dev.tcpshaker.test.LoopbackServers.CountingListener;

/**
 * JDK 22+ native access, as a user meets it: an app on the starter started in a JVM
 * without {@code --enable-native-access}. With {@code tcpshaker.engine=nio} the JDK
 * prints no warning at all and the checks are still half-open (the listener accepts
 * nothing); with the epoll engine our own WARN says what to do. On JDK 17 the JDK never
 * warns, so only the half-open part has something to prove there.
 */
class NativeAccessTests {

	private static final String JDK_WARNING = "Restricted methods will be blocked";

	private ChildJvm app;

	@AfterEach
	void stopApp() {
		if (this.app != null) {
			this.app.close();
		}
	}

	@Test
	void nioEngineLoadsNoNativeCodeAndStaysHalfOpen() throws Exception {
		try (CountingListener listener = LoopbackServers.listener()) {
			start(listener.port(), "--tcpshaker.engine=nio");
			String output = awaitLine("Target db (127.0.0.1:" + listener.port() + ") is UP");
			assertThat(output).contains("checks on the nio engine")
				.doesNotContain(JDK_WARNING)
				.doesNotContain("java.lang.System::load")
				.doesNotContain("native access is not enabled");
			assertThat(listener.acceptCount()).isZero();
		}
	}

	@Test
	void epollEngineSaysOnceHowToEnableNativeAccessWhereTheJdkWarns() throws Exception {
		try (CountingListener listener = LoopbackServers.listener()) {
			start(listener.port(), "--tcpshaker.engine=epoll");
			String output = awaitLine("Target db (127.0.0.1:" + listener.port() + ") is UP");
			assertThat(output).contains("checks on the epoll engine");
			if (Runtime.version().feature() >= 22) {
				assertThat(output).contains(JDK_WARNING);
				assertThat(output.split("native access is not enabled", -1)).hasSize(2);
				assertThat(output).contains("--enable-native-access=ALL-UNNAMED").contains("tcpshaker.engine=nio");
			}
			else {
				// JDK 17 lets code load native libraries without a word, and so do we.
				assertThat(output).doesNotContain(JDK_WARNING).doesNotContain("native access is not enabled");
			}
			assertThat(listener.acceptCount()).isZero();
		}
	}

	private void start(int targetPort, String... arguments) {
		List<String> command = new ArrayList<>(List.of("-cp", System.getProperty("java.class.path"),
				NativeAccessApp.class.getName(), "--spring.main.web-application-type=none", "--tcpshaker.interval=500ms",
				"--tcpshaker.timeout=200ms", "--tcpshaker.targets.db.host=127.0.0.1",
				"--tcpshaker.targets.db.port=" + targetPort));
		command.addAll(List.of(arguments));
		this.app = ChildJvm.start(command);
	}

	private String awaitLine(String line) {
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
			String output = this.app.output();
			assertThat(this.app.isAlive() || output.contains(line)).as(output).isTrue();
			assertThat(output).contains(line);
		});
		return this.app.output();
	}

}
