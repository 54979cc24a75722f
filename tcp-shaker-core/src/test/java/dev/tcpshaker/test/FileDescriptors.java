package dev.tcpshaker.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.sun.management.UnixOperatingSystemMXBean;

/**
 * Counts this process's open file descriptors, with the JDK's
 * {@link UnixOperatingSystemMXBean}.
 */
public final class FileDescriptors {

	private FileDescriptors() {
	}

	public static int count() {
		OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
		if (!(os instanceof UnixOperatingSystemMXBean unix)) {
			throw new IllegalStateException(os.getClass().getName() + " counts no file descriptors: fd counts need Unix");
		}
		return Math.toIntExact(unix.getOpenFileDescriptorCount());
	}

	/**
	 * Waits, at most 5 seconds, for the fd count to fall back to {@code baseline}, and
	 * fails with the last count when it does not. Other threads (the JIT, the GC, a
	 * Cleaner) may briefly hold one or two.
	 * @param baseline the most descriptors that may stay open
	 */
	public static void awaitAtMost(int baseline) {
		await("open file descriptors back to " + baseline).atMost(Duration.ofSeconds(5))
			.pollInterval(Duration.ofMillis(20))
			.untilAsserted(() -> assertThat(count()).isLessThanOrEqualTo(baseline));
	}

	/**
	 * Uses up every file descriptor this process may open, to provoke {@code EMFILE},
	 * until the returned handle is closed. The soft limit is lowered first (with
	 * {@code prlimit}, from util-linux) so that only a few dozen files need opening.
	 * Load every class the code under test needs before calling this: loading a class
	 * from a directory needs a file descriptor too.
	 */
	public static Exhaustion exhaust() {
		return new Exhaustion();
	}

	/**
	 * Holds files open until closed, then restores the previous limit.
	 */
	public static final class Exhaustion implements AutoCloseable {

		private final String[] limits = softAndHardLimit();

		private final List<RandomAccessFile> held = new ArrayList<>();

		Exhaustion() {
			// Let pending Cleaners close what they will before we count.
			System.gc();
			prlimit((count() + 32) + ":" + this.limits[1]);
			refill();
		}

		/** Opens files until {@code EMFILE}: every descriptor is then taken. */
		public void refill() {
			try {
				for (int i = 0; i < 1_000; i++) {
					this.held.add(new RandomAccessFile("/dev/null", "r"));
				}
				throw new IllegalStateException("1000 files opened without reaching the lowered limit");
			}
			catch (IOException ex) {
				// EMFILE: every descriptor is taken.
			}
		}

		@Override
		public void close() {
			for (RandomAccessFile file : this.held) {
				try {
					file.close();
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}
			prlimit(this.limits[0] + ":" + this.limits[1]);
		}

	}

	private static String[] softAndHardLimit() {
		try {
			for (String line : Files.readAllLines(Path.of("/proc/self/limits"), StandardCharsets.UTF_8)) {
				if (line.startsWith("Max open files")) {
					String[] fields = line.substring("Max open files".length()).trim().split("\\s+");
					return new String[] { fields[0], fields[1] };
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		throw new IllegalStateException("no 'Max open files' in /proc/self/limits");
	}

	private static void prlimit(String limits) {
		try {
			Process process = new ProcessBuilder("prlimit", "--pid", Long.toString(ProcessHandle.current().pid()),
					"--nofile=" + limits)
				.inheritIO()
				.start();
			if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0) {
				throw new IllegalStateException("prlimit --nofile=" + limits + " failed");
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
